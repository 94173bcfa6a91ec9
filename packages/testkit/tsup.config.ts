import { exportedEntries, packageConfig } from "../../tsup.base.js";

// The library (the root and its ./github, ./openai, ./actions and ./canary subpaths) and the
// `codexrel-testkit` executable. GitHub's workflow parser imports JSON without import attributes,
// which plain `node` refuses as ESM: bundling it makes every entry load under plain node.
export default packageConfig({
  entry: { ...exportedEntries(), bin: "src/bin.ts" },
  dts: { entry: exportedEntries() },
  noExternal: ["@actions/workflow-parser"],
});
