/**
 * The last step of a restore: the verified staging tree is moved into CODEX_HOME so that a failure
 * half-way leaves CODEX_HOME as it was.
 */
import { chmod, lstat, mkdir, readdir, rename } from "node:fs/promises";
import { join } from "node:path";
import { SessionErrorCodes, sessionError } from "./errors.js";

/**
 * Moves the staged tree into the target. A missing target is one rename. An existing one is merged:
 * new top-level entries are renamed in whole, existing directories recursed, and every replaced
 * entry is first moved aside, so a failure half-way is rolled back.
 */
export async function commitRestore(
  stagedHome: string,
  target: string,
  backupRoot: string,
  move1: (from: string, to: string) => Promise<void>,
): Promise<void> {
  const existing = await lstat(target).catch(() => undefined);
  if (!existing) {
    await rename(stagedHome, target);
    await chmod(target, 0o700);
    return;
  }
  if (!existing.isDirectory()) {
    throw sessionError(
      SessionErrorCodes.SESSION_RESTORE_FAILED,
      `CODEX_HOME ${target} exists and is not a directory`,
      "Point --codex-home at a directory (or a path that does not exist yet).",
    );
  }
  const journal: { from: string; to: string }[] = [];
  const move = async (from: string, to: string) => {
    await move1(from, to);
    journal.push({ from, to });
  };
  let backups = 0;
  const merge = async (src: string, dst: string): Promise<void> => {
    for (const entry of await readdir(src, { withFileTypes: true })) {
      const s = join(src, entry.name);
      const d = join(dst, entry.name);
      const current = await lstat(d).catch(() => undefined);
      if (!current) {
        await move(s, d);
      } else if (entry.isDirectory() && current.isDirectory()) {
        await merge(s, d);
      } else {
        if (backups === 0) await mkdir(backupRoot, { recursive: true });
        await move(d, join(backupRoot, String(backups++)));
        await move(s, d);
      }
    }
  };
  try {
    await merge(stagedHome, target);
  } catch (error) {
    for (const { from, to } of journal.reverse()) await rename(to, from).catch(() => {});
    throw sessionError(
      SessionErrorCodes.SESSION_RESTORE_FAILED,
      `could not move the restored files into ${target}; the previous contents were put back`,
      "Check permissions of CODEX_HOME.",
      { cause: error },
    );
  }
}
