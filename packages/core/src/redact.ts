/**
 * Secret redaction applied to every string codexrel renders, logs or bundles.
 *
 * Two layers: token formats recognised by shape (GitHub, OpenAI, JWT, Authorization values), and
 * exact values the caller knows are secret (the token it was handed), in their plain, URL-encoded
 * and JSON-escaped forms. Both are needed: a shape misses custom secrets, a value list misses
 * tokens printed by tools.
 *
 * No pattern depends on `\b`: a token glued to a letter or digit (`logged in\nghp_...` printed
 * with a literal backslash-n, `xghp_...`, `ghp_<36>_suffix`) is still a token. Every pattern has a
 * bounded length so a stream can be redacted with a fixed carry-over window (`createStreamRedactor`).
 */

export interface SecretPattern {
  /** Label used in the replacement, e.g. `[REDACTED:github-token]`. */
  label: string;
  pattern: RegExp;
  /** Index of the capture group that holds the secret; 0 means the whole match. */
  group?: number;
  /** Longest text one match can span: the carry-over window of a stream is the largest of these. */
  maxLength: number;
}

// The separator between `Authorization` and its value, plain or URL-encoded (`%3A%20`, `=`).
const AUTH_SEP = String.raw`["']?(?:[ \t]|%20|\+)*(?::|=|%3A|%3D)(?:[ \t]|%20|\+)*["']?`;
const AUTH_SCHEME = String.raw`(?:bearer|token|basic|digest)`;
// The whole value: a bearer token never holds whitespace; stop at quotes, backslashes (JSON
// escapes) and `&` (the next URL parameter) so the surrounding structure stays readable.
const AUTH_VALUE = String.raw`[^\s"'\\&<>]`;

/** Known token formats. Each pattern is global; the secret part is replaced, context kept. */
export const SECRET_PATTERNS: readonly SecretPattern[] = [
  { label: "github-token", pattern: /gh[pousr]_[A-Za-z0-9]{30,255}/g, maxLength: 259 },
  { label: "github-token", pattern: /github_pat_[A-Za-z0-9_]{22,255}/g, maxLength: 266 },
  {
    label: "openai-key",
    // Standing alone (start of text, after a space or punctuation): any 20+ character key part.
    pattern: /(?<![A-Za-z0-9])sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,512}/g,
    maxLength: 523,
  },
  {
    label: "openai-key",
    // Glued to a letter or digit (`...\\nsk-...`, `keysk-...`): the key part must also hold a run of
    // 16 letters/digits, which real keys have and kebab-case words (`task-queue-handler`) do not.
    pattern: /sk-(?:proj-|svcacct-|admin-)?(?=[A-Za-z0-9_-]{0,240}?[A-Za-z0-9]{16})[A-Za-z0-9_-]{20,512}/g,
    maxLength: 523,
  },
  {
    label: "jwt",
    pattern: /eyJ[A-Za-z0-9_-]{8,2048}\.eyJ[A-Za-z0-9_-]{8,4096}\.[A-Za-z0-9_-]{8,2048}/g,
    maxLength: 8200,
  },
  {
    label: "authorization",
    // `Authorization: Bearer x`, `authorization=token x`, `"Authorization": "Basic x"`,
    // `Authorization%3A%20Bearer%20x`: with a scheme, the whole value after it, however short.
    pattern: new RegExp(
      String.raw`(authorization${AUTH_SEP}${AUTH_SCHEME}(?:[ \t]|%20|\+)+)(${AUTH_VALUE}{1,4096})`,
      "gi",
    ),
    group: 2,
    maxLength: 4200,
  },
  {
    label: "authorization",
    // No scheme: the value itself (4+ characters, so `authorization: ok` in prose stays).
    pattern: new RegExp(
      String.raw`(authorization${AUTH_SEP})(?!(?:[ \t]|%20|\+)*${AUTH_SCHEME}(?:[ \t]|%20|\+))(?!%20|\+)(${AUTH_VALUE}{4,4096})`,
      "gi",
    ),
    group: 2,
    maxLength: 4150,
  },
];

