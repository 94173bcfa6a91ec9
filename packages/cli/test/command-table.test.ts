/**
 * The executable loads only the command argv reaches (command-table.ts). These check that the
 * table says what the commands say, and that argv picks the command commander will run.
 */
import { buildProgram, type CliContext } from "@codexrel/cli";
import { describe, expect, test } from "vitest";
import { commandsToLoad, commandTable } from "../src/command-table.js";
import { lazyProgram } from "../src/run-cli.js";

function ctx(): CliContext {
  return { env: {}, cwd: "/", stdout: { write() {} }, stderr: { write() {} }, version: "0.0.0-test", exitCode: 0 };
}

const names = (argv: string[]) => {
  const wanted = commandsToLoad(argv);
  return wanted === "all" ? "all" : wanted.map((c) => c.name);
};

describe("the command table", () => {
  test("the root help from the table is the fully loaded program's, line for line", async () => {
    const lazy = await lazyProgram([], ctx());
    expect(lazy.helpInformation()).toBe(buildProgram(ctx()).helpInformation());
    // The same check catches a table line that drifts from its command.
    const drifted = commandTable.map((c) => (c.name === "run" ? { ...c, usage: "" } : c));
    expect((await lazyProgram([], ctx(), drifted)).helpInformation()).not.toBe(lazy.helpInformation());
    expect(commandTable.map((c) => c.name)).toEqual(buildProgram(ctx()).commands.map((c) => c.name()));
  });

  test("each command's help is the same loaded lazily as loaded with all the others", async () => {
    const full = buildProgram(ctx());
    for (const entry of commandTable) {
      const lazy = await lazyProgram([entry.name], ctx());
      const one = lazy.commands.find((c) => c.name() === entry.name);
      const all = full.commands.find((c) => c.name() === entry.name);
      expect(one?.helpInformation(), entry.name).toBe(all?.helpInformation());
    }
  });

  test("argv loads the command commander runs, and nothing for --version and --help", async () => {
    expect(names([])).toEqual([]);
    expect(names(["--version"])).toEqual([]);
    expect(names(["-V"])).toEqual([]);
    expect(names(["--help"])).toEqual([]);
    expect(names(["help"])).toEqual([]);
    expect(names(["no-such-command"])).toEqual([]);
    expect(names(["run", "--config", "x.yml"])).toEqual(["run"]);
    expect(names(["--secret-env", "run", "report"])).toEqual(["report"]); // `run` is the flag's value
    expect(names(["--secret-env=A", "-h", "session", "restore"])).toEqual(["session"]);
    expect(names(["help", "release-monitor"])).toEqual(["release-monitor"]);
    expect(names(["--unknown", "run"])).toBe("all"); // commander decides, with everything loaded
    const lazy = await lazyProgram(["--version"], ctx());
    // Stubs: only the name and the description, no options or sub-commands of their own.
    expect(lazy.commands.every((c) => c.options.length === 0 && c.commands.length === 0)).toBe(true);
    const withReport = await lazyProgram(["report", "validate"], ctx());
    expect(withReport.commands.find((c) => c.name() === "report")?.commands.map((c) => c.name())).toEqual([
      "validate",
      "render",
    ]);
  });
});

test("a command that was not loaded refuses to run instead of doing nothing", async () => {
  // Parsing `iterations` with a program built for `--version` reaches its stub.
  const program = await lazyProgram(["--version"], ctx());
  await expect(program.parseAsync(["iterations"], { from: "user" })).rejects.toThrow(/was not loaded/);
});
