/**
 * GitHub access for `codexrel publish`. Placeholder until @codexrel/github lands: no ports means
 * publication is reported as blocked (GITHUB_TOKEN_MISSING), never claimed.
 */
import type { PublishPorts } from "@codexrel/publisher";

export async function createPublishPorts(_env: Record<string, string | undefined>): Promise<PublishPorts | null> {
  return null;
}
