/**
 * Issue 16, "Done when": the testkit's canary set planted in every input the CLI reads, and every
 * output path scanned — no canary may appear whole or as a 12+ character prefix anywhere.
 *
 * Output paths covered (each is listed in `scanned` and asserted to have been seen):
 * - `codexrel run`: report.json, report.md (comment), summary.md (job summary), report.html,
 *   stdout, stderr with `--verbose` streaming (a token split over two writes), and the published
 *   CUJ copy under out/cuj (logs, summary.json, index.md/html, redactions.json);
 * - `codexrel report render` to md (comment), summary and html;
 * - `codexrel publish` of the bundle to a local folder (stdout and every file written);
 * - `codexrel session save` (the saved bundle, inflated, and its sidecar) and its stdout/stderr;
 * - errors: a failing command whose message carries a canary, in text and `--json` form.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { CANARIES, CANARY_LIST, type CanaryLeak, findCanaryLeaks } from "@codexrel/testkit/canary";
import { afterAll, describe, expect, test } from "vitest";
import { cli, copyDemo } from "./helpers.js";

const C = CANARIES;
const leaks: CanaryLeak[] = [];
const scanned = new Set<string>();

function scan(where: string, content: string | Buffer): void {
  scanned.add(where.replace(/:.*$/, ""));
  leaks.push(...findCanaryLeaks(where, content));
}

function scanTree(label: string, root: string): number {
  let n = 0;
  const visit = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) visit(abs);
      else {
        scan(`${label}:${abs.slice(root.length + 1)}`, readFileSync(abs));
        n++;
      }
    }
  };
  visit(root);
  return n;
}

/** A script that prints every canary in the ways that used to leak. */
const LEAKY_SCRIPT = `
const c = ${JSON.stringify(Object.fromEntries(Object.entries(C).map(([k, v]) => [k, v.value])))};
const w = (s) => new Promise((r) => process.stdout.write(s, r));
(async () => {
  // After a literal backslash-n inside JSON (item 4), glued to a suffix.
  await w(JSON.stringify({ output: "logged in\\n" + c.githubToken + "_suffix" }) + "\\n");
  // Split over two writes with a pause (item 5: --verbose streaming).
  const t = c.openaiKey;
  await w("key: " + t.slice(0, 14));
  await new Promise((r) => setTimeout(r, 150));
  await w(t.slice(14) + "\\n");
  // At the end of a long line the report caps (item 6: redact before truncate).
  await w("x".repeat(470) + c.githubPat + "\\n");
  await w("y".repeat(480) + c.named + "\\n");
  // URL-encoded and JSON-escaped forms, the whole Bearer value (item 7).
  await w("curl -H 'Authorization: Bearer " + c.bearer + "' https://x/?q=" + encodeURIComponent(c.providerKey) + "\\n");
  await w("Authorization%3A%20Bearer%20" + c.bearer + "\\n");
  await w(JSON.stringify({ jwt: c.jwt, provider: c.providerKey, dotenv: c.dotenv }) + "\\n");
  process.exit(1);
})();
`;

function project(): { dir: string; config: string; env: Record<string, string | undefined> } {
  const { dir } = copyDemo();
  writeFileSync(join(dir, "leaky.cjs"), LEAKY_SCRIPT);
  // The CUJ bundle's log and summary echo canaries too (published copies, item 8).
  const cuj = join(dir, "cuj");
  const log = join(cuj, "logs/add-numbers.log");
  writeFileSync(log, `${readFileSync(log, "utf8")}token ${C.githubToken.value} named ${C.named.value}\n`);
  const summary = JSON.parse(readFileSync(join(cuj, "summary.json"), "utf8"));
  summary.journeys[0].assertions[0].actual = `saw ${C.providerKey.value} and ${C.jwt.value}`;
  writeFileSync(join(cuj, "summary.json"), JSON.stringify(summary, null, 2));
  const config = join(dir, "canary.yml");
  writeFileSync(
    config,
    [
      "version: 1",
      "title: canary run",
      "checks:",
      "  - name: leaky",
      "    run: node leaky.cjs",
      "    blocking: false",
      "publish:",
      "  bundle: cuj",
      "  policy: lenient",
      "",
    ].join("\n"),
  );
  // CODEX_HOME whose config names a custom provider's key variable (read automatically).
  const codexHome = join(dir, "codex-home");
  mkdirSync(join(codexHome, "sessions/2026/11/21"), { recursive: true });
  mkdirSync(join(codexHome, "tools/deploy"), { recursive: true });
  writeFileSync(
    join(codexHome, "config.toml"),
    'model_provider = "proxy"\n[model_providers.proxy]\nbase_url = "https://proxy.example/v1"\nenv_key = "PROXY_KEY"\n',
  );
  writeFileSync(join(codexHome, "tools/deploy/.env"), `DEPLOY_TOKEN=${C.dotenv.value}\n`);
  const id = "01a1fe0a-7a46-7d81-8280-7ff8ab88e63f";
  const meta = { type: "session_meta", payload: { id, cwd: dir, model_provider: "proxy", cli_version: "0.169.0" } };
  // The bearer value has no shape of its own: it is a secret by its context, as tools print it.
  const echo = [
    ...CANARY_LIST.filter((c) => c !== C.bearer).map((c) => c.value),
    `Authorization: Bearer ${C.bearer.value}`,
  ].join(" | ");
  writeFileSync(
    join(codexHome, `sessions/2026/11/21/rollout-2026-11-21T12-17-41-${id}.jsonl`),
    `${JSON.stringify(meta)}\n${JSON.stringify({ type: "event", output: `logged in\n${echo}` })}\n`,
  );
  return {
    dir,
    config,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      CODEX_HOME: codexHome,
      PROXY_KEY: C.providerKey.value,
      MY_SECRET: C.named.value,
      DOTENV_COPY: C.dotenv.value,
    },
  };
}

