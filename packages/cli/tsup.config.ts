import { packageConfig } from "../../tsup.base.js";

// The CLI also builds its executable; only the library entry has types.
export default packageConfig({ entry: ["src/index.ts", "src/bin.ts"], dts: { entry: "src/index.ts" } });
