// Generates src/generated/*.ts from schemas/*.schema.json so the TypeScript types are bound to
// the JSON Schemas (the schemas are the source of truth). A test fails when these are stale.
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "json-schema-to-typescript";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const schemaFiles = {
  "run-report": "RunReport",
  "cuj-summary": "CujSummary",
  "release-impact": "ReleaseImpact",
  "codexrel-config": "CodexrelConfig",
  "release-intake": "ReleaseIntake",
};

export async function generate(name) {
  const schema = JSON.parse(await readFile(join(root, "schemas", `${name}.schema.json`), "utf8"));
  return compile(schema, schemaFiles[name], {
    bannerComment: `/* Generated from schemas/${name}.schema.json by scripts/gen-types.mjs. Do not edit. */`,
    additionalProperties: false,
    strictIndexSignatures: true,
    unreachableDefinitions: true,
    format: true,
    style: { printWidth: 110 },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const name of Object.keys(schemaFiles)) {
    await writeFile(join(root, "src", "generated", `${name}.ts`), await generate(name));
  }
  console.log(`generated ${Object.keys(schemaFiles).length} type files`);
}
