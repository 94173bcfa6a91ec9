/**
 * File I/O for commands: coded errors for missing or malformed inputs, atomic writes for outputs
 * (temp file then rename), so a failure never leaves a half-written report behind.
 */
import { mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { CodexrelError, ErrorCodes } from "@codexrel/core";
import writeFileAtomic from "write-file-atomic";

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

/** Writes every file only after all contents are ready; each file is replaced atomically. */
export async function writeFilesAtomically(files: ReadonlyArray<{ path: string; content: string }>): Promise<void> {
  try {
    for (const dir of new Set(files.map((f) => dirname(f.path)))) await mkdir(dir, { recursive: true });
    for (const f of files) await writeFileAtomic(f.path, f.content, { encoding: "utf8" });
  } catch (cause) {
    throw new CodexrelError(ErrorCodes.OUTPUT_WRITE, `cannot write output: ${(cause as Error).message}`, {
      hint: "Check that the output folder is writable and the disk is not full.",
      cause,
    });
  }
}
