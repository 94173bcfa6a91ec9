/** The state embedded in the comment (a base64 JSON line in an HTML comment): reading it back and writing it. */
import { redact } from "@codexrel/core";
import { clip, normalize } from "./normalize.js";
import { emptyProgress, type ProgressState } from "./state.js";

export const STATE_PREFIX = "<!-- codex:progress-state ";
const STATE_RE = /<!-- codex:progress-state ([A-Za-z0-9+/=]+) -->/;

/** Reads the state embedded in an existing progress comment; null when there is none (or it is unreadable). */
export function parseProgressState(body: string): ProgressState | null {
  const m = STATE_RE.exec(body);
  if (!m) return null;
  try {
    const value = JSON.parse(Buffer.from(m[1] as string, "base64").toString("utf8")) as Partial<ProgressState>;
    if (value.version !== 1) return null;
    return normalize({ ...emptyProgress(), ...value } as ProgressState);
  } catch {
    return null;
  }
}

/** Upper bound for the embedded state line, leaving most of the comment to the visible text. */
export const EMBEDDED_STATE_MAX = 24_000;

/**
 * The state as embedded: redacted like the visible text, and shrunk step by step (recap, test
 * details, long texts) until it fits `EMBEDDED_STATE_MAX` once encoded.
 */
export function embedState(state: ProgressState, secrets: string[], max: number): string {
  let s = JSON.parse(redact(JSON.stringify(state), { secrets })) as ProgressState;
  const encode = (v: ProgressState) => Buffer.from(JSON.stringify(v)).toString("base64");
  const shrinks: Array<(v: ProgressState) => ProgressState> = [
    (v) => ({
      ...v,
      recap: v.recap ? clip(v.recap, 1000) : null,
      earlierRecaps: (v.earlierRecaps ?? []).map((r) => clip(r, 300)),
    }),
    (v) => ({ ...v, earlierRecaps: [] }),
    (v) => ({ ...v, testsRun: v.testsRun.map((t) => ({ ...t, detail: null })) }),
    (v) => ({ ...v, recap: null, blockers: v.blockers.map((b) => clip(b, 80)) }),
    (v) => ({ ...v, testsRun: v.testsRun.slice(0, 10).map((t) => ({ ...t, name: clip(t.name, 40) })) }),
    (v) => ({ ...v, steps: v.steps.map((x) => ({ ...x, text: clip(x.text, 60) })) }),
    (v) => ({ ...v, testsRun: [], blockers: [], steps: v.steps.map((x) => ({ ...x, text: clip(x.text, 30) })) }),
    (v) => ({
      ...v,
      steps: v.steps.slice(0, 40),
      activeStep: v.activeStep !== null && v.activeStep < 40 ? v.activeStep : null,
    }),
  ];
  let encoded = encode(s);
  for (const shrink of shrinks) {
    if (encoded.length <= max) break;
    s = shrink(s);
    encoded = encode(s);
  }
  return encoded;
}
