/**
 * Helpers to run the real Codex CLI (`@openai/codex`, a devDependency of this package: its
 * platform binary ships inside the registry package, nothing is downloaded) against the fake.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface CodexRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export interface RunCodexOptions {
  /** CODEX_HOME for this run. */
  codexHome: string;
  /** Working directory. */
  cwd: string;
  args: string[];
  /** Written to stdin, then stdin is closed (closed empty when omitted). */
  input?: string;
  /** Extra environment. The run never inherits OPENAI_API_KEY or CODEX_* from the test process. */
  env?: Record<string, string>;
  /** Default 120 s; the child is killed (SIGKILL) after that. */
  timeoutMs?: number;
}

/** Absolute path of `@openai/codex`'s `bin/codex.js`, or undefined when the package is not installed. */
export function codexEntry(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const pkg = require.resolve("@openai/codex/package.json");
    const entry = join(dirname(pkg), "bin", "codex.js");
    return existsSync(entry) ? entry : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the real CLI can run here; when not, `reason` says exactly why. */
export async function codexAvailability(): Promise<{ ok: true; version: string } | { ok: false; reason: string }> {
  const entry = codexEntry();
  if (!entry) return { ok: false, reason: "@openai/codex is not installed (devDependency of @codexrel/testkit)" };
  const home = await mkdtemp(join(tmpdir(), "codex-version-"));
  const run = await runCodex({ codexHome: home, cwd: home, args: ["--version"], timeoutMs: 30_000 }).finally(() =>
    rm(home, { recursive: true, force: true }),
  );
  const match = /(\d+\.\d+\.\d+\S*)/.exec(run.stdout);
  if (run.code === 0 && match?.[1]) return { ok: true, version: match[1] };
  return {
    ok: false,
    reason: `codex --version exited ${run.code ?? run.signal}: ${(run.stderr || run.stdout).trim().slice(0, 300)}`,
  };
}

export function runCodex(options: RunCodexOptions): Promise<CodexRun> {
  const entry = codexEntry();
  if (!entry) return Promise.reject(new Error("@openai/codex is not installed"));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined) continue;
    if (/^(OPENAI_|CODEX_|AZURE_OPENAI)/.test(k)) continue;
    env[k] = v;
  }
  Object.assign(env, { CODEX_HOME: options.codexHome, NO_COLOR: "1", RUST_LOG: "error" }, options.env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, ...options.args], {
      cwd: options.cwd,
      env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, options.timeoutMs ?? 120_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
    child.stdin.on("error", () => {});
    child.stdin.end(options.input ?? "");
  });
}

/**
 * Make `codexHome` a CODEX_HOME that talks to `baseUrl`-style fake: writes `config.toml` and, when
 * `apiKey` is given, logs in with `codex login --with-api-key` (key on stdin) so `auth.json` holds it.
 */
export async function initCodexHome(options: {
  codexHome: string;
  configToml: string;
  apiKey?: string;
}): Promise<void> {
  await mkdir(options.codexHome, { recursive: true, mode: 0o700 });
  await writeFile(join(options.codexHome, "config.toml"), options.configToml, { mode: 0o600 });
  if (options.apiKey !== undefined) {
    const run = await runCodex({
      codexHome: options.codexHome,
      cwd: options.codexHome,
      args: ["login", "--with-api-key"],
      input: `${options.apiKey}\n`,
      timeoutMs: 60_000,
    });
    if (run.code !== 0) {
      throw new Error(
        `codex login --with-api-key exited ${run.code ?? run.signal}: ${run.stderr.trim().slice(0, 300)}`,
      );
    }
  }
}
