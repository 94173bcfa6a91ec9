export * from "./action-harness/index.js";
export * from "./fake-openai/index.js";
