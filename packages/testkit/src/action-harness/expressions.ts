/**
 * `${{ }}` evaluation with GitHub's own evaluator (`@actions/expressions`), over the contexts a
 * runner gives a composite action's steps, plus the status functions and `hashFiles()`.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { data, Evaluator, Lexer, Parser } from "@actions/expressions";
import {
  Binary,
  ContextAccess,
  type Expr,
  FunctionCall,
  Grouping,
  IndexAccess,
  Literal,
  Logical,
  Unary,
} from "@actions/expressions/ast";
import type { FunctionDefinition } from "@actions/expressions/funcs/info";
import {
  BasicExpressionToken,
  BooleanToken,
  NullToken,
  NumberToken,
  type ScalarToken,
  StringToken,
} from "@actions/workflow-parser/templates/tokens/index";
import { globSync } from "tinyglobby";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Plain contexts (JSON-like values) an expression may read. */
export type Contexts = Record<string, JsonValue>;

export interface JobStatus {
  failed: boolean;
  cancelled: boolean;
}

export interface EvalEnvironment {
  contexts: Contexts;
  status: JobStatus;
  /** GITHUB_WORKSPACE, for hashFiles(). */
  workspace: string;
}

/** An expression failed to parse or evaluate; the runner fails the step with this message. */
export class ExpressionFailure extends Error {}

const STATUS_FUNCTIONS = ["success", "failure", "always", "cancelled"] as const;

export function toData(value: JsonValue | undefined): data.ExpressionData {
  if (value === undefined || value === null) return new data.Null();
  return JSON.parse(JSON.stringify(value), data.reviver) as data.ExpressionData;
}

function functionsFor(env: EvalEnvironment): Map<string, FunctionDefinition> {
  const fns = new Map<string, FunctionDefinition>();
  const status: Record<(typeof STATUS_FUNCTIONS)[number], () => boolean> = {
    success: () => !env.status.failed && !env.status.cancelled,
    failure: () => env.status.failed,
    always: () => true,
    cancelled: () => env.status.cancelled,
  };
  for (const name of STATUS_FUNCTIONS) {
    fns.set(name, { name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(status[name]()) });
  }
  fns.set("hashfiles", {
    name: "hashFiles",
    minArgs: 1,
    maxArgs: 255,
    call: (...args) =>
      new data.StringData(
        hashFiles(
          env.workspace,
          args.map((a) => a.coerceString()),
        ),
      ),
  });
  return fns;
}

/** The runner's hashFiles(): sha256 over the sha256 of each matching file inside the workspace; '' when none match. */
export function hashFiles(workspace: string, patterns: string[]): string {
  const rel = (p: string) => (isAbsolute(p) ? relative(workspace, p) : p);
  const include = patterns.filter((p) => !p.startsWith("!")).map(rel);
  const exclude = patterns.filter((p) => p.startsWith("!")).map((p) => rel(p.slice(1)));
  const files = globSync(include, { cwd: workspace, ignore: exclude, dot: true, absolute: true, onlyFiles: true })
    .map((f) => resolve(f))
    .filter((f) => f.startsWith(workspace + sep))
    .sort();
  if (files.length === 0) return "";
  const result = createHash("sha256");
  for (const file of files) {
    if (statSync(file).isDirectory()) continue;
    result.update(createHash("sha256").update(readFileSync(file)).digest());
  }
  return result.digest("hex");
}

export function parseExpression(expression: string, contextNames: string[]): Expr {
  const lexed = new Lexer(expression).lex();
  const parser = new Parser(lexed.tokens, contextNames, [
    ...STATUS_FUNCTIONS.map((name) => ({ name, minArgs: 0, maxArgs: 0 })),
    { name: "hashFiles", minArgs: 1, maxArgs: 255 },
  ]);
  return parser.parse();
}

export function evaluateExpression(expression: string, env: EvalEnvironment): data.ExpressionData {
  let expr: Expr;
  try {
    expr = parseExpression(expression, Object.keys(env.contexts));
  } catch (err) {
    throw new ExpressionFailure(`The expression is not valid: ${expression}: ${(err as Error).message}`);
  }
  const dict = new data.Dictionary(
    ...Object.entries(env.contexts).map(([key, value]) => ({ key, value: toData(value) })),
  );
  try {
    return new Evaluator(expr, dict, functionsFor(env)).evaluate();
  } catch (err) {
    throw new ExpressionFailure(`Evaluating ${expression} failed: ${(err as Error).message}`);
  }
}

