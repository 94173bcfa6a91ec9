export * from "./codex.js";
export * from "./server.js";
export * from "./tool-calls.js";
