/**
 * Token discovery: `GITHUB_TOKEN`, then `GH_TOKEN`, then `gh auth token` when the GitHub CLI is
 * installed and logged in. The environment and the process runner are parameters (ports), so only
 * the CLI edge hands in `process.env`.
 */

/** What to do when no token was found, for people in and outside Actions. */
export const TOKEN_MISSING_HINT =
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression is the advice itself.
  "Set GITHUB_TOKEN (in a workflow: `env: GITHUB_TOKEN: ${{ github.token }}`) or GH_TOKEN, or run `gh auth login`.";

export type TokenKind = "classic" | "fine-grained" | "oauth" | "installation" | "app-user" | "unknown";
export type TokenSource = "GITHUB_TOKEN" | "GH_TOKEN" | "gh auth token";

export interface ExecResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program without a shell. Rejects (e.g. ENOENT) when the program does not exist. */
export type ExecPort = (command: string, args: readonly string[]) => Promise<ExecResult>;

export interface DiscoverTokenOptions {
  env: Readonly<Record<string, string | undefined>>;
  /** Used for `gh auth token`; omit to never run gh. */
  exec?: ExecPort;
  /** The GitHub host gh should answer for (derived from the API URL; default github.com). */
  host?: string;
}

export interface TokenAttempt {
  source: TokenSource;
  outcome: "found" | "unset" | "empty" | "not-installed" | "not-logged-in" | "failed";
  note?: string;
}

export type TokenDiscovery =
  | { found: true; token: string; source: TokenSource; kind: TokenKind; attempts: TokenAttempt[] }
  | { found: false; attempts: TokenAttempt[] };

export async function discoverToken(options: DiscoverTokenOptions): Promise<TokenDiscovery> {
  const attempts: TokenAttempt[] = [];
  for (const name of ["GITHUB_TOKEN", "GH_TOKEN"] as const) {
    const raw = options.env[name];
    if (raw === undefined) {
      attempts.push({ source: name, outcome: "unset" });
      continue;
    }
    const token = raw.trim();
    if (token === "") {
      attempts.push({ source: name, outcome: "empty", note: `${name} is set but empty` });
      continue;
    }
    attempts.push({ source: name, outcome: "found" });
    return { found: true, token, source: name, kind: tokenKind(token), attempts };
  }

  if (!options.exec) return { found: false, attempts };
  const host = options.host ?? "github.com";
  const args = host === "github.com" ? ["auth", "token"] : ["auth", "token", "--hostname", host];
  let result: ExecResult;
  try {
    result = await options.exec("gh", args);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    attempts.push({
      source: "gh auth token",
      outcome: code === "ENOENT" ? "not-installed" : "failed",
      note: code === "ENOENT" ? "gh is not installed" : `gh could not be run (${code ?? "error"})`,
    });
    return { found: false, attempts };
  }
  const token = result.stdout.trim().split(/\r?\n/)[0]?.trim() ?? "";
  if (result.exitCode === 127) {
    attempts.push({ source: "gh auth token", outcome: "not-installed", note: "gh is not installed" });
  } else if (result.exitCode !== 0 || token === "") {
    attempts.push({ source: "gh auth token", outcome: "not-logged-in", note: `gh is not logged in to ${host}` });
  } else {
    attempts.push({ source: "gh auth token", outcome: "found" });
    return { found: true, token, source: "gh auth token", kind: tokenKind(token), attempts };
  }
  return { found: false, attempts };
}

/** What kind of token this is, by GitHub's documented prefixes. */
export function tokenKind(token: string): TokenKind {
  if (token.startsWith("github_pat_")) return "fine-grained";
  if (token.startsWith("ghp_")) return "classic";
  if (token.startsWith("gho_")) return "oauth";
  if (token.startsWith("ghs_")) return "installation";
  if (token.startsWith("ghu_")) return "app-user";
  return "unknown";
}

/** Token kinds whose access is fine-grained permissions (answered in `x-accepted-github-permissions`). */
export function usesFineGrainedPermissions(kind: TokenKind): boolean {
  return kind === "fine-grained" || kind === "installation" || kind === "app-user";
}

/** Token kinds whose access is OAuth scopes (answered in `x-oauth-scopes`). */
export function usesScopes(kind: TokenKind): boolean {
  return kind === "classic" || kind === "oauth";
}
