/**
 * `pnpm bench:classify`: our streaming parse + classify against (a) a raw streaming scan of the
 * same bytes with saxes alone and (b) whole-tree parses the way peer reporters do it: xml2js over
 * the whole file read into a string (what dorny/test-reporter does) and fast-xml-parser, the
 * fastest whole-tree parser on npm. Each measurement runs in its own child process so its peak RSS
 * is its own; each is repeated and the median wall time is used.
 *
 * Targets (issue 3): ours <= 1.5x the raw scan, >= 3x faster than the whole-tree parse, peak RSS
 * <= 2x the larger input file. The tree target is reported against each tree parser.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { classifyReports, decode, fileSource } from "@codexrel/regressions";
import { XMLParser } from "fast-xml-parser";
import { SaxesParser } from "saxes";
import { parseStringPromise } from "xml2js";
import { generateJest, generateSurefire } from "./generate.js";

type Mode = "ours" | "raw" | "tree" | "xml2js" | "idle";
interface Sample {
  mode: Mode;
  ms: number;
  /** CPU time (user + system, all threads incl. GC helpers): less sensitive to other load on the machine. */
  cpuMs: number;
  maxRssBytes: number;
  tests: number;
}

// Bundled to out/classify.mjs: data lives beside it.
const here = fileURLToPath(new URL("..", import.meta.url));

async function child(mode: Mode, files: string[]): Promise<void> {
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  let tests = 0;
  if (mode === "ours") {
    const [base, candidate] = files as [string, string];
    const result = await classifyReports({ base: [base], candidate: [candidate] });
    // Passing tests are counted, not listed.
    tests = Object.values(result.section.counts).reduce((a, b) => a + b, 0);
  } else if (mode === "raw") {
    for (const file of files) {
      const parser = new SaxesParser({ xmlns: false, position: true });
      parser.on("opentag", (tag) => {
        if (tag.name === "testcase") tests += 1;
      });
      // The same reader and decoder as ours: only what happens to the parser's events differs.
      for await (const text of decode(fileSource(file).chunks())) parser.write(text);
      parser.close();
    }
  } else if (mode === "tree") {
    for (const file of files) {
      const parser = new XMLParser({
        ignoreAttributes: false,
        attributeNamePrefix: "@_",
        isArray: (name) => name === "testcase" || name === "testsuite",
      });
      const doc = parser.parse(readFileSync(file, "utf8")) as { testsuites: { testsuite: { testcase?: unknown[] }[] } };
      for (const suite of doc.testsuites.testsuite) tests += suite.testcase?.length ?? 0;
    }
  } else if (mode === "xml2js") {
    for (const file of files) {
      // dorny/test-reporter's java-junit parser: parseStringPromise(content) over the whole file.
      const doc = (await parseStringPromise(readFileSync(file, "utf8"))) as {
        testsuites: { testsuite: { testcase?: unknown[] }[] };
      };
      for (const suite of doc.testsuites.testsuite) tests += suite.testcase?.length ?? 0;
    }
  }
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  const sample: Sample = {
    mode,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    tests,
  };
  process.stdout.write(`${JSON.stringify(sample)}\n`);
}

