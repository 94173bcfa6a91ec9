export * from "./config.js";
export * from "./drain.js";
export * from "./errors.js";
export * from "./route.js";
export * from "./state.js";
export * from "./text.js";
