/**
 * codexrel.yml: parsed with `yaml` (YAML 1.2, no custom tags), validated against the config schema.
 * Pure: takes the text and a name for messages; reading the file is the caller's job.
 */
import { isCollection, isPair, LineCounter, parseDocument } from "yaml";
import { checkDuration } from "./duration.js";
import { CodexrelError, ErrorCodes } from "./errors.js";
import type { CodexrelConfig } from "./generated/codexrel-config.js";
import { validate } from "./schemas.js";

/** Limits no real config comes near; past them the input is an attack, refused before it costs. */
export const CONFIG_LIMITS = {
  /** Characters of YAML text (the parser needs about 100x this in memory and is slow on more). */
  maxChars: 128 * 1024,
  /** Nesting of mappings and sequences. */
  maxDepth: 64,
  /** Alias expansions (`*name`) while building the value: a "billion laughs" stops here. */
  maxAliasCount: 50,
} as const;

function tooLarge(sourceName: string, what: string): CodexrelError {
  return new CodexrelError(ErrorCodes.CONFIG_TOO_LARGE, `${sourceName}: ${what}`, {
    hint: "A codexrel.yml is a few kilobytes of plain mappings: remove the generated or repeated content.",
  });
}

/**
 * Deepest bracket nesting of flow collections (`[[[...]]]`, `{a: {b: ...}}`), and deepest block
 * indentation, measured on the text before the parser sees it: the parser recurses per level and
 * overflows the stack long before a depth check on its result could run.
 */
function textDepth(text: string): { flow: number; indent: number } {
  let flow = 0;
  let deepest = 0;
  let quote: string | null = null;
  let indent = 0;
  let atLineStart = true;
  let lineIndent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") {
      atLineStart = true;
      lineIndent = 0;
      if (quote === "'") quote = null;
      continue;
    }
    if (atLineStart) {
      if (c === " " || c === "-") {
        lineIndent++;
        continue;
      }
      atLineStart = false;
      if (c !== "#") indent = Math.max(indent, lineIndent);
    }
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === "#") {
      const nl = text.indexOf("\n", i);
      i = nl === -1 ? text.length : nl - 1;
    } else if (c === "[" || c === "{") deepest = Math.max(deepest, ++flow);
    else if ((c === "]" || c === "}") && flow > 0) flow--;
  }
  return { flow: deepest, indent };
}

/** Depth of the parsed node tree, without recursion. */
function nodeDepth(root: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (isCollection(node)) {
      deepest = Math.max(deepest, depth + 1);
      for (const item of node.items) {
        if (isPair(item)) stack.push([item.value, depth + 1]);
        else stack.push([item, depth + 1]);
      }
    }
  }
  return deepest;
}

export function parseConfig(text: string, sourceName = "codexrel.yml"): CodexrelConfig {
  if (text.length > CONFIG_LIMITS.maxChars) {
    throw tooLarge(sourceName, `${text.length} characters, more than the ${CONFIG_LIMITS.maxChars} a config may have`);
  }
  const depth = textDepth(text);
  // Block nesting needs at least one column per level; 8 columns a level is generous.
  if (depth.flow > CONFIG_LIMITS.maxDepth || depth.indent > CONFIG_LIMITS.maxDepth * 8) {
    throw tooLarge(sourceName, `nested deeper than ${CONFIG_LIMITS.maxDepth} levels`);
  }
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
  if (nodeDepth(doc.contents) > CONFIG_LIMITS.maxDepth) {
    throw tooLarge(sourceName, `nested deeper than ${CONFIG_LIMITS.maxDepth} levels`);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: CONFIG_LIMITS.maxAliasCount }) ?? {};
  } catch (cause) {
    // yaml throws a ReferenceError for an alias bomb ("Excessive alias count").
    if (cause instanceof ReferenceError && /alias/i.test(cause.message)) {
      throw tooLarge(sourceName, `aliases expand more than ${CONFIG_LIMITS.maxAliasCount} times (an alias bomb)`);
    }
    throw new CodexrelError(ErrorCodes.CONFIG_PARSE, `${sourceName}: ${(cause as Error).message}`, {
      hint: "Fix the YAML at the position shown.",
      cause,
    });
  }
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
