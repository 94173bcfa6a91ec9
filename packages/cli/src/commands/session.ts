/**
 * `codexrel session prepare|save|restore|inspect`: a fresh CODEX_HOME per job and one Codex CLI
 * session per issue/PR thread, kept in a local store directory (`--store`).
 * Exit codes: 0 ok; 1 when `--require-session` finds no session (a follow-up must not silently
 * start over); 2 for usage errors and anything that kept the command from finishing.
 */
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { CodexrelError, ErrorCodes, redact, redactDeep, toCodexrelError } from "@codexrel/core";
import {
  type CodexConfigInput,
  createLocalBackend,
  inspectBundle,
  type Manifest,
  prepareCodexHome,
  restoreSession,
  SessionErrorCodes,
  saveSession,
  threadKeyPrefix,
} from "@codexrel/session-store";
import type { Command } from "commander";
import { type CliContext, ExitCode } from "../context.js";
import { secretEnvNames, secretsFromEnv } from "./shared.js";

interface RunIds {
  runId?: string;
  attempt?: string;
  job?: string;
}

export function register(program: Command, ctx: CliContext): void {
  const session = program
    .command("session")
    .description("a fresh CODEX_HOME per job, and the thread's Codex session saved and restored between jobs");

  const print = (json: boolean | undefined, data: unknown, human: string) => {
    const secrets = secretsFromEnv(ctx.env);
    if (json) ctx.stdout.write(`${JSON.stringify(redactDeep(data, { secrets }), null, 2)}\n`);
    else ctx.stdout.write(redactDeep(human, { secrets }));
  };
  const ids = (opts: RunIds) => ({
    runId: opts.runId ?? ctx.env.GITHUB_RUN_ID,
    attempt: opts.attempt ?? ctx.env.GITHUB_RUN_ATTEMPT,
    job: opts.job ?? ctx.env.GITHUB_JOB,
  });
  const codexHomeOf = (value: string | undefined) => {
    const dir = value ?? ctx.env.CODEX_HOME;
    if (!dir) {
      throw new CodexrelError(ErrorCodes.USAGE, "no CODEX_HOME given", {
        hint: "Pass --codex-home <dir> (or set CODEX_HOME).",
      });
    }
    return resolve(ctx.cwd, dir);
  };

  session
    .command("prepare")
    .description("create a new private (0700), writable CODEX_HOME; optionally write config.toml")
    .option("--root <dir>", "parent directory (default: $RUNNER_TEMP, else the OS temp directory)")
    .option("--run-id <id>", "run id in the directory name (default: $GITHUB_RUN_ID)")
    .option("--attempt <n>", "run attempt (default: $GITHUB_RUN_ATTEMPT)")
    .option("--job <id>", "job id (default: $GITHUB_JOB)")
    .option("--model <name>", "config.toml: model")
    .option("--provider <id>", "config.toml: model_provider")
    .option("--base-url <url>", "config.toml: base_url of [model_providers.<provider>]")
    .option("--env-key <name>", "config.toml: env_key of the provider")
    .option("--json", "print {codexHome, configPath} as JSON")
    .action(
      async (
        opts: RunIds & {
          root?: string;
          model?: string;
          provider?: string;
          baseUrl?: string;
          envKey?: string;
          json?: boolean;
        },
      ) => {
        const config: CodexConfigInput = {};
        if (opts.model) config.model = opts.model;
        if (opts.provider) config.modelProvider = opts.provider;
        if (opts.baseUrl) config.baseUrl = opts.baseUrl;
        if (opts.envKey) config.envKey = opts.envKey;
        const root = resolve(ctx.cwd, opts.root ?? ctx.env.RUNNER_TEMP ?? tmpdir());
        const result = await prepareCodexHome({
          root,
          ...ids(opts),
          ...(Object.keys(config).length > 0 ? { config } : {}),
        });
        print(opts.json, result, `${result.codexHome}\n`);
      },
    );

  session
    .command("save")
    .description("pack CODEX_HOME (no credentials, secrets redacted) and save it for the thread")
    .option("--codex-home <dir>", "CODEX_HOME to save (default: $CODEX_HOME)")
    .requiredOption("--thread <key>", "thread key <owner>/<repo>/<issue|pr>-<n>")
    .requiredOption("--store <dir>", "local store directory")
    .option("--run-id <id>", "run id in the save key (default: $GITHUB_RUN_ID)")
    .option("--attempt <n>", "run attempt (default: $GITHUB_RUN_ATTEMPT)")
    .option("--job <id>", "job id (default: $GITHUB_JOB)")
    .option("--include-caches", "also keep re-creatable caches and rollout indexes")
    .option("--compression <kind>", "gzip (default) or zstd (Node.js with zstd in node:zlib)", "gzip")
    .option("--blocking", "fail when the store fails (default: advisory, a warning)")
    .option("--json", "print the result as JSON")
    .action(
      async (
        opts: RunIds & {
          codexHome?: string;
          thread: string;
          store: string;
          includeCaches?: boolean;
          compression: string;
          blocking?: boolean;
          json?: boolean;
        },
      ) => {
        if (opts.compression !== "gzip" && opts.compression !== "zstd") {
          throw new CodexrelError(ErrorCodes.USAGE, `unknown compression ${opts.compression}`, {
            hint: "Use --compression gzip or --compression zstd.",
          });
        }
        const result = await saveSession({
          codexHome: codexHomeOf(opts.codexHome),
          threadKey: opts.thread,
          backend: createLocalBackend({ dir: resolve(ctx.cwd, opts.store) }),
          ...ids(opts),
          includeCaches: Boolean(opts.includeCaches),
          compression: opts.compression,
          secrets: secretsFromEnv(ctx.env),
          env: ctx.env,
          secretEnv: secretEnvNames(ctx.env),
          mode: opts.blocking ? "blocking" : "advisory",
        });
        const m = result.manifest;
        const data = {
          saved: result.saved,
          key: result.key,
          backend: result.backend,
          bytes: result.bytes,
          files: m.totals.files,
          redactions: m.redactions.total,
          sessionId: m.session?.id ?? null,
          session: m.session,
          codexVersion: m.codexVersion,
          warnings: result.warnings,
          error: result.error,
        };
        for (const w of result.warnings) ctx.stderr.write(`warning: ${w}\n`);
        print(
          opts.json,
          data,
          result.saved
            ? `saved ${m.totals.files} files (${result.bytes} bytes, ${m.redactions.total} secrets redacted) as ${result.key}\n` +
                `session: ${m.session ? `${m.session.id} (cwd ${m.session.cwd})` : "none"}\n`
            : `not saved: ${result.error?.message ?? "unknown"}\n`,
        );
      },
    );

  session
    .command("restore")
    .description(
      "restore the thread's newest saved session into CODEX_HOME (config and credentials are never restored)",
    )
    .requiredOption("--thread <key>", "thread key <owner>/<repo>/<issue|pr>-<n>")
    .requiredOption("--store <dir>", "local store directory")
    .option("--codex-home <dir>", "CODEX_HOME to restore into (default: $CODEX_HOME)")
    .option("--require-session", "exit 1 with SESSION_REQUIRED_BUT_MISSING when nothing was saved")
    .option("--blocking", "fail when the store fails (default: advisory, a cache miss)")
    .option("--json", "print the result as JSON (sessionFound, sessionId, ...)")
    .action(
      async (opts: {
        thread: string;
        store: string;
        codexHome?: string;
        requireSession?: boolean;
        blocking?: boolean;
        json?: boolean;
      }) => {
        let result: Awaited<ReturnType<typeof restoreSession>>;
        try {
          result = await restoreSession({
            threadKey: opts.thread,
            backend: createLocalBackend({ dir: resolve(ctx.cwd, opts.store) }),
            codexHome: codexHomeOf(opts.codexHome),
            requireSession: Boolean(opts.requireSession),
            mode: opts.blocking ? "blocking" : "advisory",
          });
        } catch (error) {
          if (error instanceof CodexrelError && error.code === SessionErrorCodes.SESSION_REQUIRED_BUT_MISSING) {
            if (opts.json) print(true, { sessionFound: false, sessionId: null, error: error.toJSON() }, "");
            ctx.stderr.write(`${error.code}: ${error.message}\n  hint: ${error.hint}\n`);
            ctx.exitCode = ExitCode.NOT_READY;
            return;
          }
          if (opts.blocking) throw error;
          // Advisory means advisory everywhere: any bundle error is a warning and a recorded miss.
          const coded = toCodexrelError(error);
          const secrets = secretsFromEnv(ctx.env);
          ctx.stderr.write(
            `${redact(`warning: ${coded.code}: ${coded.message} (advisory mode: recorded as a cache miss)`, { secrets })}\n`,
          );
          const miss = {
            sessionFound: false,
            sessionId: null,
            cacheHit: false,
            key: null,
            codexHome: codexHomeOf(opts.codexHome),
            session: null,
            files: 0,
            bytes: 0,
            skipped: [],
            warnings: [`${coded.code}: ${coded.message}`],
            error: coded.toJSON(),
          };
          if (opts.requireSession) {
            // A follow-up must not silently start over: no usable session is "required but missing".
            print(opts.json, miss, "");
            ctx.stderr.write(
              `${SessionErrorCodes.SESSION_REQUIRED_BUT_MISSING}: the saved session for ${opts.thread} could not be restored\n  hint: ${coded.hint}\n`,
            );
            ctx.exitCode = ExitCode.NOT_READY;
            return;
          }
          print(
            opts.json,
            miss,
            `no session restored for ${opts.thread}: the saved bundle is unusable (${coded.code})\n`,
          );
          return;
        }
        const r = result.restore;
        const data = {
          sessionFound: result.sessionFound,
          sessionId: result.sessionId,
          cacheHit: result.cacheHit,
          key: result.key,
          codexHome: result.codexHome,
          session: r?.session ?? null,
          files: r?.files ?? 0,
          bytes: r?.bytes ?? 0,
          skipped: r?.skipped ?? [],
          warnings: result.warnings,
          error: result.error,
        };
        for (const w of result.warnings) ctx.stderr.write(`warning: ${w}\n`);
        print(
          opts.json,
          data,
          result.sessionFound
            ? `restored ${data.files} files from ${result.key}\nsession: ${result.sessionId} (resume with: codex exec resume ${result.sessionId})\n`
            : result.cacheHit
              ? `restored ${data.files} files from ${result.key}; it holds no session\n`
              : `no saved session for ${opts.thread}\n`,
        );
      },
    );

  session
    .command("inspect")
    .description("print a bundle's manifest (a file, or the thread's newest bundle in --store)")
    .argument("[bundle]", "bundle file")
    .option("--thread <key>", "thread key, with --store: inspect its newest bundle")
    .option("--store <dir>", "local store directory")
    .option("--json", "print the whole manifest as JSON")
    .action(async (bundle: string | undefined, opts: { thread?: string; store?: string; json?: boolean }) => {
      let file = bundle ? resolve(ctx.cwd, bundle) : undefined;
      let cleanup: (() => Promise<void>) | undefined;
      if (!file) {
        if (!opts.thread || !opts.store) {
          throw new CodexrelError(ErrorCodes.USAGE, "nothing to inspect", {
            hint: "Pass a bundle file, or --thread <key> with --store <dir>.",
          });
        }
        const { mkdtemp, rm } = await import("node:fs/promises");
        const dir = await mkdtemp(join(tmpdir(), "codexrel-inspect-"));
        cleanup = () => rm(dir, { recursive: true, force: true });
        file = join(dir, "session.bundle");
        const hit = await createLocalBackend({ dir: resolve(ctx.cwd, opts.store) }).restore(
          threadKeyPrefix(opts.thread),
          file,
        );
        if (!hit) {
          await cleanup();
          throw new CodexrelError(
            SessionErrorCodes.SESSION_REQUIRED_BUT_MISSING,
            `no saved session for ${opts.thread}`,
            {
              hint: "Save one first with `codexrel session save`.",
            },
          );
        }
      }
      try {
        const manifest: Manifest = await inspectBundle(file);
        print(
          opts.json,
          manifest,
          `thread: ${manifest.threadKey ?? "-"}\nkey: ${manifest.key ?? "-"}\ncreated: ${manifest.createdAt}\n` +
            `codex: ${manifest.codexVersion ?? "-"}\ncompression: ${manifest.compression}\n` +
            `session: ${manifest.session ? `${manifest.session.id} (cwd ${manifest.session.cwd}, provider ${manifest.session.modelProvider})` : "none"}\n` +
            `files: ${manifest.totals.files} (${manifest.totals.bytes} bytes), redactions: ${manifest.redactions.total}, excluded: ${manifest.excluded.length}\n`,
        );
      } finally {
        await cleanup?.();
      }
    });
}
