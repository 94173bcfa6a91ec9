export * from "./fake-openai/index.js";
