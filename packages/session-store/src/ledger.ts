/**
 * The fix loop's iteration ledger (`codexrel run --ledger`, default `.codexrel/iterations.json`)
 * lives in the checkout while a run works, but must outlive the run: it travels in the thread's
 * CODEX_HOME (under `codexrel/ledger/`), which the session bundle saves and restores. These two
 * copies are the whole mechanism; the actions only resolve paths and report.
 */
import { copyFile, lstat, mkdir, rename } from "node:fs/promises";
import { dirname, join } from "node:path";

/** Where the ledger is kept inside CODEX_HOME (saved and restored with the session bundle). */
export const LEDGER_IN_CODEX_HOME = "codexrel/ledger/iterations.json";
/** The checkout path `codexrel run` reads and writes by default. */
export const DEFAULT_LEDGER_PATH = ".codexrel/iterations.json";

export interface LedgerCopyOptions {
  codexHome: string;
  /** Absolute path of the ledger in the checkout. */
  ledgerPath: string;
}

export interface LedgerCopyResult {
  copied: boolean;
  /** Why nothing was copied, or why the copy was refused (a warning for the caller to show). */
  note?: string;
  warning?: string;
}

/** A regular file (not a link: a link could carry another file into the cache or over one). */
async function kind(path: string): Promise<"file" | "absent" | "other"> {
  try {
    const s = await lstat(path);
    return s.isFile() ? "file" : "other";
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "absent";
    throw error;
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Copy by writing a temporary sibling and renaming it, so a reader never sees half a ledger. */
async function copyInto(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  const tmp = `${to}.codexrel-tmp-${process.pid}`;
  await copyFile(from, tmp);
  await rename(tmp, to);
}

/** After the session restore: the thread's saved ledger into the checkout (absent = first run). */
export async function restoreLedger(options: LedgerCopyOptions): Promise<LedgerCopyResult> {
  const saved = join(options.codexHome, LEDGER_IN_CODEX_HOME);
  const from = await kind(saved);
  if (from === "absent")
    return { copied: false, note: "no ledger saved for the thread: the loop starts at iteration 1" };
  if (from === "other")
    return { copied: false, warning: `${LEDGER_IN_CODEX_HOME} in CODEX_HOME is not a regular file: not restored` };
  if ((await kind(options.ledgerPath)) === "other") {
    return {
      copied: false,
      warning: `${options.ledgerPath} is not a regular file: the ledger was not restored over it`,
    };
  }
  await copyInto(saved, options.ledgerPath);
  return { copied: true };
}

/**
 * Before packing: the checkout's ledger into CODEX_HOME. When the run wrote none, whatever was
 * restored stays in CODEX_HOME, so one run that skipped the loop does not lose the history.
 */
export async function stashLedger(options: LedgerCopyOptions): Promise<LedgerCopyResult> {
  // Never create CODEX_HOME here: a missing one is the packer's error to report, not ours to hide.
  if (!options.codexHome || !(await isDirectory(options.codexHome))) {
    return { copied: false, note: "no CODEX_HOME to keep the ledger in" };
  }
  const from = await kind(options.ledgerPath);
  if (from === "absent")
    return { copied: false, note: `no ledger at ${options.ledgerPath}: the saved one (if any) is kept` };
  if (from === "other")
    return { copied: false, warning: `${options.ledgerPath} is not a regular file: the ledger was not saved` };
  const to = join(options.codexHome, LEDGER_IN_CODEX_HOME);
  if ((await kind(to)) === "other")
    return { copied: false, warning: `${LEDGER_IN_CODEX_HOME} in CODEX_HOME is not a regular file: not overwritten` };
  await copyInto(options.ledgerPath, to);
  return { copied: true };
}
