import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  DEFAULT_LEDGER_PATH,
  LEDGER_IN_CODEX_HOME,
  packCodexHome,
  restoreBundle,
  restoreLedger,
  stashLedger,
} from "@codexrel/session-store";
import { describe, expect, test } from "vitest";
import { fakeCodexHome, tempDir } from "./helpers.js";

const LEDGER_1 = `${JSON.stringify({ schemaVersion: "1", iterations: [{ n: 1, failingTests: ["a"] }] })}\n`;

describe("iteration ledger in the thread's CODEX_HOME", () => {
  test("a second run (new checkout, new CODEX_HOME, only the bundle shared) sees the first run's ledger", async () => {
    const dir = await tempDir();
    const home1 = join(dir, "home1");
    await fakeCodexHome(home1);
    const checkout1 = join(dir, "checkout1");
    // Run 1: nothing saved yet, so nothing restored; the run writes the ledger; save stashes it.
    expect(await restoreLedger({ codexHome: home1, ledgerPath: join(checkout1, DEFAULT_LEDGER_PATH) })).toMatchObject({
      copied: false,
    });
    await mkdir(join(checkout1, ".codexrel"), { recursive: true });
    await writeFile(join(checkout1, DEFAULT_LEDGER_PATH), LEDGER_1);
    expect(await stashLedger({ codexHome: home1, ledgerPath: join(checkout1, DEFAULT_LEDGER_PATH) })).toEqual({
      copied: true,
    });
    const bundle = join(dir, "session.bundle");
    const { manifest } = await packCodexHome({ codexHome: home1, out: bundle, threadKey: "octo/hello/issue-1" });
    expect(manifest.files.map((f) => f.path)).toContain(LEDGER_IN_CODEX_HOME);

    // Run 2: restore the bundle into a fresh CODEX_HOME, then the ledger into a fresh checkout.
    const home2 = join(dir, "home2");
    await restoreBundle({ bundle, codexHome: home2 });
    const checkout2 = join(dir, "checkout2");
    expect(await restoreLedger({ codexHome: home2, ledgerPath: join(checkout2, DEFAULT_LEDGER_PATH) })).toEqual({
      copied: true,
    });
    expect(await readFile(join(checkout2, DEFAULT_LEDGER_PATH), "utf8")).toBe(LEDGER_1);
  });

  test("a run that wrote no ledger keeps the restored one for the next run", async () => {
    const dir = await tempDir();
    const home = join(dir, "home");
    await mkdir(join(home, "codexrel/ledger"), { recursive: true });
    await writeFile(join(home, LEDGER_IN_CODEX_HOME), LEDGER_1);
    const result = await stashLedger({ codexHome: home, ledgerPath: join(dir, "checkout", DEFAULT_LEDGER_PATH) });
    expect(result.copied).toBe(false);
    expect(await readFile(join(home, LEDGER_IN_CODEX_HOME), "utf8")).toBe(LEDGER_1);
  });

  test("a ledger that is a symlink is neither saved nor written through", async () => {
    const dir = await tempDir();
    const home = join(dir, "home");
    await mkdir(join(home, "codexrel/ledger"), { recursive: true });
    await writeFile(join(dir, "secret.txt"), "not a ledger");
    await mkdir(join(dir, "checkout/.codexrel"), { recursive: true });
    const ledgerPath = join(dir, "checkout", DEFAULT_LEDGER_PATH);
    await symlink(join(dir, "secret.txt"), ledgerPath);
    const saved = await stashLedger({ codexHome: home, ledgerPath });
    expect(saved.copied).toBe(false);
    expect(saved.warning).toMatch(/not a regular file/);
    await writeFile(join(home, LEDGER_IN_CODEX_HOME), LEDGER_1);
    const restored = await restoreLedger({ codexHome: home, ledgerPath });
    expect(restored.copied).toBe(false);
    expect(await readFile(join(dir, "secret.txt"), "utf8")).toBe("not a ledger");
  });
});
