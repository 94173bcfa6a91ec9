/**
 * The fault matrix of issue 15 ("never a false READY"): every mistake a new user makes and every
 * fault we can inject, each cell asserting the decision word, the exit code, the files on disk and
 * every claim in the outputs. Faults come through ports (the output set's file system, the fake
 * GitHub, a store file overwritten with junk) and real processes (SIGKILL, concurrent runs), never
 * module mocks. Zero false READY, "published", "saved" or "copied".
 */
import { spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type CliContext, type OutputFs, realOutputFs, recoverOutputSet, runCli } from "@codexrel/cli";
import { createReport, decisionExitCode, finalizeReport } from "@codexrel/core";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { repoRoot } from "./helpers.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "codexrel-faults-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(
  argv: string[],
  options: { cwd?: string; env?: Record<string, string>; fs?: OutputFs } = {},
): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const ctx: CliContext = {
    env: { PATH: process.env.PATH ?? "", HOME: dir, ...options.env },
    cwd: options.cwd ?? dir,
    stdout: {
      write: (s) => {
        stdout += s;
      },
    },
    stderr: {
      write: (s) => {
        stderr += s;
      },
    },
    version: "0.0.0-test",
    exitCode: 0,
    ...(options.fs ? { outputFs: options.fs } : {}),
  };
  const code = await runCli(argv, ctx);
  return { code, stdout, stderr };
}

/** No affirmative claim that did not happen: the caller names which claims are allowed. */
function expectNoFalseClaims(
  text: string,
  allowed: { ready?: boolean; published?: boolean; copied?: boolean; saved?: boolean } = {},
) {
  if (!allowed.ready) expect(text).not.toMatch(/Decision: READY|✅ Ready|"ready": true/);
  if (!allowed.published)
    expect(text).not.toMatch(/publication: published|"status": "published"|Comment \((created|updated)/);
  if (!allowed.copied) expect(text).not.toMatch(/bundle was copied|Local copy:/);
  if (!allowed.saved) expect(text).not.toMatch(/^saved \d+ files|"saved": true/m);
}

function project(config: string, files: Record<string, string> = {}): string {
  const p = join(dir, "project");
  mkdirSync(p, { recursive: true });
  writeFileSync(join(p, "codexrel.yml"), config);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(p, name, ".."), { recursive: true });
    writeFileSync(join(p, name), content);
  }
  return join(p, "codexrel.yml");
}

const junit = (cases: Record<string, "pass" | "fail">) =>
  `<testsuites><testsuite name="s" tests="${Object.keys(cases).length}">${Object.entries(cases)
    .map(
      ([n, o]) => `<testcase classname="s" name="${n}">${o === "fail" ? `<failure message="boom"/>` : ""}</testcase>`,
    )
    .join("")}</testsuite></testsuites>`;

const READY_CHECKS = 'checks:\n  - name: unit\n    run: "true"\n';

function setFiles(out: string): Record<string, string> {
  return Object.fromEntries(
    ["report.json", "report.md", "summary.md", "report.html"].map((f) => [f, readFileSync(join(out, f), "utf8")]),
  );
}

/** Everything in the output's parent that is not the output itself: staging, old sets, locks, temp files. */
function leftovers(out: string): string[] {
  return readdirSync(join(out, "..")).filter((e) => e !== "out");
}

