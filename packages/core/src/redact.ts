/**
 * Secret redaction applied to every string codexrel renders, logs or bundles.
 *
 * Two layers: token formats recognised by shape (GitHub, OpenAI, JWT, Authorization values), and
 * exact values the caller knows are secret (the token it was handed). Both are needed: a shape
 * misses custom secrets, a value list misses tokens printed by tools.
 */

export interface SecretPattern {
  /** Label used in the replacement, e.g. `[REDACTED:github-token]`. */
  label: string;
  pattern: RegExp;
  /** Index of the capture group that holds the secret; 0 means the whole match. */
  group?: number;
}

/** Known token formats. Each pattern is global; the secret part is replaced, context kept. */
export const SECRET_PATTERNS: readonly SecretPattern[] = [
  { label: "github-token", pattern: /\bgh[pousr]_[A-Za-z0-9]{30,255}\b/g },
  { label: "github-token", pattern: /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g },
  { label: "openai-key", pattern: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/g },
  {
    label: "jwt",
    pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
  },
  {
    label: "authorization",
    // `Authorization: Bearer x`, `authorization=token x`, `"Authorization": "Basic x"`.
    pattern: /(\bauthorization["']?\s*[:=]\s*["']?(?:(?:bearer|token|basic|digest)\s+)?)([^\s"',;]{4,})/gi,
    group: 2,
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
  let count = 0;
  let out = text;
  for (const secret of exactSecrets(options.secrets)) {
    if (!out.includes(secret)) continue;
    const parts = out.split(secret);
    count += parts.length - 1;
    out = parts.join("[REDACTED:secret]");
  }
  for (const { label, pattern, group = 0 } of SECRET_PATTERNS) {
    pattern.lastIndex = 0;
    out = out.replace(pattern, (...args: unknown[]) => {
      const match = args[0] as string;
      if (match.includes("[REDACTED:")) return match;
      count += 1;
      if (group === 0) return `[REDACTED:${label}]`;
      const secretPart = args[group] as string;
      return match.slice(0, match.length - secretPart.length) + `[REDACTED:${label}]`;
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

/** Deep-redacts every string in a JSON-like value (reports before they are written). */
export function redactDeep<T>(value: T, options: RedactOptions = {}): T {
  const secrets = [...exactSecrets(options.secrets)];
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return redact(v, { secrets });
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

function* exactSecrets(secrets: Iterable<string | undefined | null> | undefined): Generator<string> {
  if (!secrets) return;
  // Longest first so a secret containing another is replaced whole.
  const list = [...secrets].filter(
    (s): s is string => typeof s === "string" && s.trim().length >= MIN_EXACT_SECRET_LENGTH,
  );
  list.sort((a, b) => b.length - a.length);
  yield* list;
}
