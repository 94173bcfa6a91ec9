export * from "./client.js";
export * from "./comments.js";
export * from "./endpoints.js";
export * from "./errors.js";
export * from "./issues.js";
export * from "./thread.js";
export * from "./token.js";
export * from "./token-input.js";
