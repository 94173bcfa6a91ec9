import pkg from "../package.json" with { type: "json" };

/** The CLI's own version, stamped into every report it writes. */
export const CLI_VERSION: string = pkg.version;
