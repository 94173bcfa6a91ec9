import { packageConfig } from "../../tsup.base.js";

// The library and the `codexrel-testkit` executable. GitHub's workflow parser imports JSON
// without import attributes, which plain `node` refuses as ESM: bundling it makes both entries
// load under plain node.
export default packageConfig({
  entry: ["src/index.ts", "src/bin.ts"],
  dts: { entry: "src/index.ts" },
  noExternal: ["@actions/workflow-parser"],
});
