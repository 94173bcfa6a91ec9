import { packageConfig } from "../../tsup.base.js";

// The library and the `./reporter` entry Playwright loads, both read from package.json's exports.
export default packageConfig();
