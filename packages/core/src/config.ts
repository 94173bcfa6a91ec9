/**
 * codexrel.yml: parsed with `yaml` (YAML 1.2, no custom tags), validated against the config schema.
 * Pure: takes the text and a name for messages; reading the file is the caller's job.
 */
import { LineCounter, parseDocument } from "yaml";
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
  return result.value;
}
