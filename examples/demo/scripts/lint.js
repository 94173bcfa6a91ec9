// A stand-in linter: fails on `console.log` left in sources.
import { readdirSync, readFileSync } from "node:fs";

const offenders = readdirSync(new URL("../src", import.meta.url)).filter((f) =>
  readFileSync(new URL(`../src/${f}`, import.meta.url), "utf8").includes("console.log"),
);
if (offenders.length > 0) {
  console.error(`lint: console.log found in ${offenders.join(", ")}`);
  process.exit(1);
}
console.log("lint: 0 problems");
