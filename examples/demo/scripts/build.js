// The plain build: copies sources to dist/.
import { cpSync, mkdirSync } from "node:fs";

mkdirSync(new URL("../.codexrel/build", import.meta.url), { recursive: true });
cpSync(new URL("../src", import.meta.url), new URL("../.codexrel/build", import.meta.url), { recursive: true });
console.log("build: copied src to .codexrel/build");
