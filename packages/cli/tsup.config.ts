import { exportedEntries, packageConfig } from "../../tsup.base.js";

// The CLI also builds its executable; only the library entries have types.
export default packageConfig({ entry: { ...exportedEntries(), bin: "src/bin.ts" }, dts: { entry: exportedEntries() } });