test("the scanner itself finds a whole canary, a 12-character prefix, and gzip/URL/JSON/UTF-16 forms", () => {
  const v = C.named.value;
  expect(findCanaryLeaks("x", `a ${v.slice(0, 12)}`)).toHaveLength(1);
  expect(findCanaryLeaks("x", `a ${v.slice(0, 11)}`)).toHaveLength(0);
  expect(findCanaryLeaks("x", gzipSync(v))).toHaveLength(1);
  expect(findCanaryLeaks("x", encodeURIComponent(C.jwt.value))).toHaveLength(1);
  expect(findCanaryLeaks("x", Buffer.from(C.openaiKey.value, "utf16le"))).toHaveLength(1);
});

describe("canaries never leak through any output path", () => {
  const p = project();
  const secretFlags = ["--secret-env", "MY_SECRET", "--secret-env=DOTENV_COPY"];

  test("codexrel run --verbose: report.json/.md/.html, summary, stdout, stderr, published CUJ copy", async () => {
    const out = join(p.dir, "out");
    const r = await cli(["run", "--config", p.config, "--out", out, "--verbose", ...secretFlags], {
      cwd: p.dir,
      env: p.env,
    });
    scan("run stdout", r.stdout);
    scan("run stderr (--verbose)", r.stderr);
    expect(r.stderr).toContain("[REDACTED:"); // the check's output was streamed, redacted
    const files = scanTree("run out", out);
    expect(files).toBeGreaterThan(8);
    for (const f of ["report.json", "report.md", "summary.md", "report.html", "cuj/redactions.json"])
      expect(statSync(join(out, f)).isFile(), f).toBe(true);

    for (const format of ["md", "summary", "html"]) {
      const rendered = await cli(["report", "render", join(out, "report.json"), "--format", format, ...secretFlags], {
        cwd: p.dir,
        env: p.env,
      });
      expect(rendered.code, rendered.stderr).toBe(0);
      scan(`report render ${format}`, rendered.stdout + rendered.stderr);
    }
    expect(leaks).toEqual([]);
  }, 120_000);

  test("codexrel publish (local) and codexrel session save", async () => {
    const pubOut = join(p.dir, "pub-out");
    const pub = await cli(["publish", join(p.dir, "cuj"), "--out", pubOut, "--policy", "lenient", ...secretFlags], {
      cwd: p.dir,
      env: p.env,
    });
    scan("publish stdout/stderr", pub.stdout + pub.stderr);
    expect(scanTree("publish out", pubOut)).toBeGreaterThan(5);

    const store = join(p.dir, "store");
    const save = await cli(
      [
        "session",
        "save",
        "--thread",
        "octo/hello/issue-1",
        "--store",
        store,
        "--run-id",
        "1",
        "--attempt",
        "1",
        "--json",
      ],
      { cwd: p.dir, env: { ...p.env, CODEXREL_SECRET_ENV: "MY_SECRET DOTENV_COPY" } },
    );
    expect(save.code, save.stderr).toBe(0);
    scan("session save stdout/stderr", save.stdout + save.stderr);
    expect(JSON.parse(save.stdout).redactions).toBeGreaterThan(0);
    expect(scanTree("saved session bundle", store)).toBeGreaterThanOrEqual(2);
    expect(leaks).toEqual([]);
  }, 120_000);

  test("errors: a message carrying canaries, as text and as --json", async () => {
    const missing = join(p.dir, `${C.githubToken.value}-${C.named.value}.yml`);
    const text = await cli(["run", "--config", missing, ...secretFlags], { cwd: p.dir, env: p.env });
    expect(text.code).toBe(2);
    scan("error stderr", text.stdout + text.stderr);
    const json = await cli(["report", "validate", missing, "--json", ...secretFlags], { cwd: p.dir, env: p.env });
    scan("error --json", json.stdout + json.stderr);
    expect(text.stderr).toMatch(/^[A-Z_]+: /m);
    expect(leaks).toEqual([]);
  });

  afterAll(() => {
    const expected = [
      "run stdout",
      "run stderr (--verbose)",
      "run out",
      "report render md",
      "report render summary",
      "report render html",
      "publish stdout/stderr",
      "publish out",
      "session save stdout/stderr",
      "saved session bundle",
      "error stderr",
      "error --json",
    ];
    expect([...scanned].sort()).toEqual(expected.sort());
    expect(leaks).toEqual([]);
  });
});
