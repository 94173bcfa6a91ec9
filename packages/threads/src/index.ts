export * from "./config.js";
export * from "./drain.js";
export * from "./errors.js";
export * from "./progress.js";
export * from "./review-context.js";
export * from "./route.js";
export * from "./state.js";
export * from "./text.js";
