import { existsSync } from "node:fs";
import { join } from "node:path";
import { CodexrelError, validateReport } from "@codexrel/core";
import { type PublishPorts, publishBundle, type ThreadTarget } from "@codexrel/publisher";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { GitStore, memoryGitPort } from "./git-store.js";
import { cleanup, demoBundle, tempDir } from "./helpers.js";

const THREAD: ThreadTarget = { repository: "octo/app", kind: "pr", number: 7 };
let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => cleanup(dir));

interface Recorder {
  ports: PublishPorts;
  bodies: string[];
  store: GitStore;
}

function recorder(options: { blocked?: boolean; commentError?: CodexrelError } = {}): Recorder {
  const store = new GitStore();
  const bodies: string[] = [];
  let last: string | undefined;
  const ports: PublishPorts = {
    async preflight() {
      return options.blocked
        ? {
            checks: [
              {
                id: "can-comment",
                status: "fail",
                code: "COMMENT_PERMISSION_DENIED",
                reason: "the token cannot comment on PR #7",
                hint: "grant pull-requests: write",
              },
            ],
            blocked: {
              status: "blocked",
              code: "COMMENT_PERMISSION_DENIED",
              reason: "publication blocked: the token cannot comment on PR #7",
              rerunHint: "grant pull-requests: write",
            },
          }
        : { checks: [{ id: "can-comment", status: "pass", code: "CAN_COMMENT", reason: "ok" }], blocked: null };
    },
    async upsertComment(_thread, marker, body) {
      if (options.commentError) throw options.commentError;
      expect(marker).toEqual({ kind: "report", id: "cuj" });
      bodies.push(body);
      const action = last === undefined ? "created" : last === body ? "unchanged" : "updated";
      last = body;
      return { action, url: "https://github.com/octo/app/pull/7#issuecomment-1", removedDuplicates: [] };
    },
    git: memoryGitPort(store),
  };
  return { ports, bodies, store };
}

const base = () => ({
  bundleDir: demoBundle,
  outDir: join(dir, "out"),
  toolVersion: "1.2.3",
  now: () => new Date("2025-01-01T00:00:00Z"),
});

