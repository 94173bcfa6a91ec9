/**
 * From Playwright's reporter objects to CUJ journeys: which tests make one journey, and what each
 * journey keeps (status, assertion log from `expect` steps, step log, screenshots, video, error).
 * Pure: it reads the reporter's objects and returns plain data; files are copied by bundle.ts.
 */
import type { Assertion } from "@codexrel/core";
import type { TestCase, TestResult, TestStep } from "@playwright/test/reporter";

/** The tag that makes a test (or, through its innermost describe, a group of tests) a journey. */
export const DEFAULT_JOURNEY_TAG = "@journey";

export interface JourneyAttachment {
  name: string;
  contentType: string;
  path?: string;
  body?: Buffer;
}

/** One journey before its files are copied into the bundle. */
export interface JourneyDraft {
  id: string;
  title: string;
  status: "pass" | "fail" | "skip";
  durationMs: number;
  assertions: Assertion[];
  logLines: string[];
  screenshots: JourneyAttachment[];
  video: JourneyAttachment | null;
}

export interface FinishedTest {
  test: TestCase;
  result: TestResult;
}

// ANSI colour codes in Playwright's messages.
const ANSI = /\u001b\[[0-9;]*m/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}

/** A journey id the CUJ schema accepts (`^[a-z0-9][a-z0-9-]*$`). */
export function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/@[\w-]+/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return slug || "journey";
}

function withoutTags(title: string): string {
  return title.replace(/\s*@[\w-]+/g, "").trim() || title;
}

/**
 * The journey a test belongs to: a test tagged with `tag` (on itself or through a describe) joins
 * the journey of its innermost describe; any other test is a journey of its own. An annotation
 * `{ type: "cuj", description: "<id>" }` names the journey explicitly.
 */
export function journeyKey(test: TestCase, tag: string): { key: string; title: string; explicitId?: string } {
  const named = test.annotations.find((a) => a.type === "cuj" && a.description)?.description;
  const tagged = test.tags.includes(tag);
  const parent = test.parent;
  if (tagged && parent && parent.type === "describe") {
    const path = parent.titlePath().filter(Boolean).join(" › ");
    return { key: `describe:${path}`, title: withoutTags(parent.title), ...(named ? { explicitId: named } : {}) };
  }
  return {
    key: `test:${test.titlePath().join(" › ")}`,
    title: withoutTags(test.title),
    ...(named ? { explicitId: named } : {}),
  };
}

/** Steps in order; hooks and fixtures are Playwright's plumbing, not the journey: left out unless they failed. */
function flattenSteps(steps: TestStep[], depth = 0, out: { step: TestStep; depth: number }[] = []) {
  for (const step of steps) {
    if ((step.category === "hook" || step.category === "fixture") && !step.error) continue;
    out.push({ step, depth });
    flattenSteps(step.steps, depth + 1, out);
  }
  return out;
}

function param(step: TestStep, name: string): unknown {
  return (step.params as Record<string, unknown> | undefined)?.[name];
}

function describeParams(step: TestStep): string {
  const parts: string[] = [];
  for (const name of ["locator", "url", "expected"]) {
    const v = param(step, name);
    if (v !== undefined) parts.push(`${name}=${typeof v === "string" ? v : JSON.stringify(v)}`);
  }
  return parts.length ? ` {${parts.join(", ")}}` : "";
}

/** Playwright's matcher name in an expect step's title, e.g. `Expect "toHaveText"` -> toHaveText. */
function matcherOf(title: string): string | null {
  return /\b(to[A-Z]\w*)/.exec(title)?.[1] ?? null;
}

const MATCHER_KINDS: Record<string, Assertion["kind"]> = {
  toHaveText: "text-visible",
  toContainText: "text-visible",
  toBeVisible: "element-visible",
  toBeAttached: "element-visible",
  toHaveURL: "url-matches",
  toHaveScreenshot: "screenshot-diff",
  toMatchSnapshot: "screenshot-diff",
  toBeOK: "status-code",
};

function firstLine(text: string): string {
  return (
    stripAnsi(text)
      .split("\n")
      .find((l) => l.trim() !== "") ?? ""
  ).trim();
}

function errorText(error: { message?: string; value?: string } | undefined): string {
  return stripAnsi(error?.message ?? error?.value ?? "failed").trim();
}

const STATUS: Record<TestResult["status"], JourneyDraft["status"]> = {
  passed: "pass",
  failed: "fail",
  timedOut: "fail",
  interrupted: "fail",
  skipped: "skip",
};

