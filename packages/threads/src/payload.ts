/** Narrow, defensive readers for webhook payloads (`unknown` in, typed values or null out). */

export type Obj = Record<string, unknown>;

export function obj(value: unknown): Obj | null {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Obj) : null;
}

export function get(value: unknown, ...path: string[]): unknown {
  let cur: unknown = value;
  for (const key of path) {
    const o = obj(cur);
    if (!o) return undefined;
    cur = o[key];
  }
  return cur;
}

export function str(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

export function int(value: unknown): number | null {
  if (typeof value === "number" && Number.isSafeInteger(value)) return value;
  if (typeof value === "string" && /^[0-9]{1,15}$/.test(value.trim())) return Number(value.trim());
  return null;
}

export interface PayloadUser {
  login: string;
  type: string;
}

export function user(value: unknown): PayloadUser | null {
  const login = str(get(value, "login"));
  if (!login) return null;
  return { login, type: str(get(value, "type")) ?? "User" };
}
