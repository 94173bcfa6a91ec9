import type { PreflightCheck } from "@codexrel/core";
import type { CheckId, CheckStatus } from "./types.js";

export function check(
  id: CheckId,
  status: CheckStatus,
  code: string,
  reason: string,
  hint?: string,
  details?: Record<string, unknown>,
): PreflightCheck {
  return {
    id,
    status,
    code,
    reason,
    ...(hint ? { hint } : {}),
    blocking: false,
    ...(details && Object.keys(details).length > 0 ? { details } : {}),
  };
}
