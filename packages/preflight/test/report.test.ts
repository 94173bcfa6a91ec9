/**
 * Preflight results fill the run report exactly as the schema says, the verdicts follow the
 * checks, and the renderings name the fix.
 */
import { createReport, finalizeReport, type PreflightCheck, renderComment, validateReport } from "@codexrel/core";
import {
  agentVerdict,
  blockedPublication,
  hintMarkdown,
  publishVerdict,
  renderPreflightMarkdown,
  renderPreflightText,
  runPreflight,
} from "@codexrel/preflight";
import { describe, expect, test } from "vitest";
import { NOT_FOUND } from "./helpers.js";

const c = (id: string, status: PreflightCheck["status"], code = "X"): PreflightCheck => ({
  id,
  status,
  code,
  reason: "r",
  blocking: false,
});

describe("verdicts", () => {
  test("publishable", () => {
    expect(publishVerdict([c("github-token", "pass"), c("thread", "pass"), c("can-comment", "pass")])).toBe("yes");
    expect(publishVerdict([c("github-token", "pass"), c("thread", "warn"), c("can-comment", "pass")])).toBe("yes");
    expect(publishVerdict([c("github-token", "pass"), c("thread", "pass"), c("can-comment", "warn")])).toBe("unknown");
    expect(publishVerdict([c("github-token", "fail"), c("thread", "skip"), c("can-comment", "skip")])).toBe("no");
    expect(publishVerdict([c("github-token", "pass"), c("thread", "skip", "THREAD_NOT_SET")])).toBe("no");
    expect(publishVerdict([c("github-token", "warn"), c("thread", "skip"), c("can-comment", "skip")])).toBe("unknown");
    expect(publishVerdict([c("openai-key", "pass")])).toBe("unknown");
  });

  test("agent-runnable", () => {
    expect(agentVerdict([c("openai-key", "pass"), c("codex-home", "pass"), c("fork", "pass")])).toBe("yes");
    expect(agentVerdict([c("openai-key", "pass"), c("codex-home", "skip"), c("fork", "skip")])).toBe("yes");
    expect(agentVerdict([c("openai-key", "pass"), c("fork", "warn", "FORK_PULL_REQUEST")])).toBe("no");
    expect(agentVerdict([c("openai-key", "warn"), c("codex-home", "pass")])).toBe("unknown");
    expect(agentVerdict([c("openai-key", "fail"), c("codex-home", "pass")])).toBe("no");
    expect(agentVerdict([c("codex-home", "fail")])).toBe("no");
    expect(agentVerdict([c("github-token", "pass")])).toBe("unknown");
  });
});

describe("the run report", () => {
  test("no token: preflight[] and publication validate against the schema and render the fix", async () => {
    const r = await runPreflight({
      checks: ["github-token", "thread", "can-comment"],
      required: ["github-token"],
      github: { token: NOT_FOUND },
      thread: { owner: "acme", repo: "widgets", number: 1 },
    });
    const report = createReport({ tool: { version: "0.0.0" } });
    report.preflight = r.checks;
    report.publication = blockedPublication(r)!;
    const final = finalizeReport(report);
    expect(validateReport(final).valid).toBe(true);
    expect(final.preflight[0]).toMatchObject({ id: "github-token", status: "fail", blocking: true });
    expect(final.preflight.slice(1).every((x) => x.blocking === false)).toBe(true);
    expect(final.publication).toMatchObject({ status: "blocked", code: "GITHUB_TOKEN_MISSING" });
    expect(final.publication.reason).toMatch(/^publication blocked: no token/);
    expect(final.decision.ready).toBe(false);
    const comment = renderComment(final);
    expect(comment).toContain("GITHUB_TOKEN_MISSING");
  });

  test("not required: a missing token is reported but does not block the run", async () => {
    const r = await runPreflight({ checks: ["github-token"], github: { token: NOT_FOUND } });
    const report = createReport({ tool: { version: "0.0.0" } });
    report.preflight = r.checks;
    report.publication = blockedPublication(r) ?? report.publication;
    const final = finalizeReport(report);
    // The token is only a warning; the run is not ready solely because nothing blocking ran
    // (core's decision rule: READY needs evidence).
    expect(final.decision.blockingReasons.map((r) => r.code)).toEqual(["NO_EVIDENCE"]);
    expect(final.decision.warnings).toEqual([expect.stringMatching(/^preflight github-token: no token/)]);
  });

  test("renderings: text for terminals, markdown with code spans in the fix column", async () => {
    const r = await runPreflight({ checks: ["github-token", "thread"], github: { token: NOT_FOUND }, thread: null });
    const text = renderPreflightText(r);
    expect(text).toMatch(/^FAIL {2}github-token {2}GITHUB_TOKEN_MISSING: no token/);
    expect(text).toMatch(/fix: Set GITHUB_TOKEN/);
    expect(text).toMatch(/publishable: no\nagent-runnable: unknown\n$/);
    const md = renderPreflightMarkdown(r);
    expect(md).toContain("| Check | Status | Code | Reason | Fix |");
    expect(md).toContain("**Publishable:** no");
    expect(hintMarkdown("add `issues: write` to the job's `permissions`")).toBe(
      "add `issues: write` to the job's `permissions`",
    );
    expect(hintMarkdown("a <b> @team")).toBe("a &lt;b&gt; @&#8203;team");
  });
});