function measure(mode: Mode, files: string[]): Sample {
  const r = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), "--child", mode, ...files],
    {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    },
  );
  if (r.status !== 0) throw new Error(`${mode} failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as Sample;
}

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const out = join(here, "out");
  mkdirSync(out, { recursive: true });
  const base = join(out, "surefire-like.xml");
  const candidate = join(out, "jest-like.xml");
  if (!existsSync(base) || process.argv.includes("--regenerate")) await generateSurefire(base);
  if (!existsSync(candidate) || process.argv.includes("--regenerate")) await generateJest(candidate);
  const sizes = [statSync(base).size, statSync(candidate).size];
  const larger = Math.max(...sizes);
  console.log(
    `inputs: surefire-like ${mb(sizes[0]!)}, jest-like ${mb(sizes[1]!)} (100,000 testcases each, plus retries)`,
  );

  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const results: Record<Mode, Sample[]> = { ours: [], raw: [], tree: [], xml2js: [], idle: [] };
  // Interleave modes so drift (thermal, other load) hits all of them alike.
  for (let i = 0; i < runs; i += 1) {
    for (const mode of ["raw", "ours", "tree", "xml2js", "idle"] as const) {
      results[mode].push(measure(mode, [base, candidate]));
    }
  }
  const ms = (m: Mode) => median(results[m].map((s) => s.ms));
  const cpuMs = (m: Mode) => median(results[m].map((s) => s.cpuMs));
  const rss = (m: Mode) => Math.max(...results[m].map((s) => s.maxRssBytes));
  const ours = ms("ours");
  const raw = ms("raw");
  const tree = ms("tree");
  const xml2js = ms("xml2js");
  const idle = rss("idle");
  console.log(`runs per mode: ${runs} (median wall time; peak RSS = max over runs, from getrusage in each child)`);
  console.log("");
  console.log("| measurement | wall time | CPU time | peak RSS | RSS above idle node |");
  console.log("|---|--:|--:|--:|--:|");
  const row = (label: string, m: Mode) =>
    console.log(
      `| ${label} | ${ms(m).toFixed(0)} ms | ${cpuMs(m).toFixed(0)} ms | ${mb(rss(m))} | ${mb(rss(m) - idle)} |`,
    );
  row("ours: stream-parse both files + classify (regressions section)", "ours");
  row("raw saxes scan of the same bytes (count testcases only)", "raw");
  row("whole-tree parse (xml2js, file read whole: dorny/test-reporter's way)", "xml2js");
  row("whole-tree parse (fast-xml-parser, file read whole)", "tree");
  console.log(`| idle node process (reference) | – | – | ${mb(idle)} | – |`);
  console.log("");
  const r1 = ours / raw;
  const r2 = tree / ours;
  const r2x = xml2js / ours;
  const r3 = rss("ours") / larger;
  const verdict = (ok: boolean) => (ok ? "meets" : "MISSES");
  const c1 = cpuMs("ours") / cpuMs("raw");
  const c2 = cpuMs("tree") / cpuMs("ours");
  const c2x = cpuMs("xml2js") / cpuMs("ours");
  console.log(
    `ours / raw scan        = ${r1.toFixed(2)}x wall, ${c1.toFixed(2)}x CPU   (target <= 1.5x: ${verdict(r1 <= 1.5)} wall, ${verdict(c1 <= 1.5)} CPU)`,
  );
  console.log(
    `xml2js tree / ours     = ${r2x.toFixed(2)}x wall, ${c2x.toFixed(2)}x CPU   (target >= 3x: ${verdict(r2x >= 3)} wall, ${verdict(c2x >= 3)} CPU)`,
  );
  console.log(
    `fast-xml-parser / ours = ${r2.toFixed(2)}x wall, ${c2.toFixed(2)}x CPU   (target >= 3x: ${verdict(r2 >= 3)} wall, ${verdict(c2 >= 3)} CPU)`,
  );
  console.log(
    `load average during the run: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} on ${availableParallelism()} cores`,
  );
  console.log(
    `ours peak RSS / larger file = ${r3.toFixed(2)}x   (target <= 2x: ${verdict(r3 <= 2)}; ${mb(rss("ours"))} vs ${mb(larger)})`,
  );
  console.log(
    `tests classified: ${results.ours[0]!.tests}; testcases scanned raw: ${results.raw[0]!.tests}; fast-xml-parser: ${results.tree[0]!.tests}; xml2js: ${results.xml2js[0]!.tests}`,
  );
}

const childAt = process.argv.indexOf("--child");
if (childAt >= 0) {
  await child(process.argv[childAt + 1] as Mode, process.argv.slice(childAt + 2));
} else {
  await main();
}
