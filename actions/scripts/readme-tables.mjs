#!/usr/bin/env node
// Writes the `Inputs` and `Outputs` tables of every actions/<name>/README.md from its action.yml,
// between marker comments (as changesets/action generates its README's inputs), so the tables
// cannot drift from what the action declares:
//   <!-- codexrel:inputs -->  ...generated...  <!-- /codexrel:inputs -->
//   <!-- codexrel:outputs --> ...generated...  <!-- /codexrel:outputs -->
// `node actions/scripts/readme-tables.mjs` rewrites them; `--check` only reports stale ones
// (check-readmes.mjs runs the same comparison in CI). Plain node and `yaml`, nothing built.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const SECTIONS = ["inputs", "outputs"];

/** A table cell: one line, `|` escaped, the whole value kept. */
function cell(text) {
  return String(text).replace(/\s+/g, " ").trim().replace(/\|/g, "\\|");
}

/** `value` as inline code, with a fence long enough for backticks inside it. */
function code(value) {
  const text = String(value);
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** The markdown table of one section of a parsed action.yml ("" when it declares none). */
export function renderTable(action, section) {
  const declared = action?.[section] && typeof action[section] === "object" ? action[section] : {};
  const ids = Object.keys(declared);
  if (ids.length === 0) return `This action has no ${section}.`;
  if (section === "inputs") {
    const rows = ids.map((id) => {
      const def = declared[id] ?? {};
      const required = def.required === true || def.required === "true" ? "yes" : "no";
      const given = def.default === undefined || def.default === null ? null : cell(def.default);
      // No default: an empty cell; an empty-string default: `""`, as it is written in action.yml.
      const dflt = given === null ? "" : given === "" ? '`""`' : code(given);
      return `| ${code(id)} | ${required} | ${dflt} | ${cell(def.description ?? "")} |`;
    });
    return ["| name | required | default | description |", "| --- | --- | --- | --- |", ...rows].join("\n");
  }
  const rows = ids.map((id) => `| ${code(id)} | ${cell(declared[id]?.description ?? "")} |`);
  return ["| name | description |", "| --- | --- |", ...rows].join("\n");
}

const open = (section) => `<!-- codexrel:${section} -->`;
const close = (section) => `<!-- /codexrel:${section} -->`;

/**
 * The README with each marked section replaced by the table action.yml gives.
 * Returns { text, missing }: `missing` names sections whose markers are absent or out of order.
 */
export function updateReadme(markdown, action) {
  let text = markdown;
  const missing = [];
  for (const section of SECTIONS) {
    const start = text.indexOf(open(section));
    const end = text.indexOf(close(section));
    if (start < 0 || end < start) {
      missing.push(section);
      continue;
    }
    const before = text.slice(0, start + open(section).length);
    const after = text.slice(end);
    text = `${before}\n${renderTable(action, section)}\n${after}`;
  }
  return { text, missing };
}

/** Every actions/<name>/ folder holding an action.yml, with its parsed action. */
export function actionFolders(actionsRoot) {
  return readdirSync(actionsRoot, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(actionsRoot, d.name))
    .map((dir) => ({ dir, file: ["action.yml", "action.yaml"].map((f) => join(dir, f)).find((f) => existsSync(f)) }))
    .filter((a) => a.file !== undefined)
    .sort((a, b) => a.dir.localeCompare(b.dir));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes("--check");
  const root = resolve(
    process.argv.slice(2).find((a) => !a.startsWith("--")) ?? join(dirname(fileURLToPath(import.meta.url)), ".."),
  );
  const problems = [];
  for (const { dir, file } of actionFolders(root)) {
    const readmePath = join(dir, "README.md");
    const name = dir.split(/[\\/]/).pop();
    if (!existsSync(readmePath)) {
      problems.push(`${name}: README.md is missing`);
      continue;
    }
    const readme = readFileSync(readmePath, "utf8");
    const { text, missing } = updateReadme(readme, parse(readFileSync(file, "utf8")) ?? {});
    for (const section of missing) problems.push(`${name}: README has no ${open(section)} … ${close(section)} markers`);
    if (text === readme) continue;
    if (check) problems.push(`${name}: README tables are stale; run node actions/scripts/readme-tables.mjs`);
    else writeFileSync(readmePath, text);
  }
  for (const p of problems) console.error(p);
  if (problems.length > 0) process.exit(1);
  console.log(check ? "action README tables are current" : "action README tables written");
}
