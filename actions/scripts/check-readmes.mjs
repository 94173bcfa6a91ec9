#!/usr/bin/env node
// Checks that every actions/<name>/README.md documents exactly the inputs and outputs its
// action.yml declares: the `## Inputs` and `## Outputs` tables list the same names, and where the
// table has `Required` / `Default` columns, the same values. Plain node (no workflow parser), so CI
// can run it before installing anything else: `node actions/scripts/check-readmes.mjs [actionsDir]`.
// The tables are generated between markers by readme-tables.mjs; a README whose marked tables are
// not what action.yml gives now (edited by hand, or action.yml changed since) is reported too.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { updateReadme } from "./readme-tables.mjs";

const NONE = new Set(["", "-", "—", "n/a", "none", "(none)", "''", '""']);

/** Splits a markdown table row into cells (`\|` stays inside a cell). */
function cells(line) {
  const body = line.trim().replace(/^\|/, "").replace(/\|$/, "");
  return body.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, "|"));
}

const unquote = (s) => s.replace(/^`+|`+$/g, "").trim();
const normalize = (s) => s.replace(/\s+/g, " ").trim();

/**
 * The first table under a heading named `title` (case-insensitive), as rows of { column: value }.
 * Returns undefined when there is no such heading; [] when the heading has no table.
 */
export function readmeTable(markdown, title) {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((l) => new RegExp(`^#{1,6}\\s+${title}\\s*$`, "i").test(l.trim()));
  if (start < 0) return undefined;
  let i = start + 1;
  while (i < lines.length && !lines[i].trim().startsWith("|")) {
    if (/^#{1,6}\s/.test(lines[i].trim())) return [];
    i++;
  }
  if (i >= lines.length) return [];
  const header = cells(lines[i]).map((h) => h.toLowerCase());
  i += 1;
  if (i < lines.length && /^\|?\s*:?-{3,}/.test(lines[i].trim())) i += 1;
  const rows = [];
  while (i < lines.length && lines[i].trim().startsWith("|")) {
    const values = cells(lines[i]);
    rows.push(Object.fromEntries(header.map((h, k) => [h, values[k] ?? ""])));
    i += 1;
  }
  return rows.map((row) => ({ ...row, __name: unquote(Object.values(row)[0] ?? "") }));
}

function column(row, word) {
  const key = Object.keys(row).find((k) => k !== "__name" && k.includes(word));
  return key === undefined ? undefined : row[key];
}

/** Problems of one action folder (empty when its README agrees with action.yml). */
export function checkActionReadme(actionDir) {
  const name = actionDir.split(/[\\/]/).filter(Boolean).pop();
  const file = ["action.yml", "action.yaml"].map((f) => join(actionDir, f)).find((f) => existsSync(f));
  if (!file) return [`${name}: no action.yml`];
  const readmePath = join(actionDir, "README.md");
  if (!existsSync(readmePath)) return [`${name}: README.md is missing`];
  const action = parse(readFileSync(file, "utf8")) ?? {};
  const readme = readFileSync(readmePath, "utf8");
  const problems = [];
  const generated = updateReadme(readme, action);
  for (const section of generated.missing) {
    problems.push(`${name}: README has no <!-- codexrel:${section} --> … <!-- /codexrel:${section} --> markers`);
  }
  if (generated.missing.length === 0 && generated.text !== readme) {
    problems.push(`${name}: README tables are stale; run node actions/scripts/readme-tables.mjs`);
  }

  for (const [kind, title] of [
    ["inputs", "Inputs"],
    ["outputs", "Outputs"],
  ]) {
    const declared = action[kind] && typeof action[kind] === "object" ? action[kind] : {};
    const ids = Object.keys(declared);
    const rows = readmeTable(readme, title);
    const singular = kind.slice(0, -1);
    if (rows === undefined) {
      if (ids.length > 0)
        problems.push(`${name}: README has no "## ${title}" table (action.yml declares ${ids.join(", ")})`);
      continue;
    }
    const documented = new Map(rows.map((r) => [r.__name, r]));
    for (const id of ids) {
      const row = documented.get(id);
      if (!row) {
        problems.push(
          `${name}: ${singular} '${id}' is declared in action.yml but missing from the README ${title} table`,
        );
        continue;
      }
      const def = declared[id] ?? {};
      if (kind === "inputs") {
        const req = column(row, "required");
        if (req !== undefined) {
          const readmeRequired = /^(yes|true|required|✓|✔)$/i.test(unquote(req));
          const actionRequired = def.required === true || def.required === "true";
          if (readmeRequired !== actionRequired) {
            problems.push(
              `${name}: input '${id}': README says required=${readmeRequired ? "yes" : "no"}, action.yml says ${actionRequired ? "yes" : "no"}`,
            );
          }
        }
        const dflt = column(row, "default");
        if (dflt !== undefined) {
          const readmeDefault = NONE.has(unquote(dflt).toLowerCase()) ? "" : normalize(unquote(dflt));
          const actionDefault = def.default === undefined || def.default === null ? "" : normalize(String(def.default));
          if (readmeDefault !== actionDefault) {
            problems.push(
              `${name}: input '${id}': README default '${readmeDefault}' differs from action.yml default '${actionDefault}'`,
            );
          }
        }
      }
    }
    for (const documentedName of documented.keys()) {
      if (!ids.includes(documentedName)) {
        problems.push(`${name}: README ${title} table lists '${documentedName}', which action.yml does not declare`);
      }
    }
  }
  return problems;
}

/** Every actions/<name>/ folder holding an action.yml. */
export function actionDirs(actionsRoot) {
  return readdirSync(actionsRoot, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(actionsRoot, d.name))
    .filter((d) => existsSync(join(d, "action.yml")) || existsSync(join(d, "action.yaml")))
    .sort();
}

/** Problems of every action under `actionsRoot`. */
export function checkReadmes(actionsRoot) {
  return actionDirs(actionsRoot).flatMap(checkActionReadme);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), ".."));
  const problems = checkReadmes(root);
  for (const p of problems) console.error(p);
  if (problems.length > 0) process.exit(1);
  console.log(`action READMEs agree with action.yml (${actionDirs(root).length} actions)`);
}
