export { checkCodexHome, checkOpenAIKey, DEFAULT_OPENAI_BASE_URL, type OpenAIKeyOptions } from "./agent-checks.js";
export {
  type CommentDecision,
  checkCanComment,
  checkFork,
  checkGitHubToken,
  checkThread,
  decideCanComment,
  PROBE_MARKER,
} from "./github-checks.js";
export { hintMarkdown, renderPreflightMarkdown, renderPreflightText } from "./render.js";
export { agentVerdict, blockedPublication, publishVerdict, runPreflight } from "./run.js";
export * from "./types.js";
