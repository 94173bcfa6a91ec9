/**
 * Finds every error code the sources can throw, by reading their syntax (TypeScript's parser, no
 * type checking, so it is quick). A code reaches a CodexrelError through its constructor, a
 * subclass's constructor, or a helper that passes one of its parameters on (`make(code, ...)`,
 * `this.coded(code, ...)`, `toCodexrelError(error, code)`), in as many steps as it takes. At each
 * such place the code must be a registered literal, a key of a registry (`XErrorCodes.KEY`), or
 * the helper's own parameter (then its callers are checked); anything else is reported, since a
 * code built at run time cannot be in a registry.
 */
import ts from "typescript";

export interface SourceText {
  path: string;
  text: string;
}

export interface ScanResult {
  /** Every code of every `export const <Name>ErrorCodes = { ... }`. */
  registered: Set<string>;
  /** Places that pass a code: `new CodexrelError(...)` and every call of a helper found above. */
  sites: number;
  /** `CODE (file:line)` for an unregistered literal; `<expression> (file:line)` for a code that is not a literal. */
  problems: string[];
}

/** A function or class a code flows into, and at which argument. */
interface Sink {
  params: Set<number>;
  /** Only the declaring file can call a helper it does not export. */
  file: string | undefined;
}

const ROOT_SINK = "CodexrelError";