/** Values shorter than this are never treated as exact secrets: they would redact ordinary words. */
export const MIN_EXACT_SECRET_LENGTH = 8;

export interface RedactOptions {
  /** Exact secret values to remove wherever they appear (e.g. the token in use). */
  secrets?: Iterable<string | undefined | null>;
}

export interface RedactResult {
  text: string;
  /** How many secrets were replaced. */
  count: number;
}

export function redactWithCount(text: string, options: RedactOptions = {}): RedactResult {
  return redactKnown(text, secretForms(options.secrets));
}

function redactKnown(text: string, forms: readonly string[]): RedactResult {
  let count = 0;
  let out = text;
  for (const secret of forms) {
    if (!out.includes(secret)) continue;
    const parts = out.split(secret);
    count += parts.length - 1;
    out = parts.join("[REDACTED:secret]");
  }
  for (const { label, pattern, group = 0 } of SECRET_PATTERNS) {
    pattern.lastIndex = 0;
    out = out.replace(pattern, (...args: unknown[]) => {
      const match = args[0] as string;
      const secretPart = (group === 0 ? match : args[group]) as string;
      if (secretPart.startsWith("[REDACTED:")) return match;
      count += 1;
      return `${match.slice(0, match.length - secretPart.length)}[REDACTED:${label}]`;
    });
  }
  return { text: out, count };
}

/** Redact secrets from `text`. */
export function redact(text: string, options: RedactOptions = {}): string {
  return redactWithCount(text, options).text;
}

/** True when `text` still holds something that looks like a secret. */
export function containsSecret(text: string, options: RedactOptions = {}): boolean {
  return redactWithCount(text, options).count > 0;
}

/**
 * Redacts first, then shortens to `max` characters (by code point) with an ellipsis when cut.
 * The order matters: cutting first can leave `ghp_` plus 21 characters, or a secret's prefix,
 * that no pattern or exact value matches any more.
 */
export function redactAndTruncate(text: string, max: number, options: RedactOptions = {}): string {
  return truncateText(redact(text, options), max);
}

/** Shortens already-redacted text to `max` code points, ending in `…` when it was cut. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = [...text];
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join("")}…`;
}

/** A redactor bound to a fixed set of secret values, for passing through ports. */
export interface Redactor {
  (text: string): string;
  /** Adds a value discovered at run time (e.g. a token read later). */
  add(secret: string | undefined | null): void;
}

export function createRedactor(secrets: Iterable<string | undefined | null> = []): Redactor {
  const known = new Set<string>(exactSecrets(secrets));
  const redactor = ((text: string) => redact(text, { secrets: known })) as Redactor;
  redactor.add = (secret) => {
    for (const s of exactSecrets([secret])) known.add(s);
  };
  return redactor;
}

/**
 * Redacts a stream written in arbitrary chunks (a check's output, `--verbose` stderr). A token
 * split over two writes must not come out whole in two halves, so text is held back until no
 * match can still change: everything up to the last newline (no pattern spans a line, and exact
 * secrets holding a newline switch that shortcut off), else all but a carry-over window as long as
 * the longest pattern or secret form. A match that starts before the cut is emitted whole.
 */
export interface StreamRedactor {
  /** Redacts and returns what can be released now (may be ""). */
  write(chunk: string): string;
  /** Releases the rest at the end of the stream. */
  end(): string;
  /** The carry-over window in characters. */
  readonly window: number;
}