describe("mistakes: configured inputs and empty configs", () => {
  test("a mistyped base path (junit.xmll) is REGRESSIONS_INPUT_MISSING, exit 2, never READY", async () => {
    const config = project(
      `${READY_CHECKS}regressions:\n  base: [reports/base/junit.xmll]\n  candidate: [reports/cand.xml]\n`,
      { "reports/base/junit.xml": junit({ a: "pass" }), "reports/cand.xml": junit({ a: "fail" }) },
    );
    const r = await run(["run", "--config", config, "--out", join(dir, "out")]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/Decision: NOT READY/);
    expect(r.stdout).toContain("[REGRESSIONS_INPUT_MISSING]");
    expect(r.stdout).toContain('base "reports/base/junit.xmll"');
    expectNoFalseClaims(r.stdout);
    const report = JSON.parse(readFileSync(join(dir, "out/report.json"), "utf8"));
    expect(report.decision.ready).toBe(false);
    expect(report.decision.blockingReasons[0]).toMatchObject({ source: "input", code: "REGRESSIONS_INPUT_MISSING" });
    expect(readFileSync(join(dir, "out/report.md"), "utf8")).toContain("❌ Not ready");
  });

  test("classify --base missing.xml and --candidate missing.xml: both exit 2 naming the pattern", async () => {
    writeFileSync(join(dir, "cand.xml"), junit({ a: "pass" }));
    const base = await run(["classify", "--base", "missing.xml", "--candidate", "cand.xml"]);
    expect(base.code).toBe(2);
    expect(base.stderr).toContain(
      'REGRESSIONS_INPUT_MISSING: configured test report path(s) match no file: base "missing.xml"',
    );
    expectNoFalseClaims(base.stdout + base.stderr);
    const cand = await run(["classify", "--base", "cand.xml", "--candidate", "missing.xml"]);
    expect(cand.code).toBe(2);
    expect(cand.stderr).toContain('candidate "missing.xml"');
    expect(cand.stdout).toBe("");
  });

  test("agent output missing: the check ran but wrote no report, so the configured candidate is missing (exit 2)", async () => {
    const config = project(`${READY_CHECKS}regressions:\n  baseline: none\n  candidate: [agent-out/junit.xml]\n`);
    const r = await run(["run", "--config", config, "--out", join(dir, "out")]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("[REGRESSIONS_INPUT_MISSING]");
    expectNoFalseClaims(r.stdout);
  });

  test.each([
    ["an empty codexrel.yml", ""],
    ["no checks", "checks: []\n"],
    ["only non-blocking checks", 'checks:\n  - name: docs\n    run: "true"\n    blocking: false\n'],
  ])("%s: NOT READY (NO_EVIDENCE), exit 1", async (_name, text) => {
    const config = project(text);
    const r = await run(["run", "--config", config, "--out", join(dir, "out")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Decision: NOT READY/);
    expect(r.stdout).toContain("[NO_EVIDENCE]");
    expectNoFalseClaims(r.stdout);
    expect(JSON.parse(readFileSync(join(dir, "out/report.json"), "utf8")).decision.ready).toBe(false);
  });

  test("all checks skipped: no evidence, never READY", () => {
    const report = createReport({ tool: { version: "1" } });
    report.commands = ["a", "b"].map((name) => ({
      name,
      command: "x",
      status: "skip" as const,
      blocking: true,
      exitCode: null,
      durationMs: 0,
      outputTail: [],
      firstFailingLines: [],
    }));
    const final = finalizeReport(report);
    expect(final.decision.ready).toBe(false);
    expect(final.decision.blockingReasons.map((r) => r.code)).toEqual(["NO_EVIDENCE"]);
    expect(decisionExitCode(final.decision)).toBe(1);
  });

  test("an unfinalized report is not READY", () => {
    expect(createReport({ tool: { version: "1" } }).decision).toMatchObject({ ready: false });
  });

  test("no base without `baseline: none` blocks (BASELINE_MISSING); chosen, an unknown-baseline failure still blocks by default", async () => {
    const files = { "cand.xml": junit({ a: "fail", b: "pass" }) };
    const missing = await run([
      "run",
      "--config",
      project(`${READY_CHECKS}regressions:\n  candidate: [cand.xml]\n`, files),
      "--out",
      join(dir, "o1"),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain("[BASELINE_MISSING]");
    expectNoFalseClaims(missing.stdout);
    const chosen = await run([
      "run",
      "--config",
      project(`${READY_CHECKS}regressions:\n  baseline: none\n  candidate: [cand.xml]\n`, files),
      "--out",
      join(dir, "o2"),
    ]);
    expect(chosen.code).toBe(1);
    expect(chosen.stdout).not.toContain("BASELINE_MISSING");
    expect(chosen.stdout).toMatch(/blocking: \[REGRESSIONS_BLOCK\] blocking tests \(1 unknown-baseline\)/);
    const relaxed = await run([
      "run",
      "--config",
      project(`${READY_CHECKS}regressions:\n  baseline: none\n  candidate: [cand.xml]\n  blocking: [new]\n`, files),
      "--out",
      join(dir, "o3"),
    ]);
    expect(relaxed.code).toBe(0);
    expect(relaxed.stdout).toMatch(/Decision: READY/);
    expect(relaxed.stdout).toMatch(/warning: no baseline \(chosen: baseline none\)/);
  });

  test("classify-stage warnings reach the CLI output, report.md and report.html", async () => {
    // The same testcase twice: read as attempts (a warning), not silently merged.
    const twice = `<testsuite name="s"><testcase classname="s" name="a"/><testcase classname="s" name="a"/></testsuite>`;
    const config = project(`${READY_CHECKS}regressions:\n  baseline: none\n  candidate: [cand.xml, other/]\n`, {
      "cand.xml": twice,
      "other/notes.xml": "<notes>not a test report</notes>",
    });
    const r = await run(["run", "--config", config, "--out", join(dir, "out")]);
    const warnings = JSON.parse(readFileSync(join(dir, "out/report.json"), "utf8")).regressions.warnings as string[];
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings.slice(0, 2)) {
      expect(r.stdout).toContain(`warning: classify: ${w}`);
      expect(readFileSync(join(dir, "out/report.md"), "utf8")).toContain("classify:");
      expect(readFileSync(join(dir, "out/report.html"), "utf8")).toContain("classify: ");
    }
  });
});

describe("mistakes: timeouts and processes", () => {
  test.each([
    ['"1000h"', "1000h"],
    ["2592000 (seconds)", "2592000"],
    ['"0s"', '"0s"'],
  ])(
    "timeout %s is refused at config validation (CONFIG_INVALID naming the file), exit 2, nothing run",
    async (_n, value) => {
      const marker = join(dir, "ran");
      const config = project(`checks:\n  - name: slow\n    run: touch ${marker}\n    timeout: ${value}\n`);
      const r = await run(["run", "--config", config, "--out", join(dir, "out")]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/CONFIG_INVALID: .*codexrel\.yml is invalid: \/checks\/0\/timeout \("slow"\)/);
      expect(existsSync(marker)).toBe(false);
      expect(existsSync(join(dir, "out"))).toBe(false);
    },
  );

  test("a background process started by a passing check is killed with its group and reported as a warning", async () => {
    const pidFile = join(dir, "bg.pid");
    const config = project(`checks:\n  - name: starts a server\n    run: sleep 60 & echo $! > ${pidFile}\n`);
    const r = await run(["run", "--config", config, "--out", join(dir, "out")]);
    const pid = Number(readFileSync(pidFile, "utf8"));
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    // The kill is sent before the check's result is reported; give the signal a moment to land.
    for (let i = 0; i < 100 && alive(); i++) await new Promise((res) => setTimeout(res, 20));
    expect(alive()).toBe(false);
    const cmd = JSON.parse(readFileSync(join(dir, "out/report.json"), "utf8")).commands[0];
    expect(cmd).toMatchObject({ status: "warn", code: "CHECK_LEFTOVER_PROCESSES", leftoverProcesses: true });
    expect(r.stdout).toMatch(/WARN {2}starts a server/);
  });
});

/** A file system that fails one operation the way a full disk, a bad sector or a read-only mount does. */
function faulty(fault: {
  on: "write" | "sync" | "open" | "mkdir" | "rename";
  file?: string;
  code: string;
  short?: boolean;
}): OutputFs {
  const fail = (path: string) => !fault.file || path.endsWith(fault.file);
  const error = () => Object.assign(new Error(`injected ${fault.code}`), { code: fault.code });
  let renamed = false;
  return {
    ...realOutputFs,
    async open(path, flags, mode) {
      if (fault.on === "open" && fail(path)) throw error();
      const handle = await realOutputFs.open(path, flags, mode);
      return {
        async write(buffer, offset, length, position) {
          if (fault.on === "write" && fail(path)) {
            if (fault.short) {
              // Some bytes land, then nothing more: the truncated report write-file-atomic once renamed into place.
              if (offset === 0) return handle.write(buffer, offset, Math.min(length, 100), position);
              return { bytesWritten: 0 };
            }
            throw error();
          }
          return handle.write(buffer, offset, length, position);
        },
        async sync() {
          if (fault.on === "sync" && fail(path)) throw error();
          return handle.sync();
        },
        close: () => handle.close(),
      };
    },
    async mkdir(path, options) {
      if (fault.on === "mkdir" && fail(path)) throw error();
      return realOutputFs.mkdir(path, options);
    },
    async rename(from, to) {
      // Once: the swap's rename fails; putting the previous set back works.
      if (fault.on === "rename" && fail(to) && !renamed) {
        renamed = true;
        throw error();
      }
      return realOutputFs.rename(from, to);
    },
  };
}

describe("faults while writing the output set", () => {
  const cells: [string, Parameters<typeof faulty>[0]][] = [
    ...["report.json", "report.md", "summary.md", "report.html", ".codexrel-output-set"].map(
      (file): [string, Parameters<typeof faulty>[0]] => [
        `disk full writing ${file}`,
        { on: "write", file, code: "ENOSPC" },
      ],
    ),
    ["a short write of report.json", { on: "write", file: "report.json", code: "ENOSPC", short: true }],
    ["EIO on fsync of report.html", { on: "sync", file: "report.html", code: "EIO" }],
    ["write denied (EACCES) opening report.md", { on: "open", file: "report.md", code: "EACCES" }],
    ["a read-only output folder (EROFS)", { on: "mkdir", code: "EROFS" }],
    ["the swap itself failing", { on: "rename", file: "out", code: "EIO" }],
  ];

  test.each(cells)(
    "%s: OUTPUT_WRITE, exit 2, the previous set intact, no temp files, no claim",
    async (_name, fault) => {
      const out = join(dir, "sets", "out");
      const config = project(`title: first\n${READY_CHECKS}`);
      const first = await run(["run", "--config", config, "--out", out]);
      expect(first.code).toBe(0);
      const before = setFiles(out);
      writeFileSync(config, `title: second\n${READY_CHECKS}`);
      const r = await run(["run", "--config", config, "--out", out], { fs: faulty(fault) });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^OUTPUT_WRITE: /m);
      expect(r.stdout).not.toMatch(/Decision:|Report:/);
      expectNoFalseClaims(r.stdout);
      expect(setFiles(out)).toEqual(before);
      expect(leftovers(out)).toEqual([]);
    },
  );

  test("SIGKILL at each write and between the swap's renames: the previous set (or the new one) whole, never a mix", {
    timeout: 180_000,
  }, async () => {
    const out = join(dir, "sets", "out");
    // Async spawn: a synchronous one would block this worker (and its reports to vitest) for the whole cell.
    const child = (id: string, killAt: string) =>
      new Promise<{ status: number | null; signal: NodeJS.Signals | null }>((resolve) => {
        const c = spawn(
          process.execPath,
          ["--import", "tsx", join(repoRoot, "packages/cli/test/fixtures/output-set-child.ts"), out, id, killAt],
          { cwd: repoRoot, stdio: "ignore" },
        );
        c.on("exit", (status, signal) => resolve({ status, signal }));
      });
    expect((await child("old", "none")).status).toBe(0);
    const old = setFiles(out);
    // 4 report files + the set's marker = 5 writes; then 2 renames (target aside, staging in).
    for (const killAt of ["write:1", "write:2", "write:3", "write:4", "write:5", "rename:1", "rename:2"]) {
      const r = await child(`new-${killAt}`, killAt);
      expect(r.signal, killAt).toBe("SIGKILL");
      // What a later run does first under the lock (and what a reader may call): put back a set
      // moved aside mid-swap, remove dead runs' staging folders.
      await recoverOutputSet(out);
      const now = setFiles(out);
      const ids = new Set(Object.values(now).map((t) => /of run (\S+)/.exec(t)?.[1]));
      expect(ids.size, killAt).toBe(1);
      if (killAt === "rename:2") expect([...ids][0]).toBe(`new-${killAt}`);
      else expect(now).toEqual(old);
      expect(leftovers(out), killAt).toEqual([]);
      if (killAt === "rename:2") {
        // Reset to the old set for the next cell.
        expect((await child("old", "none")).status).toBe(0);
      }
    }
  });

  test("four concurrent processes into one folder: one run's whole set, no temp files", {
    timeout: 120_000,
  }, async () => {
    const out = join(dir, "sets", "out");
    const children = ["a", "b", "c", "d"].map(
      (id) =>
        new Promise<number | null>((resolve) => {
          const c = spawn(
            process.execPath,
            ["--import", "tsx", join(repoRoot, "packages/cli/test/fixtures/output-set-child.ts"), out, id],
            { cwd: repoRoot, stdio: "ignore" },
          );
          c.on("exit", (code) => resolve(code));
        }),
    );
    expect(await Promise.all(children)).toEqual([0, 0, 0, 0]);
    const ids = new Set(Object.values(setFiles(out)).map((t) => /of run (\S+)/.exec(t)?.[1]));
    expect(ids.size).toBe(1);
    expect(leftovers(out)).toEqual([]);
  });

  test("four concurrent `codexrel run` into one folder: report.json, .md, summary and .html all from one run", async () => {
    const out = join(dir, "sets", "out");
    const runs = ["one", "two", "three", "four"].map((title) => {
      const p = join(dir, title);
      mkdirSync(p);
      writeFileSync(join(p, "codexrel.yml"), `title: run-${title}\n${READY_CHECKS}`);
      return run(["run", "--config", join(p, "codexrel.yml"), "--out", out]);
    });
    expect((await Promise.all(runs)).map((r) => r.code)).toEqual([0, 0, 0, 0]);
    const files = setFiles(out);
    const title = JSON.parse(files["report.json"]!).meta.title as string;
    for (const text of Object.values(files)) expect(text).toContain(title);
    for (const other of ["run-one", "run-two", "run-three", "run-four"].filter((t) => t !== title)) {
      for (const text of Object.values(files)) expect(text).not.toContain(other);
    }
    expect(leftovers(out)).toEqual([]);
  });

  test("a folder holding someone else's files is never replaced (--out .)", async () => {
    const out = join(dir, "sets", "out");
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "notes.txt"), "mine");
    const r = await run(["run", "--config", project(READY_CHECKS), "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("holds files codexrel did not write (notes.txt)");
    expect(readdirSync(out)).toEqual(["notes.txt"]);
    expect(leftovers(out)).toEqual([]);
  });
});

describe("commit identity", () => {
  test("meta records repository, ref, SHA, run URL, event and actor from GitHub's variables; markdown and HTML show them", async () => {
    const sha = "0123456789abcdef0123456789abcdef01234567";
    const r = await run(["run", "--config", project(READY_CHECKS), "--out", join(dir, "out")], {
      env: {
        GITHUB_ACTIONS: "true",
        GITHUB_SHA: sha,
        GITHUB_REF: "refs/pull/7/merge",
        GITHUB_REPOSITORY: "acme/widgets",
        GITHUB_SERVER_URL: "https://github.com",
        GITHUB_RUN_ID: "42",
        GITHUB_EVENT_NAME: "pull_request",
        GITHUB_ACTOR: "octocat",
      },
    });
    const meta = JSON.parse(readFileSync(join(dir, "out/report.json"), "utf8")).meta;
    expect(meta).toMatchObject({
      repository: "acme/widgets",
      ref: "refs/pull/7/merge",
      sha,
      runUrl: "https://github.com/acme/widgets/actions/runs/42",
      event: "pull_request",
      actor: "octocat",
    });
    expect(r.stdout).toContain("commit: 0123456789ab (refs/pull/7/merge) in acme/widgets · pull_request by octocat");
    expect(readFileSync(join(dir, "out/report.md"), "utf8")).toMatch(
      /`0123456789ab` · event: pull\\?_request · by octocat/,
    );
    const html = readFileSync(join(dir, "out/report.html"), "utf8");
    expect(html).toContain(`<code>${sha}</code>`);
    expect(html).toContain("<th>Event</th><td>pull_request</td>");
  });

  test("flags win; outside a checkout and without flags the report says the commit is not recorded", async () => {
    const flagged = await run([
      "run",
      "--config",
      project(READY_CHECKS),
      "--out",
      join(dir, "o1"),
      "--sha",
      "a".repeat(40),
      "--ref",
      "refs/heads/x",
    ]);
    expect(flagged.stdout).toContain(`commit: ${"a".repeat(12)} (refs/heads/x)`);
    const bare = await run(["run", "--config", project(READY_CHECKS), "--out", join(dir, "o2")]);
    expect(bare.stdout).toContain("commit: not recorded");
    expect(readFileSync(join(dir, "o2/report.md"), "utf8")).toContain("commit not recorded");
  });

  test("the git checkout gives HEAD, the branch and origin's owner/name", async () => {
    const p = join(dir, "repo");
    mkdirSync(p);
    const git = (...args: string[]) => spawnSync("git", ["-C", p, ...args], { encoding: "utf8" });
    git("init", "-q", "-b", "main");
    git("remote", "add", "origin", "https://github.com/acme/gadgets.git");
    writeFileSync(join(p, "codexrel.yml"), READY_CHECKS);
    git("add", ".");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "x");
    const head = git("rev-parse", "HEAD").stdout.trim();
    await run(["run", "--config", join(p, "codexrel.yml"), "--out", join(dir, "out")]);
    expect(JSON.parse(readFileSync(join(dir, "out/report.json"), "utf8")).meta).toMatchObject({
      sha: head,
      ref: "refs/heads/main",
      repository: "acme/gadgets",
      event: "local",
    });
  });
});

/** A copy of the demo bundle, recorded (says its summary.json) at `sha`. */
function bundleAt(sha: string | null): string {
  const b = join(dir, "bundle");
  cpSync(join(repoRoot, "examples/demo/cuj"), b, { recursive: true });
  if (sha) {
    const summary = JSON.parse(readFileSync(join(b, "summary.json"), "utf8"));
    writeFileSync(join(b, "summary.json"), JSON.stringify({ ...summary, commit: { sha } }, null, 2));
  }
  return b;
}
const SHA = "c".repeat(40);

describe("publish: claims only after the act", () => {
  test("token missing: blocked, exit 1, the headline says NOT PUBLISHED (never READY)", async () => {
    const r = await run([
      "publish",
      bundleAt(SHA),
      "--sha",
      SHA,
      "--repo",
      "acme/widgets",
      "--issue",
      "1",
      "--out",
      join(dir, "out"),
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("publication: blocked (GITHUB_TOKEN_MISSING)");
    expect(r.stdout).toMatch(/^Decision: NOT PUBLISHED/m);
    expectNoFalseClaims(r.stdout, { copied: true });
    expect(existsSync(join(dir, "out/comment.md"))).toBe(false);
  });

  test("--dry-run without a token: exit 0, comment.md written as the README says, nothing claimed published", async () => {
    const r = await run([
      "publish",
      bundleAt(SHA),
      "--sha",
      SHA,
      "--repo",
      "acme/widgets",
      "--issue",
      "1",
      "--dry-run",
      "--out",
      join(dir, "out"),
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("publication: dry-run (DRY_RUN)");
    expect(r.stdout).toMatch(/^Decision: READY — evidence checked; dry run, nothing was published/m);
    expect(readFileSync(join(dir, "out/comment.md"), "utf8")).toContain("<!-- codexrel:report:cuj -->");
    expectNoFalseClaims(r.stdout.replace(/^Decision: READY.*$/m, ""), { copied: true });
  });

  test("artifact upload failed (no artifact URL): blocked, exit 1, never READY or published", async () => {
    const r = await run([
      "publish",
      bundleAt(SHA),
      "--sha",
      SHA,
      "--destination",
      "artifact",
      "--out",
      join(dir, "out"),
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/publication: blocked/);
    expect(r.stdout).toMatch(/^Decision: NOT PUBLISHED/m);
    expectNoFalseClaims(r.stdout, { copied: true });
  });

  test("a bundle from another commit is a warning and not evidence: NOT READY, exit 1", async () => {
    const r = await run(["publish", bundleAt(SHA), "--sha", "d".repeat(40), "--out", join(dir, "out")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/WARN {2}preflight cuj-journeys/);
    expect(r.stdout).toContain("not evidence for this commit");
    expect(r.stdout).toMatch(/^Decision: NOT READY/m);
  });

  test("a refused 2 GiB bundle: never 'copied', nothing in the output but the report", async () => {
    const b = bundleAt(SHA);
    truncateSync(join(b, "videos/add-numbers.webm"), 2 * 1024 ** 3); // sparse: no disk used
    const r = await run(["publish", b, "--sha", SHA, "--out", join(dir, "out"), "--json"]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.publication.reason).toContain("the bundle was not copied");
    expect(report.preflight.find((c: { id: string }) => c.id === "cuj-bundle")).toMatchObject({ status: "fail" });
    expectNoFalseClaims(r.stdout);
    expect(existsSync(join(dir, "out/cuj"))).toBe(false);
    expect(statSync(join(dir, "out/report.json")).size).toBeGreaterThan(0);
  });
});

describe("session restore: advisory everywhere", () => {
  test("a corrupt bundle in the store: advisory warns and records a miss (exit 0); --blocking exits 2", async () => {
    const home = join(dir, "home");
    mkdirSync(join(home, "sessions"), { recursive: true });
    writeFileSync(join(home, "sessions/note.txt"), "x");
    const store = join(dir, "store");
    const saved = await run([
      "session",
      "save",
      "--codex-home",
      home,
      "--thread",
      "octo/hello/issue-4",
      "--store",
      store,
      "--json",
    ]);
    expect(saved.code, saved.stderr).toBe(0);
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true }))
        e.isDirectory() ? walk(join(d, e.name)) : files.push(join(d, e.name));
    };
    walk(store);
    const bundles = files.filter((f) => f.endsWith(".bundle"));
    expect(bundles).toHaveLength(1);
    for (const f of bundles) writeFileSync(f, "this is not a bundle");
    const target = join(dir, "target");
    mkdirSync(target);
    const advisory = await run([
      "session",
      "restore",
      "--thread",
      "octo/hello/issue-4",
      "--store",
      store,
      "--codex-home",
      target,
      "--json",
    ]);
    expect(advisory.code).toBe(0);
    expect(advisory.stderr).toMatch(/^warning: SESSION_\w+: .*\(advisory mode: recorded as a cache miss\)/);
    expect(JSON.parse(advisory.stdout)).toMatchObject({ sessionFound: false, cacheHit: false });
    const required = await run([
      "session",
      "restore",
      "--thread",
      "octo/hello/issue-4",
      "--store",
      store,
      "--codex-home",
      target,
      "--require-session",
    ]);
    expect(required.code).toBe(1);
    expect(required.stderr).toContain("SESSION_REQUIRED_BUT_MISSING");
    const blocking = await run([
      "session",
      "restore",
      "--thread",
      "octo/hello/issue-4",
      "--store",
      store,
      "--codex-home",
      target,
      "--blocking",
    ]);
    expect(blocking.code).toBe(2);
    expect(blocking.stdout).not.toMatch(/^restored/m);
  });
});
