/** How the official actions read their inputs: a multi-line list (blank lines dropped) and a boolean. */

export const lines = (s: string | undefined) =>
  (s ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");

export const bool = (s: string | undefined) => (s ?? "").trim().toLowerCase() === "true";