export function truthy(value: data.ExpressionData): boolean {
  switch (value.kind) {
    case data.Kind.Null:
      return false;
    case data.Kind.Boolean:
      return (value as data.BooleanData).value;
    case data.Kind.Number: {
      const n = (value as data.NumberData).value;
      return n !== 0 && !Number.isNaN(n);
    }
    case data.Kind.String:
      return (value as data.StringData).value.length > 0;
    default:
      return true;
  }
}

/** A string-typed field (env value, `with:` value, `run`, `shell`, output value...) as the runner renders it. */
export function evaluateToString(token: ScalarToken | undefined, env: EvalEnvironment, what: string): string {
  if (token === undefined || token instanceof NullToken) return "";
  if (token instanceof StringToken) return token.value;
  if (token instanceof BooleanToken) return String(token.value);
  if (token instanceof NumberToken) return String(token.value);
  if (token instanceof BasicExpressionToken) {
    const value = evaluateExpression(token.expression, env);
    if (value.kind === data.Kind.Dictionary || value.kind === data.Kind.Array) {
      throw new ExpressionFailure(
        `${what}: a ${value.kind === data.Kind.Array ? "sequence" : "mapping"} was not expected`,
      );
    }
    return value.kind === data.Kind.Null ? "" : value.coerceString();
  }
  throw new ExpressionFailure(`${what}: unexpected value ${token.toString()}`);
}

export function evaluateToBoolean(token: ScalarToken | boolean | undefined, env: EvalEnvironment): boolean {
  if (token === undefined) return false;
  if (typeof token === "boolean") return token;
  if (token instanceof BooleanToken) return token.value;
  if (token instanceof BasicExpressionToken) return truthy(evaluateExpression(token.expression, env));
  if (token instanceof StringToken) return token.value === "true";
  return false;
}

/** `steps.<id>.outputs.<name>` references made by an expression (ids and names lower-cased). */
export function stepOutputReferences(expression: string): { step: string; output: string }[] {
  const refs: { step: string; output: string }[] = [];
  let expr: Expr;
  try {
    expr = parseExpression(expression, ["github", "inputs", "steps", "env", "runner", "job", "strategy", "matrix"]);
  } catch {
    return refs;
  }
  const literal = (e: Expr): string | undefined =>
    e instanceof Literal && e.literal.kind === data.Kind.String ? e.literal.coerceString().toLowerCase() : undefined;
  walk(expr, (e) => {
    // steps . <id> . outputs . <name>  ==  IndexAccess(IndexAccess(IndexAccess(steps, id), "outputs"), name)
    if (!(e instanceof IndexAccess)) return;
    const outputs = e.expr;
    if (!(outputs instanceof IndexAccess) || literal(outputs.index) !== "outputs") return;
    const stepAccess = outputs.expr;
    if (!(stepAccess instanceof IndexAccess)) return;
    if (!(stepAccess.expr instanceof ContextAccess) || stepAccess.expr.name.lexeme.toLowerCase() !== "steps") return;
    const step = literal(stepAccess.index);
    const output = literal(e.index);
    if (step !== undefined && output !== undefined) refs.push({ step, output });
  });
  return refs;
}

/** Names read from a context: `inputs.x`, `inputs['x']` -> x (lower-cased). */
export function contextReferences(expression: string, context: string): string[] {
  const names: string[] = [];
  let expr: Expr;
  try {
    expr = parseExpression(expression, ["github", "inputs", "steps", "env", "runner", "job", "strategy", "matrix"]);
  } catch {
    return names;
  }
  walk(expr, (e) => {
    if (e instanceof IndexAccess && e.expr instanceof ContextAccess && e.expr.name.lexeme.toLowerCase() === context) {
      if (e.index instanceof Literal && e.index.literal.kind === data.Kind.String) {
        names.push(e.index.literal.coerceString().toLowerCase());
      }
    }
  });
  return names;
}

function walk(expr: Expr, visit: (e: Expr) => void): void {
  visit(expr);
  if (expr instanceof IndexAccess) {
    walk(expr.expr, visit);
    walk(expr.index, visit);
  } else if (expr instanceof FunctionCall) {
    for (const a of expr.args) walk(a, visit);
  } else if (expr instanceof Logical) {
    for (const a of expr.args) walk(a, visit);
  } else if (expr instanceof Grouping) {
    walk(expr.group, visit);
  } else if (expr instanceof Unary) {
    walk(expr.expr, visit);
  } else if (expr instanceof Binary) {
    walk(expr.left, visit);
    walk(expr.right, visit);
  }
}

/** Resolve a path the way actions do: `~` is HOME, relative paths are under the workspace. */
export function resolveRunnerPath(p: string, workspace: string, home: string): string {
  if (p === "~") return home;
  if (p.startsWith("~/")) return join(home, p.slice(2));
  return isAbsolute(p) ? p : resolve(workspace, p);
}