describe("publishBundle: publication truth", () => {
  test("local only: copied, never claimed as published", async () => {
    const r = await publishBundle(base());
    expect(r.report.publication).toMatchObject({ status: "skipped", code: "NO_PUBLISH_TARGET" });
    expect(existsSync(join(dir, "out/cuj/index.html"))).toBe(true);
    expect(r.report.artifacts.every((a) => !a.durable)).toBe(true);
    expect(validateReport(r.report).errors).toEqual([]);
  });

  test("a thread but no GitHub access: blocked with a code and a re-run hint; local copy kept", async () => {
    const r = await publishBundle({ ...base(), thread: THREAD, ports: null });
    expect(r.report.publication).toMatchObject({ status: "blocked", code: "GITHUB_TOKEN_MISSING" });
    expect(r.report.publication.rerunHint).toMatch(/GITHUB_TOKEN/);
    expect(existsSync(join(dir, "out/cuj/index.html"))).toBe(true);
  });

  test("preflight says not publishable: blocked with its code, nothing written anywhere", async () => {
    const rec = recorder({ blocked: true });
    const r = await publishBundle({ ...base(), thread: THREAD, destination: "branch", ports: rec.ports });
    expect(r.report.publication).toEqual({
      status: "blocked",
      code: "COMMENT_PERMISSION_DENIED",
      reason: "publication blocked: the token cannot comment on PR #7",
      rerunHint: "grant pull-requests: write",
    });
    expect(rec.bodies).toEqual([]);
    expect(rec.store.writes).toEqual([]);
    expect(r.report.preflight[0]?.id).toBe("can-comment");
    expect(r.report.artifacts.every((a) => a.destination === "local")).toBe(true);
  });

  test("dry run: the body is rendered, nothing is written, status dry-run", async () => {
    const rec = recorder();
    const r = await publishBundle({ ...base(), thread: THREAD, destination: "branch", dryRun: true, ports: rec.ports });
    expect(r.report.publication).toMatchObject({ status: "dry-run", code: "DRY_RUN" });
    expect(r.commentBody).toContain("<!-- codexrel:report:cuj -->");
    expect(rec.bodies).toEqual([]);
    expect(rec.store.writes).toEqual([]);
  });

  test("branch + thread: published with the comment URL; images embedded, videos linked, no local paths", async () => {
    const rec = recorder();
    const r = await publishBundle({
      ...base(),
      thread: THREAD,
      destination: "branch",
      ports: rec.ports,
      ephemeralDirs: [dir],
    });
    expect(r.report.publication).toMatchObject({
      status: "published",
      url: "https://github.com/octo/app/pull/7#issuecomment-1",
    });
    const body = rec.bodies[0] as string;
    expect(body.startsWith("<!-- codexrel:report:cuj -->")).toBe(true);
    expect(
      body.match(
        /!\[[^\]]*\]\(https:\/\/github\.com\/octo\/app\/blob\/[0-9a-f]+\/codexrel\/pr-7\/[0-9a-f]{16}\/screens\/[a-z0-9-]+\.png\?raw=true\)/g,
      ),
    ).toHaveLength(3);
    expect(body).toMatch(
      /\[videos\/make-slug\.webm\]\(https:\/\/github\.com\/octo\/app\/blob\/[0-9a-f]+\/.+\/videos\/make-slug\.webm\?raw=true\)/,
    );
    expect(body).not.toMatch(/!\[[^\]]*\]\([^)]*\.webm/); // videos are links, not images
    expect(body).not.toContain(dir);
    expect(body).not.toMatch(/\/tmp\//);
    expect(r.report.artifacts.every((a) => a.durable)).toBe(true);
    expect(validateReport(r.report).errors).toEqual([]);

    // Same inputs again: the same body (the adapter then writes nothing).
    await publishBundle({ ...base(), thread: THREAD, destination: "branch", ports: rec.ports });
    expect(rec.bodies[1]).toBe(body);
  });

  test("artifact destination: the upload's URL is the link; without one, blocked ARTIFACT_URL_MISSING", async () => {
    const rec = recorder();
    const url = "https://github.com/octo/app/actions/runs/1/artifacts/2";
    const ok = await publishBundle({
      ...base(),
      thread: THREAD,
      destination: "artifact",
      artifactUrl: url,
      ports: rec.ports,
    });
    expect(ok.report.publication.status).toBe("published");
    expect(ok.durableUrls).toEqual([url]);
    expect(rec.bodies[0]).toContain(`[CUJ bundle](${url})`);
    const missing = await publishBundle({ ...base(), thread: THREAD, destination: "artifact", ports: rec.ports });
    expect(missing.report.publication).toMatchObject({ status: "blocked", code: "ARTIFACT_URL_MISSING" });
  });

  test("the comment write is refused: blocked with GitHub's code, no URL claimed", async () => {
    const rec = recorder({
      commentError: new CodexrelError("GITHUB_PERMISSION_DENIED", "Resource not accessible by integration", {
        hint: "grant issues: write",
      }),
    });
    const r = await publishBundle({ ...base(), thread: THREAD, ports: rec.ports });
    expect(r.report.publication).toMatchObject({ status: "blocked", code: "GITHUB_PERMISSION_DENIED" });
    expect(r.report.publication.url).toBeUndefined();
    expect(r.comment).toBe(null);
  });

  test("branch without a thread: published with the index URL the branch returned", async () => {
    const rec = recorder();
    const r = await publishBundle({ ...base(), repository: "octo/app", destination: "branch", ports: rec.ports });
    expect(r.report.publication.status).toBe("published");
    expect(r.report.publication.url).toMatch(
      /^https:\/\/github\.com\/octo\/app\/blob\/[0-9a-f]+\/codexrel\/run\/[0-9a-f]{16}\/index\.md$/,
    );
    expect(rec.bodies).toEqual([]);
  });
});

describe("publishBundle: the comment stays under GitHub's limit", () => {
  test("a bundle with 1,500 screenshots: the comment is cut under 65,536 characters and links the full index", async () => {
    const { writeBundle, makePng, demoWebm } = await import("./helpers.js");
    const files: Record<string, Buffer> = { "j.webm": demoWebm() };
    const shots: string[] = [];
    for (let i = 0; i < 1500; i++) {
      const p = `screens/a-rather-long-screenshot-name-for-journey-step-${String(i).padStart(4, "0")}.png`;
      shots.push(p);
      files[p] = makePng(2, 2, [i % 256, 0, 0]);
    }
    const bundle = writeBundle(
      join(dir, "big"),
      { journeys: [{ id: "j", title: "J", status: "pass", assertions: [], screenshots: shots, video: "j.webm" }] },
      files,
    );
    const rec = recorder();
    const r = await publishBundle({
      ...base(),
      bundleDir: bundle,
      thread: THREAD,
      destination: "branch",
      ports: rec.ports,
    });
    expect(r.report.publication.status).toBe("published");
    const body = rec.bodies[0] as string;
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body.length).toBeGreaterThan(50_000);
    const index = r.report.artifacts.find((a) => a.name === "CUJ index")?.url as string;
    expect(body).toContain(`[the full report](${index})`);
    expect(body.startsWith("<!-- codexrel:report:cuj -->")).toBe(true);
  });
});
