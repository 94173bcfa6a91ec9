/**
 * How a `uses:` value names a remote action: `owner/repo[/path]@ref`. GitHub resolves the ref (a
 * tag, a branch or a full commit SHA, which is how pinned workflows name official actions) to a
 * commit of `owner/repo`; the simulation has one stand-in per action, so it goes by the name and
 * keeps the ref only to report it.
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#jobsjob_idstepsuses
 */
export interface ActionRef {
  /** `owner/repo[/path]`, lower-cased (GitHub's owner and repository names are case-insensitive). */
  name: string;
  /** What follows the last `@`: `v5`, `main`, or a 40-hex commit SHA. */
  ref: string;
}

/** A full commit SHA: the only ref GitHub treats as immutable. */
export const FULL_SHA = /^[0-9a-f]{40}$/i;

/** The action a `uses:` value names, or undefined for local (`./x`), docker and ref-less values. */
export function parseActionRef(uses: string): ActionRef | undefined {
  if (uses.startsWith("./") || uses.startsWith("docker://")) return undefined;
  const at = uses.lastIndexOf("@");
  if (at <= 0 || at === uses.length - 1) return undefined;
  const name = uses.slice(0, at).toLowerCase();
  if (name.split("/").length < 2) return undefined;
  return { name, ref: uses.slice(at + 1) };
}