/** The assertion log and step log of one test's final attempt. */
export function describeResult(
  test: TestCase,
  result: TestResult,
  prefix: string,
): { assertions: Assertion[]; logLines: string[] } {
  const assertions: Assertion[] = [];
  const logLines: string[] = [`test ${JSON.stringify(test.title)} (attempt ${result.retry + 1})`];
  const start = result.startTime.getTime();
  let n = 0;
  for (const { step, depth } of flattenSteps(result.steps)) {
    const at = Math.max(0, step.startTime.getTime() - start);
    const mark = step.error ? "FAIL" : "ok";
    logLines.push(
      `${"  ".repeat(depth)}+${at}ms [${step.category}] ${stripAnsi(step.title)}${describeParams(step)} (${Math.round(step.duration)}ms) ${mark}`,
    );
    if (step.error) logLines.push(`${"  ".repeat(depth + 1)}${firstLine(errorText(step.error))}`);
    if (step.category !== "expect") continue;
    n += 1;
    const matcher = matcherOf(step.title);
    const locator = param(step, "locator");
    const expected = param(step, "expected");
    const assertion: Assertion = {
      id: `${prefix}${n}-${slugify(matcher ?? step.title)}`,
      description: `${typeof locator === "string" ? `${locator} ` : ""}${stripAnsi(step.title)}${expected !== undefined ? ` ${JSON.stringify(expected)}` : ""}`,
      status: step.error ? "fail" : "pass",
      kind: (matcher && MATCHER_KINDS[matcher]) || "custom",
      ...(typeof locator === "string" ? { selector: locator } : {}),
      ...(expected !== undefined ? { expected } : {}),
    };
    if (step.error) assertion.message = errorText(step.error);
    assertions.push(assertion);
  }
  // A failure outside any expect step (a timeout, a thrown error) is still the journey's error.
  if (STATUS[result.status] === "fail" && !assertions.some((a) => a.status === "fail")) {
    const message = result.errors.length
      ? result.errors.map((e) => errorText(e)).join("\n")
      : `test ${result.status} after ${Math.round(result.duration)}ms`;
    assertions.push({ id: `${prefix}error`, description: "The test ran to the end", status: "fail", message });
  }
  for (const e of result.errors) {
    logLines.push(`error: ${firstLine(errorText(e))}`);
  }
  logLines.push(`result ${result.status} in ${Math.round(result.duration)}ms`);
  return { assertions, logLines };
}

/** Groups finished tests into journeys (first-seen order) and drafts each. */
export function draftJourneys(finished: FinishedTest[], tag: string = DEFAULT_JOURNEY_TAG): JourneyDraft[] {
  const groups = new Map<string, { title: string; explicitId?: string; tests: FinishedTest[] }>();
  for (const f of finished) {
    const k = journeyKey(f.test, tag);
    const g = groups.get(k.key) ?? { title: k.title, tests: [], ...(k.explicitId ? { explicitId: k.explicitId } : {}) };
    if (k.explicitId && !g.explicitId) g.explicitId = k.explicitId;
    g.tests.push(f);
    groups.set(k.key, g);
  }
  const used = new Set<string>();
  const drafts: JourneyDraft[] = [];
  for (const g of groups.values()) {
    let id = slugify(g.explicitId ?? g.title);
    for (let i = 2; used.has(id); i++) id = `${slugify(g.explicitId ?? g.title)}-${i}`;
    used.add(id);
    const several = g.tests.length > 1;
    const assertions: Assertion[] = [];
    const logLines: string[] = [];
    const screenshots: JourneyAttachment[] = [];
    const videos: { attachment: JourneyAttachment; failed: boolean }[] = [];
    let durationMs = 0;
    const statuses: JourneyDraft["status"][] = [];
    g.tests.forEach(({ test, result }, index) => {
      const d = describeResult(test, result, several ? `t${index + 1}-` : "");
      assertions.push(...d.assertions);
      logLines.push(...d.logLines);
      durationMs += result.duration;
      const status = STATUS[result.status];
      statuses.push(status);
      for (const a of result.attachments) {
        if (a.contentType === "image/png" && (a.path || a.body)) screenshots.push(a);
        else if (a.contentType === "video/webm" && a.path) videos.push({ attachment: a, failed: status === "fail" });
      }
    });
    const status: JourneyDraft["status"] = statuses.includes("fail")
      ? "fail"
      : statuses.every((s) => s === "skip")
        ? "skip"
        : "pass";
    // One video per journey in the CUJ schema: the failing test's when there is one, else the first.
    const video = (videos.find((v) => v.failed) ?? videos[0])?.attachment ?? null;
    if (videos.length > 1) logLines.push(`(${videos.length - 1} more video(s) recorded; the bundle keeps one)`);
    drafts.push({
      id,
      title: g.title,
      status,
      durationMs: Math.round(durationMs),
      assertions,
      logLines,
      screenshots,
      video,
    });
  }
  return drafts;
}
