/**
 * What a runner reads back from a step: workflow commands printed on stdout/stderr
 * (`::error file=a.ts,line=3::msg`) and the file commands (GITHUB_OUTPUT, GITHUB_ENV, ...).
 */

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

const unescapeData = (s: string) => s.replace(/%0D/gi, "\r").replace(/%0A/gi, "\n").replace(/%25/g, "%");
const unescapeProperty = (s: string) =>
  s.replace(/%0D/gi, "\r").replace(/%0A/gi, "\n").replace(/%3A/gi, ":").replace(/%2C/gi, ",").replace(/%25/g, "%");

/** Parses one log line as a `::command key=value,...::message` workflow command. */
export function parseWorkflowCommand(line: string): WorkflowCommand | undefined {
  const text = line.trimStart();
  if (!text.startsWith("::")) return undefined;
  const end = text.indexOf("::", 2);
  if (end < 0) return undefined;
  const head = text.slice(2, end);
  const message = unescapeData(text.slice(end + 2));
  const space = head.indexOf(" ");
  const command = (space < 0 ? head : head.slice(0, space)).trim();
  if (command === "") return undefined;
  const properties: Record<string, string> = {};
  if (space >= 0) {
    for (const part of head.slice(space + 1).split(",")) {
      const eq = part.indexOf("=");
      if (eq <= 0) continue;
      properties[part.slice(0, eq).trim()] = unescapeProperty(part.slice(eq + 1));
    }
  }
  return { command, properties, message };
}

/**
 * Parses a GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE file: `NAME=value` lines and
 * `NAME<<DELIM` heredocs, exactly as the runner does (the value of a heredoc keeps its inner
 * newlines, not the last one). Throws on a heredoc without its delimiter, as the runner does.
 */
export function parseKeyValueFile(text: string): [string, string][] {
  const pairs: [string, string][] = [];
  const lines = text.split("\n");
  let i = 0;
  while (i < lines.length) {
    const line = lines[i++]!;
    if (line === "") continue;
    const eq = line.indexOf("=");
    const heredoc = line.indexOf("<<");
    if (eq >= 0 && (heredoc < 0 || eq < heredoc)) {
      const name = line.slice(0, eq);
      if (name === "") throw new Error(`Invalid format '${line}'. Name must not be empty`);
      pairs.push([name, line.slice(eq + 1)]);
    } else if (heredoc >= 0) {
      const name = line.slice(0, heredoc);
      const delimiter = line.slice(heredoc + 2);
      if (name === "" || delimiter === "") {
        throw new Error(`Invalid format '${line}'. Name must not be empty and delimiter must not be empty`);
      }
      const value: string[] = [];
      let closed = false;
      while (i < lines.length) {
        const next = lines[i++]!;
        if (next === delimiter) {
          closed = true;
          break;
        }
        value.push(next);
      }
      if (!closed) throw new Error(`Invalid value. Matching delimiter not found '${delimiter}'`);
      pairs.push([name, value.join("\n")]);
    } else {
      throw new Error(`Invalid format '${line}'`);
    }
  }
  return pairs;
}

/** GITHUB_PATH: one directory a line. */
export function parsePathFile(text: string): string[] {
  return text.split("\n").filter((l) => l !== "");
}
