/** Every command registers itself here: one line per command file. */
import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { register as checks } from "./checks.js";
import { register as classify } from "./classify.js";
import { register as intake } from "./intake.js";
import { register as iterations } from "./iterations.js";
import { register as preflight } from "./preflight.js";
import { register as progress } from "./progress.js";
import { register as publish } from "./publish.js";
import { register as releaseMonitor } from "./release-monitor.js";
import { register as report } from "./report.js";
import { register as route } from "./route.js";
import { register as run } from "./run.js";
import { register as session } from "./session.js";
import { register as stream } from "./stream.js";
import { register as thread } from "./thread.js";

export const commands: ReadonlyArray<(program: Command, ctx: CliContext) => void> = [
  report,
  checks,
  run,
  classify,
  preflight,
  publish,
  route,
  thread,
  progress,
  releaseMonitor,
  session,
  stream,
  intake,
  iterations,
];
