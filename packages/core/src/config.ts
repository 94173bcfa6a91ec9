/**
 * codexrel.yml: parsed with `yaml` (YAML 1.2, no custom tags), validated against the config schema.
 * Pure: takes the text and a name for messages; reading the file is the caller's job.
 */
import { LineCounter, parseDocument } from "yaml";
import { checkDuration } from "./duration.js";
import { CodexrelError, ErrorCodes } from "./errors.js";
import type { CodexrelConfig } from "./generated/codexrel-config.js";
import { validate } from "./schemas.js";

export function parseConfig(text: string, sourceName = "codexrel.yml"): CodexrelConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const pos = first?.pos ? lineCounter.linePos(first.pos[0]) : undefined;
    const where = pos ? `${sourceName}:${pos.line}:${pos.col}` : sourceName;
    throw new CodexrelError(ErrorCodes.CONFIG_PARSE, `${where}: ${first?.message.split("\n")[0] ?? "invalid YAML"}`, {
      hint: "Fix the YAML syntax at the position shown.",
      cause: first,
    });
  }
  const value = doc.toJS({ maxAliasCount: 50 }) ?? {};
  const result = validate("codexrel-config", value);
  if (!result.valid) {
    const lines = result.errors.map((e) => `${e.pointer || "/"} ${e.message}`);
    throw new CodexrelError(ErrorCodes.CONFIG_INVALID, `${sourceName} is invalid: ${lines.join("; ")}`, {
      hint: "Fix the listed fields; see the config schema at @codexrel/core/schemas/codexrel-config.schema.json.",
      details: { errors: result.errors },
    });
  }
  const problems = semanticProblems(result.value);
  if (problems.length > 0) {
    throw new CodexrelError(ErrorCodes.CONFIG_INVALID, `${sourceName} is invalid: ${problems.join("; ")}`, {
      hint: "Fix the listed fields: timeouts are more than 0 and at most 24h; `baseline: none` and `base` exclude each other.",
      details: { problems },
    });
  }
  return result.value;
}

/** What the schema cannot say: durations that parse and are sane, and one baseline choice. */
function semanticProblems(config: CodexrelConfig): string[] {
  const problems: string[] = [];
  for (const [i, check] of (config.checks ?? []).entries()) {
    if (check.timeout === undefined) continue;
    const parsed = checkDuration(check.timeout);
    if ("problem" in parsed) problems.push(`/checks/${i}/timeout (${JSON.stringify(check.name)}): ${parsed.problem}`);
  }
  const reg = config.regressions;
  if (reg?.baseline === "none" && reg.base && reg.base.length > 0) {
    problems.push("/regressions: `baseline: none` and `base` are both given; keep one");
  }
  return problems;
}
