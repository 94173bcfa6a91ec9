/**
 * `@codexrel/testkit/github`: the fake GitHub (REST, GraphQL, token permissions, git pushes) and
 * webhook payloads, without the action harness and workflow runner, so a library's tests do not
 * load GitHub's workflow parser.
 */
export * from "./fake-github/index.js";
export { adaptRepository, deepMerge, type WebhookPayloadOptions, webhookPayload } from "./webhooks/payloads.js";
