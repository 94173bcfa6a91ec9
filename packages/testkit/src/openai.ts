/**
 * `@codexrel/testkit/openai`: the fake OpenAI Responses API and the helpers that run the real Codex
 * CLI against it (scripted turns and tool calls), without the fake GitHub or the action harness.
 */
export * from "./fake-openai/index.js";
