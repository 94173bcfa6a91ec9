/**
 * The shared canary set: one fake secret per shape codexrel must redact, plus the kinds of secret
 * only a name or a config reveals. A canary test plants them in every input it controls and scans
 * every output with `findCanaryLeaks`: nothing may appear whole, or as a prefix of 12 or more
 * characters (a secret cut before it was redacted), in any file, comment, summary, log or bundle.
 */
import { gunzipSync } from "node:zlib";

export interface Canary {
  /** What it stands for (shown when it leaks). */
  name: string;
  value: string;
  /** Caught by its shape alone; otherwise only because its value is known (named, env_key, .env). */
  shape: boolean;
}

const pad = (seed: string, n: number) => seed.repeat(Math.ceil(n / seed.length)).slice(0, n);

export const CANARIES = {
  githubToken: { name: "GitHub token (ghp_)", value: `ghp_${pad("CanaryGh0", 36)}`, shape: true },
  githubPat: { name: "fine-grained PAT", value: `github_pat_11CANARY0${pad("PatBody7_", 70)}`, shape: true },
  openaiKey: { name: "OpenAI project key", value: `sk-proj-${pad("CanaryOpenAi9", 60)}`, shape: true },
  jwt: {
    name: "JWT",
    value: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjYW5hcnkifQ.CanaryJwtSignature0123456789abcd",
    shape: true,
  },
  bearer: { name: "Authorization: Bearer value", value: "canaryBearerValue_0123456789", shape: false },
  named: { name: "--secret-env value", value: "Canary-Named-Secret-Value-77", shape: false },
  providerKey: { name: "custom provider env_key value", value: "Canary-Provider-Key-Value-88", shape: false },
  dotenv: { name: "nested .env value", value: "Canary-Nested-Dotenv-Value-99", shape: false },
} as const satisfies Record<string, Canary>;

export const CANARY_LIST: readonly Canary[] = Object.values(CANARIES);

/** How much of a secret may show before it counts as leaked: 11 characters (`ghp_` + 7) is noise. */
export const CANARY_PREFIX = 12;

export interface CanaryLeak {
  where: string;
  canary: string;
  /** The leaked text (whole or its first CANARY_PREFIX characters). */
  found: string;
}

/**
 * Leaks of any canary in `content`: the whole value or its 12-character prefix, in the text as
 * written, JSON-unescaped, URL-decoded, or as UTF-16; gzip content is inflated first.
 */
export function findCanaryLeaks(where: string, content: string | Buffer, canaries = CANARY_LIST): CanaryLeak[] {
  let buf = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  if (buf.length > 2 && buf[0] === 0x1f && buf[1] === 0x8b) {
    try {
      buf = gunzipSync(buf);
    } catch {
      // not really gzip: scanned as is
    }
  }
  const text = buf.toString("utf8");
  const views = [text, text.replace(/\\(["\\/])/g, "$1"), safeDecode(text), buf.toString("utf16le")];
  const leaks: CanaryLeak[] = [];
  for (const c of canaries) {
    const prefix = c.value.slice(0, CANARY_PREFIX);
    for (const view of views) {
      if (view.includes(prefix)) {
        leaks.push({ where, canary: c.name, found: view.includes(c.value) ? c.value : prefix });
        break;
      }
    }
  }
  return leaks;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/%([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  }
}
