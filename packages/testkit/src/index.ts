export * from "./action-harness/index.js";
