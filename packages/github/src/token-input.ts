/**
 * A token handed in by an action's input (`github-token`, usually `${{ github.token }}`), as the
 * TokenDiscovery the preflight and publish ports take: found with its kind, or not found with a
 * note naming the empty input, so a report says which input to set.
 */
import { type TokenDiscovery, tokenKind } from "./token.js";

export function tokenFromInput(token: string, inputName = "github-token"): TokenDiscovery {
  const value = token.trim();
  if (value === "") {
    return {
      found: false,
      attempts: [{ source: "GITHUB_TOKEN", outcome: "empty", note: `the ${inputName} input is empty` }],
    };
  }
  return {
    found: true,
    token: value,
    source: "GITHUB_TOKEN",
    kind: tokenKind(value),
    attempts: [{ source: "GITHUB_TOKEN", outcome: "found" }],
  };
}
