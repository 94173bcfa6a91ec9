/**
 * File I/O for commands: coded errors for missing or malformed inputs, checked all-or-nothing
 * writes for outputs, so a failure never leaves a half-written report behind.
 */
import { readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { CodexrelError, ErrorCodes } from "@codexrel/core";
import { type OutputFs, realOutputFs, writeChecked } from "./output/output-set.js";

export async function readText(path: string, what = "file"): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new CodexrelError(
      code === "ENOENT" ? ErrorCodes.INPUT_NOT_FOUND : ErrorCodes.INPUT_NOT_FOUND,
      `cannot read ${what} ${path}: ${code ?? String(cause)}`,
      { hint: `Check that ${path} exists and is readable.`, cause },
    );
  }
}

export async function readJson(path: string, what = "JSON file"): Promise<unknown> {
  const text = await readText(path, what);
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new CodexrelError(ErrorCodes.INPUT_NOT_JSON, `${path} is not valid JSON: ${(cause as Error).message}`, {
      hint: "Pass a JSON file written by codexrel (report.json).",
      cause,
    });
  }
}

/**
 * Writes loose output files (`classify --out/--summary`, `report render --out`): each to a temp
 * file beside it with every write checked and fsynced, and only when all of them were written are
 * they renamed into place; on any failure every temp file is removed and no target is touched.
 * Output folders use `writeOutputSet` (one swap for the whole set).
 */
export async function writeFilesAtomically(
  files: ReadonlyArray<{ path: string; content: string }>,
  fs: OutputFs = realOutputFs,
): Promise<void> {
  const temps: { temp: string; path: string }[] = [];
  try {
    for (const dir of new Set(files.map((f) => dirname(f.path)))) await fs.mkdir(dir, { recursive: true });
    for (const f of files) {
      const temp = join(dirname(f.path), `.${basename(f.path)}.tmp-${process.pid}-${temps.length}`);
      temps.push({ temp, path: f.path });
      await writeChecked(fs, temp, f.content);
    }
    for (const t of temps) await fs.rename(t.temp, t.path);
  } catch (cause) {
    for (const t of temps) await fs.rm(t.temp, { recursive: true, force: true }).catch(() => {});
    const code = (cause as NodeJS.ErrnoException).code;
    throw new CodexrelError(
      ErrorCodes.OUTPUT_WRITE,
      `cannot write output: ${(cause as Error).message}${code && !(cause as Error).message.includes(code) ? ` (${code})` : ""}`,
      {
        hint: "Check that the output folder is writable and the disk is not full; the previous files are unchanged.",
        cause,
      },
    );
  }
}
