import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createWarningLog, runStream, type Sink } from "@codexrel/stream";
import { codexAvailability, runCodex, startFakeOpenAI } from "@codexrel/testkit/openai";
import { expect, test } from "vitest";

function memorySink(): Sink & { lines: string[] } {
  const lines: string[] = [];
  return {
    name: "file",
    lines,
    write: (l) => void lines.push(l),
    close: async () => ({ name: "file", ok: true, summary: "", lines: lines.length, undelivered: 0 }),
  };
}

test("the real `codex exec --json` output, streamed: command with exit code, file change, agent message; secrets redacted", {
  timeout: 180_000,
}, async () => {
  const available = await codexAvailability();
  if (!available.ok) throw new Error(`the real Codex CLI cannot run here: ${available.reason}`);
  const canary = `sk-proj-${"c4n4ry".repeat(5)}`;
  const fake = await startFakeOpenAI({
    reply: (_req, i) =>
      i === 0
        ? {
            items: [
              {
                type: "function_call",
                name: "exec_command",
                arguments: JSON.stringify({ cmd: `echo key=${canary}; exit 4` }),
                callId: "c1",
              },
            ],
          }
        : i === 1
          ? {
              items: [
                {
                  type: "function_call",
                  name: "exec_command",
                  arguments: JSON.stringify({
                    cmd: "apply_patch <<'EOF'\n*** Begin Patch\n*** Add File: notes.md\n+hello\n*** End Patch\nEOF",
                  }),
                  callId: "c2",
                },
              ],
            }
          : "Done: the command failed with 4 and notes.md exists.",
  });
  try {
    const home = await mkdtemp(join(tmpdir(), "stream-codex-home-"));
    const cwd = await mkdtemp(join(tmpdir(), "stream-codex-cwd-"));
    await writeFile(join(home, "config.toml"), fake.codexConfigToml());
    const run = await runCodex({
      codexHome: home,
      cwd,
      args: ["exec", "--json", "--skip-git-repo-check", "--sandbox", "danger-full-access", "go"],
      env: { OPENAI_API_KEY: "sk-test-0000000000000000000000" },
    });
    expect(run.code, run.stderr).toBe(0);
    const sink = memorySink();
    let passed = "";
    const result = await runStream({
      input: (async function* () {
        yield Buffer.from(run.stdout);
      })(),
      passthrough: (c) => {
        passed += c.toString();
      },
      sinks: [sink],
      secrets: [],
      warnings: createWarningLog(() => {}),
    });
    expect(passed).toBe(run.stdout);
    expect(result.events).toBe(result.lines);
    expect(sink.lines).toEqual(
      expect.arrayContaining([
        `$ /bin/bash -lc 'echo key=[REDACTED:openai-key]; exit 4'`,
        "  │ key=[REDACTED:openai-key]",
        "  ✗ exit 4 · /bin/bash -lc 'echo key=[REDACTED:openai-key]; exit 4'",
        `✎ add ${join(cwd, "notes.md")}`,
        "💬 Done: the command failed with 4 and notes.md exists.",
      ]),
    );
    expect(sink.lines.join("\n")).not.toContain(canary);
  } finally {
    await fake.close();
  }
});
