#!/usr/bin/env node
/**
 * `codexrel-testkit`: the testkit's fakes and workflow runner for people and external checks.
 *   fake-github --seed <state.json> [--port 0] [--dump-state <file>]
 *   run-workflow --repo owner/name --files <dir> --workflow <path> --event <name> [--payload <file>] ...
 */
import { runTestkitCli } from "./cli/program.js";

process.exitCode = await runTestkitCli(process.argv.slice(2));
