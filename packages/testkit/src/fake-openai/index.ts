export * from "./codex.js";
export * from "./server.js";