export function createStreamRedactor(options: RedactOptions = {}): StreamRedactor {
  const forms = secretForms(options.secrets);
  const longestForm = forms.reduce((n, s) => Math.max(n, s.length), 0);
  const window = Math.max(longestForm, ...SECRET_PATTERNS.map((p) => p.maxLength));
  const lineSafe = !forms.some((s) => /[\r\n]/.test(s));
  let pending = "";
  const release = (upTo: number): string => {
    const head = pending.slice(0, upTo);
    pending = pending.slice(upTo);
    return redactKnown(head, forms).text;
  };
  return {
    window,
    write(chunk: string): string {
      pending += chunk;
      let cut = pending.length - window;
      if (lineSafe) cut = Math.max(cut, pending.lastIndexOf("\n") + 1);
      if (cut <= 0) return "";
      // Repeat: a match emitted whole can end inside another pattern's match.
      for (
        let next = extendOverMatches(pending, cut, forms);
        next !== cut;
        next = extendOverMatches(pending, cut, forms)
      )
        cut = next;
      return release(cut);
    },
    end(): string {
      return release(pending.length);
    },
  };
}

/** Moves `cut` forward past the end of any match (pattern or exact form) that starts before it. */
function extendOverMatches(text: string, cut: number, forms: readonly string[]): number {
  let at = cut;
  for (const secret of forms) {
    let i = text.indexOf(secret, Math.max(0, cut - secret.length + 1));
    while (i !== -1 && i < cut) {
      at = Math.max(at, i + secret.length);
      i = text.indexOf(secret, i + 1);
    }
  }
  for (const { pattern } of SECRET_PATTERNS) {
    const re = new RegExp(pattern.source, pattern.flags);
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null && m.index < cut; m = re.exec(text)) {
      at = Math.max(at, m.index + m[0].length);
      if (m[0].length === 0) re.lastIndex += 1;
    }
  }
  return at;
}

/** Deep-redacts every string in a JSON-like value (reports before they are written). */
export function redactDeep<T>(value: T, options: RedactOptions = {}): T {
  const forms = secretForms(options.secrets);
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return redactKnown(v, forms).text;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, inner] of Object.entries(v)) out[k] = walk(inner);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}

/**
 * Every form an exact secret can take in text we write: as is, URL-encoded (a query string, a
 * `curl` trace), JSON-escaped (a value inside a logged JSON document) and both; longest first so a
 * secret containing another is replaced whole.
 */
export function secretForms(secrets: Iterable<string | undefined | null> | undefined): string[] {
  const set = new Set<string>();
  for (const s of exactSecrets(secrets)) {
    set.add(s);
    const json = JSON.stringify(s).slice(1, -1);
    set.add(json);
    for (const base of [s, json]) {
      set.add(encodeURIComponent(base));
      set.add(encodeURIComponent(base).replace(/%20/g, "+"));
      set.add(encodeURI(base));
    }
  }
  return [...set].sort((a, b) => b.length - a.length);
}

function* exactSecrets(secrets: Iterable<string | undefined | null> | undefined): Generator<string> {
  if (!secrets) return;
  const list = [...secrets].filter(
    (s): s is string => typeof s === "string" && s.trim().length >= MIN_EXACT_SECRET_LENGTH,
  );
  list.sort((a, b) => b.length - a.length);
  yield* list;
}

/**
 * True when raw bytes hold a known secret: an exact value (any of its forms, as UTF-8 or UTF-16)
 * or a token shape. For files that cannot be redacted without breaking them (images, videos):
 * a publisher refuses them instead of copying a secret.
 */
export function bytesContainSecret(buf: Uint8Array, options: RedactOptions = {}): boolean {
  const bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  for (const form of secretForms(options.secrets)) {
    if (bytes.includes(Buffer.from(form, "utf8")) || bytes.includes(Buffer.from(form, "utf16le"))) return true;
  }
  // latin1 maps each byte to one character, so token shapes are found wherever their bytes sit.
  const text = bytes.toString("latin1");
  return SECRET_PATTERNS.some(({ pattern }) => new RegExp(pattern.source, pattern.flags.replace("g", "")).test(text));
}
