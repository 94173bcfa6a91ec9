/**
 * Redaction for a stream, built on @codexrel/core's `redact` (the one set of secret patterns and
 * exact values). Core has no streaming redactor yet, so this package carries a small one; it should
 * move to core when core gets one.
 *
 * - `lineRedactor`: complete lines are redacted whole. A multi-line secret (a PEM key in an env
 *   var) is also known line by line, so each of its lines is removed wherever it appears.
 * - `StreamRedactor`: text that arrives in pieces (a line too long to hold) keeps a carry-over
 *   window: the last `window` characters wait for the next piece, and the cut is moved back until
 *   no secret straddles it (redacting the two sides apart gives what redacting them together does).
 */
import { MIN_EXACT_SECRET_LENGTH, redact } from "@codexrel/core";

/** Exact secrets plus, for multi-line ones, each of their lines long enough to be a secret. */
export function expandSecrets(secrets: Iterable<string | undefined | null>): string[] {
  const out = new Set<string>();
  for (const s of secrets) {
    if (typeof s !== "string" || s.trim().length < MIN_EXACT_SECRET_LENGTH) continue;
    out.add(s);
    if (/[\r\n]/.test(s)) {
      for (const line of s.split(/\r?\n/)) if (line.trim().length >= MIN_EXACT_SECRET_LENGTH) out.add(line.trim());
    }
  }
  return [...out];
}

export type TextRedactor = (text: string) => string;

export function lineRedactor(secrets: Iterable<string | undefined | null>): TextRedactor {
  const list = expandSecrets(secrets);
  return (text) => redact(text, { secrets: list });
}

/** Longer than every token shape core knows (GitHub tokens up to 255, JWTs a few KB). */
export const DEFAULT_CARRY_WINDOW = 8192;

export class StreamRedactor {
  private carry = "";
  readonly window: number;

  constructor(
    private readonly redactText: TextRedactor,
    options: { window?: number; secrets?: readonly string[] } = {},
  ) {
    const longest = Math.max(0, ...(options.secrets ?? []).map((s) => s.length));
    this.window = Math.max(options.window ?? DEFAULT_CARRY_WINDOW, longest + 1);
  }

  /** Redacted text that is safe to hand on now; the rest waits in the carry-over window. */
  push(chunk: string): string {
    const text = this.carry + chunk;
    if (text.length <= this.window) {
      this.carry = text;
      return "";
    }
    const whole = this.redactText(text);
    const step = Math.max(1, Math.floor(this.window / 4));
    for (let cut = text.length - this.window; cut > 0; cut -= step) {
      const head = this.redactText(text.slice(0, cut));
      if (head + this.redactText(text.slice(cut)) === whole) {
        this.carry = text.slice(cut);
        return head;
      }
    }
    if (text.length > 16 * this.window) {
      // No safe cut in a huge run (one endless token): hand it on redacted as a whole.
      this.carry = "";
      return whole;
    }
    this.carry = text;
    return "";
  }

  flush(): string {
    const out = this.redactText(this.carry);
    this.carry = "";
    return out;
  }
}
