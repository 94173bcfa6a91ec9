import { expandSecrets, lineRedactor, StreamRedactor } from "@codexrel/stream";
import { expect, test } from "vitest";

const TOKEN = `ghp_${"Zx9".repeat(12)}`;

test("a token split over pieces never comes out whole or in part, whatever the cut", () => {
  const redact = lineRedactor([]);
  const text = `${"a".repeat(9000)} ${TOKEN} ${"b".repeat(9000)}`;
  for (const size of [1, 7, 40, 4096, 8191, 8192, 9003]) {
    const r = new StreamRedactor(redact);
    let out = "";
    for (let i = 0; i < text.length; i += size) out += r.push(text.slice(i, i + size));
    out += r.flush();
    expect(out).toBe(redact(text));
    expect(out).not.toContain("Zx9Zx9Zx9");
  }
});

test("an exact secret longer than the window widens the window", () => {
  const secret = `s3cr3t-${"k".repeat(10_000)}`;
  const r = new StreamRedactor(lineRedactor([secret]), { secrets: [secret] });
  expect(r.window).toBeGreaterThan(secret.length);
  const text = `x ${secret} y`;
  let out = "";
  for (let i = 0; i < text.length; i += 333) out += r.push(text.slice(i, i + 333));
  out += r.flush();
  expect(out).toBe("x [REDACTED:secret] y");
});

test("each line of a multi-line secret is redacted on its own line", () => {
  const pem = "-----BEGIN KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7\n-----END KEY-----";
  expect(expandSecrets([pem])).toContain("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC");
  const redact = lineRedactor([pem]);
  expect(redact("key: MIIEvQIBADANBgkqhkiG9w0BAQEFAASC")).toBe("key: [REDACTED:secret]");
  expect(redact(`Authorization: Bearer abc.def-123`)).not.toContain("abc.def-123");
});
