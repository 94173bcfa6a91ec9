export * from "./artifacts.js";
export * from "./bundle.js";
export * from "./destinations/local.js";
export * from "./errors.js";
export * from "./links.js";
export * from "./render.js";
export * from "./sniff.js";
export * from "./stage.js";
