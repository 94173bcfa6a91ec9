export * from "./fake-github/index.js";
