export * from "./action-harness/index.js";
export * from "./canary.js";
export * from "./fake-github/index.js";
export * from "./fake-openai/index.js";
export { adaptRepository, deepMerge, type WebhookPayloadOptions, webhookPayload } from "./webhooks/payloads.js";
export * from "./workflow-runner/index.js";
