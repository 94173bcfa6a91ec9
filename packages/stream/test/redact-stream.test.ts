import { createStreamRedactor, redact } from "@codexrel/core";
import { createWarningLog, expandSecrets, lineRedactor, runStream, type Sink } from "@codexrel/stream";
import { expect, test } from "vitest";

const TOKEN = `ghp_${"Zx9".repeat(12)}`;

/** A sink that keeps what it is given, as the file sink would write it. */
function memorySink(): Sink & { text: string[] } {
  const text: string[] = [];
  return {
    name: "file",
    fullOutput: true,
    text,
    write(line: string) {
      text.push(line);
    },
    async close() {
      return { sink: "file", ok: true, detail: `${text.length} lines` } as never;
    },
  } as Sink & { text: string[] };
}

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

test("a token in a line too long to hold never reaches a sink whole or in part, whatever the chunk cut", async () => {
  // maxLineChars 1000: the 18 KB line reaches runStream's piece path (core's createStreamRedactor).
  const line = `${"a".repeat(9000)} ${TOKEN} ${"b".repeat(9000)}`;
  for (const size of [1, 7, 40, 999, 1000, 4096, 9003]) {
    const sink = memorySink();
    const passed: string[] = [];
    await runStream({
      input: chunked(`${line}\nnext ${TOKEN}\n`, size),
      passthrough: (c) => {
        passed.push(String(c));
      },
      sinks: [sink],
      secrets: [],
      warnings: createWarningLog(() => {}),
      maxLineChars: 1000,
    });
    const out = sink.text.join("\n");
    expect(out).not.toContain("Zx9Zx9Zx9");
    expect(out).toContain("[REDACTED:github-token]");
    const rejoined = sink.text.map((l) => l.replace(/ ↩$/, "")).join("");
    expect(rejoined).toContain(redact(line));
    expect(sink.text.at(-1)).toBe("next [REDACTED:github-token]");
    // stdout gets the input unchanged (the pipe is not a sink).
    expect(passed.join("")).toBe(`${line}\nnext ${TOKEN}\n`);
  }
});

test("core's stream redactor: an exact secret longer than the default window widens it", () => {
  const secret = `s3cr3t-${"k".repeat(10_000)}`;
  const r = createStreamRedactor({ secrets: expandSecrets([secret]) });
  expect(r.window).toBeGreaterThanOrEqual(secret.length);
  const text = `x ${secret} y`;
  let out = "";
  for (let i = 0; i < text.length; i += 333) out += r.write(text.slice(i, i + 333));
  out += r.end();
  expect(out).toBe("x [REDACTED:secret] y");
});

test("each line of a multi-line secret is redacted on its own line", () => {
  const pem = "-----BEGIN KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7\n-----END KEY-----";
  expect(expandSecrets([pem])).toContain("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC");
  const redactLine = lineRedactor([pem]);
  expect(redactLine("key: MIIEvQIBADANBgkqhkiG9w0BAQEFAASC")).toBe("key: [REDACTED:secret]");
  expect(redactLine(`Authorization: Bearer abc.def-123`)).not.toContain("abc.def-123");
});
