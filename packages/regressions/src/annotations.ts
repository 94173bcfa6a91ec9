/**
 * GitHub annotations for classified tests: the most important first (blocking, then new,
 * unknown-baseline, known, flaky), with file and line when the report named them, capped at
 * GitHub's 10 annotations per step for workflow commands. Pure: returns data and the command text.
 */
import type { ClassifiedTest, RegressionClass, Regressions } from "@codexrel/core";

export interface Annotation {
  level: "error" | "warning" | "notice";
  title: string;
  message: string;
  file?: string;
  line?: number;
}

/** GitHub shows at most 10 error/warning/notice annotations per step from workflow commands. */
export const ANNOTATIONS_PER_STEP = 10;

const ANNOTATED: Partial<Record<RegressionClass, number>> = {
  new: 0,
  "unknown-baseline": 1,
  known: 2,
  flaky: 3,
};

export function selectAnnotations(section: Regressions, max = ANNOTATIONS_PER_STEP): Annotation[] {
  const candidates = section.tests.filter((t) => ANNOTATED[t.class] !== undefined);
  candidates.sort(
    (a, b) =>
      Number(b.blocking === true) - Number(a.blocking === true) ||
      ANNOTATED[a.class]! - ANNOTATED[b.class]! ||
      Number(Boolean(b.file)) - Number(Boolean(a.file)) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return candidates.slice(0, Math.max(0, max)).map(toAnnotation);
}

function toAnnotation(t: ClassifiedTest): Annotation {
  const level: Annotation["level"] = t.blocking
    ? "error"
    : t.class === "new" || t.class === "unknown-baseline"
      ? "warning"
      : "notice";
  const scope = t.classname ?? t.suite;
  const label = scope ? `${scope} › ${t.name}` : t.name;
  const lines = t.firstLines && t.firstLines.length > 0 ? t.firstLines.slice(0, 10) : t.message ? [t.message] : [];
  const why = [t.evidence, t.knownReason ? `known: ${t.knownReason}` : undefined].filter(Boolean).join("; ");
  const out: Annotation = {
    level,
    title: `${t.class}: ${label}`.slice(0, 255),
    message: [why, ...lines].filter((l) => l !== "").join("\n") || t.class,
  };
  if (t.file) out.file = t.file;
  if (t.file && t.line) out.line = t.line;
  return out;
}

/** The `::error file=...,line=...,title=...::message` workflow command, escaped. */
export function formatAnnotationCommand(a: Annotation): string {
  const props = [
    a.file ? `file=${escapeProperty(a.file)}` : "",
    a.line ? `line=${a.line}` : "",
    `title=${escapeProperty(a.title)}`,
  ]
    .filter(Boolean)
    .join(",");
  return `::${a.level} ${props}::${escapeData(a.message)}`;
}

function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
