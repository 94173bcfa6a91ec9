/**
 * `@codexrel/playwright/reporter`: a Playwright reporter that writes a codexrel CUJ bundle when
 * the run ends. This is an edge (like the CLI): it reads the commit from the options, else from
 * GITHUB_SHA/GITHUB_REPOSITORY/GITHUB_REF_NAME, else from `git rev-parse HEAD` in the config's
 * folder. Everything else is done by the pure modules beside it.
 *
 *   reporter: [["list"], ["@codexrel/playwright/reporter", { outputDir: "cuj" }]]
 */
import { isAbsolute, resolve } from "node:path";
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from "@playwright/test/reporter";
import { type CommitIdentity, writeCujBundle } from "./bundle.js";
import { detectCommit } from "./commit.js";
import { DEFAULT_JOURNEY_TAG, draftJourneys, type FinishedTest } from "./journeys.js";

export interface CujReporterOptions {
  /** Bundle folder, relative to the config's folder (default `cuj`). Replaced whole at the end of the run. */
  outputDir?: string;
  title?: string;
  /** What was exercised (a URL, a build id). Default: the first project's `use.baseURL`, if any. */
  target?: string;
  /** The tag that groups the tests of a describe into one journey (default `@journey`). */
  journeyTag?: string;
  /** The commit the journeys ran at; `false` to leave it out. Default: from the environment or git. */
  commit?: CommitIdentity | false;
  /** Exact secret values to redact from messages and logs. */
  secrets?: string[];
}

export default class CujReporter implements Reporter {
  private readonly options: CujReporterOptions;
  private config: FullConfig | undefined;
  /** The final attempt of each test (a retry replaces the earlier attempt). */
  private readonly finished = new Map<TestCase, TestResult>();
  private readonly order: TestCase[] = [];

  constructor(options: CujReporterOptions = {}) {
    this.options = options;
  }

  printsToStdio(): boolean {
    return false;
  }

  onBegin(config: FullConfig, _suite: Suite): void {
    this.config = config;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    if (!this.finished.has(test)) this.order.push(test);
    this.finished.set(test, result);
  }

  async onEnd(_result: FullResult): Promise<void> {
    const configDir = this.config?.configFile ? resolve(this.config.configFile, "..") : process.cwd();
    const out = this.options.outputDir ?? "cuj";
    const outputDir = isAbsolute(out) ? out : resolve(configDir, out);
    const finished: FinishedTest[] = this.order.map((test) => ({
      test,
      result: this.finished.get(test) as TestResult,
    }));
    const drafts = draftJourneys(finished, this.options.journeyTag ?? DEFAULT_JOURNEY_TAG);
    const baseURL = this.config?.projects[0]?.use?.baseURL;
    const target = this.options.target ?? (typeof baseURL === "string" ? baseURL : undefined);
    const commit = this.options.commit === false ? null : (this.options.commit ?? detectCommit(configDir, process.env));
    const summary = await writeCujBundle(drafts, {
      outputDir,
      ...(this.options.title ? { title: this.options.title } : {}),
      ...(target ? { target } : {}),
      commit,
      ...(this.options.secrets ? { secrets: this.options.secrets } : {}),
    });
    const failed = summary.journeys.filter((j) => j.status === "fail").length;
    process.stderr.write(
      `codexrel: wrote CUJ bundle ${outputDir} (${summary.journeys.length} journey(s), ${failed} failed${commit ? `, commit ${commit.sha.slice(0, 12)}` : ""})\n`,
    );
  }
}
