// Checks the links in README.md. One link points to a page that does not exist, so this
// advisory check fails; it is non-blocking, so the report shows a warning, not a block.
import { existsSync, readFileSync } from "node:fs";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const broken = [...readme.matchAll(/\]\((\.\/[^)]+)\)/g)]
  .map((m) => m[1])
  .filter((p) => !existsSync(new URL(`../${p}`, import.meta.url)));
for (const link of broken) console.error(`broken link: ${link}`);
process.exit(broken.length > 0 ? 1 : 0);
