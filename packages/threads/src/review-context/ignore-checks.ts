/** `ignoreChecks`: check names (exact, or `*` globs) that readiness and the prompt section leave out. */
import type { CheckInfo } from "./gather.js";

/** The checks whose names match none of the `ignoreChecks` patterns. */
export function withoutIgnoredChecks(checks: CheckInfo[], ignoreChecks: string[] | undefined): CheckInfo[] {
  const ignore = (ignoreChecks ?? []).map(globToRegExp);
  return checks.filter((c) => !ignore.some((re) => re.test(c.name)));
}

function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replaceAll("*", ".*");
  return new RegExp(`^${body}$`);
}
