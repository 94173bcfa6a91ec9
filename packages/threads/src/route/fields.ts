/** Reading payload fields the handlers share, and making untrusted names safe to show in a prompt. */
import type { Thread } from "@codexrel/core";
import { ThreadsErrorCodes, threadsError } from "../errors.js";
import { get, int, str } from "../payload.js";
import type { Ctx } from "./draft.js";

export function makeThread(ctx: Ctx, kind: Thread["kind"], number: number): Thread {
  return { repository: ctx.repository as string, kind, number };
}

export function requireNumber(ctx: Ctx, value: unknown, field: string): number {
  const n = int(value);
  if (n === null || n < 1) {
    throw threadsError(
      ThreadsErrorCodes.EVENT_PAYLOAD_INVALID,
      `the ${ctx.name} payload has no usable ${field}`,
      `Pass the unmodified ${ctx.name} webhook payload.`,
    );
  }
  return n;
}

export function isFork(pr: unknown): boolean | null {
  const head = str(get(pr, "head", "repo", "full_name"));
  const base = str(get(pr, "base", "repo", "full_name"));
  if (get(pr, "head", "repo") === null) return true; // the fork was deleted
  if (!head || !base) return null;
  return head.toLowerCase() !== base.toLowerCase();
}

export function labelNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((l) => (typeof l === "string" ? l : str(get(l, "name")))).filter((n): n is string => n !== null);
}

export function deliveryKey(ctx: Ctx): string | null {
  return ctx.deliveryId ? `delivery/${ctx.deliveryId}` : null;
}

export function safeRef(ref: string): string {
  return ref.replace(/[^A-Za-z0-9._/-]/g, "?").slice(0, 100);
}

export function safePath(path: string): string {
  return path.replace(/[^\p{L}\p{N} ._/@+-]/gu, "?").slice(0, 300);
}