export function scanErrorCodes(sources: readonly SourceText[], relative: (path: string) => string): ScanResult {
  const files = sources.map((s) => {
    const sf = ts.createSourceFile(
      s.path,
      s.text,
      ts.ScriptTarget.Latest,
      true,
      s.path.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    );
    // Only calls, `new`s, classes and functions matter: gathered once, walked many times.
    const nodes: ts.Node[] = [];
    visit(sf, (n) => {
      if (ts.isCallExpression(n) || ts.isNewExpression(n) || ts.isClassDeclaration(n) || functionLike(n)) nodes.push(n);
    });
    return { path: relative(s.path), sf, nodes };
  });
  const registries = new Map<string, Map<string, string>>();
  for (const { sf } of files) collectRegistries(sf, registries);
  const registered = new Set([...registries.values()].flatMap((r) => [...r.values()]));

  const sinks = new Map<string, Sink[]>([[ROOT_SINK, [{ params: new Set([0]), file: undefined }]]]);
  // Helpers that pass a parameter on become sinks themselves; repeat until nothing new is found.
  for (let changed = true; changed; ) {
    changed = false;
    for (const { path, nodes } of files) {
      for (const node of nodes) {
        for (const found of forwardedParams(node, path, sinks)) {
          const list = sinks.get(found.name) ?? [];
          let sink = list.find((s) => s.file === found.file);
          if (!sink) {
            sink = { params: new Set(), file: found.file };
            list.push(sink);
            sinks.set(found.name, list);
          }
          for (const i of found.params) {
            if (!sink.params.has(i)) {
              sink.params.add(i);
              changed = true;
            }
          }
        }
      }
    }
  }

  let sites = 0;
  const problems: string[] = [];
  for (const { path, sf, nodes } of files) {
    const where = (n: ts.Node) => `${path}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
    const check = (expr: ts.Expression) => {
      for (const leaf of codeLeaves(expr, sf)) {
        if (leaf.kind === "literal") {
          if (!registered.has(leaf.code)) problems.push(`${leaf.code} (${where(leaf.node)})`);
        } else if (leaf.kind === "registry") {
          if (!registries.get(leaf.registry)?.has(leaf.key))
            problems.push(`${leaf.node.getText(sf)} (${where(leaf.node)})`);
        } else if (leaf.kind === "unknown" || (leaf.kind === "param" && !functionLike(leaf.fn))) {
          // A parameter of an unnamed callback: nothing calls it by name, so its codes cannot be traced.
          problems.push(`${leaf.node.getText(sf)} (${where(leaf.node)})`);
        }
      }
    };
    for (const node of nodes) {
      const params = sinkParamsAt(node, path, sinks);
      if (params === undefined) continue;
      sites++;
      const args = (node as ts.CallExpression | ts.NewExpression).arguments ?? ts.factory.createNodeArray();
      for (const i of params) {
        const arg = args[i];
        if (arg) check(arg);
      }
    }
    // A helper's default code (`fallbackCode = ErrorCodes.INTERNAL`) is thrown when a caller gives none.
    for (const node of nodes) {
      const fn = functionLike(node);
      if (!fn) continue;
      const params = sinks.get(fn.name)?.find((s) => s.file === undefined || s.file === path)?.params;
      fn.node.parameters.forEach((p, i) => {
        if (params?.has(i) && p.initializer) check(p.initializer);
      });
    }
  }
  return { registered, sites, problems };
}

function visit(node: ts.Node, fn: (node: ts.Node) => void): void {
  fn(node);
  node.forEachChild((child) => visit(child, fn));
}

function collectRegistries(sf: ts.SourceFile, out: Map<string, Map<string, string>>): void {
  for (const stmt of sf.statements) {
    if (!ts.isVariableStatement(stmt)) continue;
    if (!stmt.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    for (const decl of stmt.declarationList.declarations) {
      if (!ts.isIdentifier(decl.name) || !/ErrorCodes$/.test(decl.name.text) || !decl.initializer) continue;
      const init = unwrap(decl.initializer);
      if (!ts.isObjectLiteralExpression(init)) continue;
      const codes = new Map<string, string>();
      for (const prop of init.properties) {
        if (ts.isPropertyAssignment(prop) && ts.isStringLiteralLike(prop.initializer)) {
          codes.set(prop.name.getText(sf), prop.initializer.text);
        }
      }
      out.set(decl.name.text, codes);
    }
  }
}

function unwrap(expr: ts.Expression): ts.Expression {
  let e = expr;
  while (
    ts.isParenthesizedExpression(e) ||
    ts.isAsExpression(e) ||
    ts.isSatisfiesExpression(e) ||
    ts.isNonNullExpression(e)
  )
    e = e.expression;
  return e;
}

type Leaf =
  | { kind: "literal"; code: string; node: ts.Node }
  | { kind: "registry"; registry: string; key: string; node: ts.Node }
  | { kind: "registered"; node: ts.Node }
  | { kind: "param"; fn: ts.SignatureDeclaration; index: number; node: ts.Node }
  | { kind: "unknown"; node: ts.Node };

/** What a code expression can evaluate to, branch by branch. */
function codeLeaves(expr: ts.Expression, sf: ts.SourceFile, depth = 0): Leaf[] {
  const e = unwrap(expr);
  if (ts.isStringLiteralLike(e)) return [{ kind: "literal", code: e.text, node: e }];
  if (ts.isConditionalExpression(e))
    return [...codeLeaves(e.whenTrue, sf, depth), ...codeLeaves(e.whenFalse, sf, depth)];
  if (
    ts.isBinaryExpression(e) &&
    (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)
  ) {
    return [...codeLeaves(e.left, sf, depth), ...codeLeaves(e.right, sf, depth)];
  }
  if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression)) {
    const registry = importedName(e.expression.text, sf);
    if (/ErrorCodes$/.test(registry)) return [{ kind: "registry", registry, key: e.name.text, node: e }];
  }
  // `HarnessErrorCodes[code]`: whichever key, the value is one of the registry's (tsc checks the key).
  if (
    ts.isElementAccessExpression(e) &&
    ts.isIdentifier(e.expression) &&
    /ErrorCodes$/.test(importedName(e.expression.text, sf))
  ) {
    return [{ kind: "registered", node: e }];
  }
  if (ts.isIdentifier(e) && depth < 5) {
    const param = enclosingParam(e);
    if (param) return [param];
    const init = constInitializer(e.text, e, sf);
    if (init) return codeLeaves(init, sf, depth + 1);
  }
  return [{ kind: "unknown", node: e }];
}

/** `Codes` in `import { ReleaseMonitorErrorCodes as Codes }` is `ReleaseMonitorErrorCodes`. */
function importedName(local: string, sf: ts.SourceFile): string {
  for (const stmt of sf.statements) {
    if (!ts.isImportDeclaration(stmt)) continue;
    const bindings = stmt.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const el of bindings.elements) if (el.name.text === local) return (el.propertyName ?? el.name).text;
  }
  return local;
}

/** The parameter `id` names, of the nearest function around it that declares it. */
function enclosingParam(id: ts.Identifier): Leaf | undefined {
  for (let n: ts.Node | undefined = id.parent; n; n = n.parent) {
    if (ts.isFunctionLike(n)) {
      const index = n.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === id.text);
      if (index >= 0) return { kind: "param", fn: n, index, node: id };
    }
  }
  return undefined;
}

/** The initializer of `const <name> = ...` in a block around `at` (or the file). */
function constInitializer(name: string, at: ts.Node, sf: ts.SourceFile): ts.Expression | undefined {
  for (let n: ts.Node | undefined = at.parent; n; n = n.parent) {
    if (!ts.isBlock(n) && !ts.isSourceFile(n)) continue;
    for (const stmt of n.statements) {
      if (!ts.isVariableStatement(stmt) || !(stmt.declarationList.flags & ts.NodeFlags.Const)) continue;
      for (const d of stmt.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer) return d.initializer;
      }
    }
    if (n === sf) break;
  }
  return undefined;
}

/** A named function-like: `function f`, `const f = () =>`, a method, a class (its constructor). */
function functionLike(node: ts.Node): { name: string; node: ts.SignatureDeclaration; exported: boolean } | undefined {
  const exported = (n: ts.Node) =>
    ts.canHaveModifiers(n) && !!ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  if (ts.isFunctionDeclaration(node) && node.name) return { name: node.name.text, node, exported: exported(node) };
  if (ts.isMethodDeclaration(node) && ts.isIdentifier(node.name))
    return { name: node.name.text, node, exported: false };
  if (ts.isConstructorDeclaration(node) && ts.isClassDeclaration(node.parent) && node.parent.name) {
    return { name: node.parent.name.text, node, exported: exported(node.parent) };
  }
  if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && ts.isVariableDeclaration(node.parent)) {
    const decl = node.parent;
    if (!ts.isIdentifier(decl.name)) return undefined;
    const stmt = decl.parent.parent;
    return { name: decl.name.text, node, exported: exported(stmt) };
  }
  if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && ts.isPropertyDeclaration(node.parent)) {
    const name = node.parent.name;
    return ts.isIdentifier(name) ? { name: name.text, node, exported: false } : undefined;
  }
  return undefined;
}

/** The callee's name at a call, `new`, or `super(...)` (which calls the parent class). */
function calleeName(node: ts.Node): string | undefined {
  if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return undefined;
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  if (callee.kind === ts.SyntaxKind.SuperKeyword) {
    for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
      if (ts.isClassDeclaration(n) || ts.isClassExpression(n)) {
        const base = n.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
        return base && ts.isIdentifier(base) ? base.text : undefined;
      }
    }
  }
  return undefined;
}

function sinkParamsAt(node: ts.Node, path: string, sinks: Map<string, Sink[]>): Set<number> | undefined {
  const name = calleeName(node);
  if (name === undefined) return undefined;
  return sinks.get(name)?.find((s) => s.file === undefined || s.file === path)?.params;
}

/**
 * At a call of a sink inside a named function, which of that function's parameters it passes on
 * as the code. A class without its own constructor inherits its parent's code parameter.
 */
function forwardedParams(
  node: ts.Node,
  path: string,
  sinks: Map<string, Sink[]>,
): Array<{ name: string; file: string | undefined; params: number[] }> {
  if (ts.isClassDeclaration(node) && node.name && !node.members.some(ts.isConstructorDeclaration)) {
    const base = node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
    const inherited =
      base && ts.isIdentifier(base)
        ? sinks.get(base.text)?.find((s) => s.file === undefined || s.file === path)
        : undefined;
    if (!inherited) return [];
    const exported = !!node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    return [{ name: node.name.text, file: exported ? undefined : path, params: [...inherited.params] }];
  }
  const params = sinkParamsAt(node, path, sinks);
  if (!params) return [];
  const args = (node as ts.CallExpression | ts.NewExpression).arguments ?? [];
  const out = new Map<ts.SignatureDeclaration, number[]>();
  for (const i of params) {
    const arg = args[i];
    if (!arg) continue;
    for (const leaf of codeLeaves(arg, node.getSourceFile())) {
      if (leaf.kind === "param") out.set(leaf.fn, [...(out.get(leaf.fn) ?? []), leaf.index]);
    }
  }
  return [...out].flatMap(([fn, indices]) => {
    const named = functionLike(fn);
    return named ? [{ name: named.name, file: named.exported ? undefined : path, params: indices }] : [];
  });
}
