/**
 * GitHub's published OpenAPI description (`@octokit/openapi`, api.github.com) as a request
 * validator: route lookup by method and path template, then path/query parameters and JSON bodies
 * checked with ajv against the operation's own schemas. Responses the fake produces are checked the
 * same way, so the fake cannot drift from what GitHub returns.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

type Json = Record<string, unknown>;

interface OpenApiParameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: Json;
}

interface OpenApiOperation {
  operationId: string;
  parameters?: Array<OpenApiParameter | { $ref: string }>;
  requestBody?: { required?: boolean; content: Record<string, { schema?: Json }> } | { $ref: string };
  responses: Record<string, unknown>;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation | unknown>>;
  components: {
    parameters: Record<string, OpenApiParameter>;
    requestBodies?: Record<string, unknown>;
    responses: Record<string, unknown>;
    schemas: Record<string, Json>;
  };
}

export interface RouteMatch {
  method: string;
  /** The path template as GitHub's description spells it, e.g. `/repos/{owner}/{repo}`. */
  template: string;
  operationId: string;
  params: Record<string, string>;
}

export interface ValidationProblem {
  where: "path" | "query" | "body" | "response";
  message: string;
}

const METHODS = new Set(["get", "post", "put", "patch", "delete", "head"]);

// ajv-formats is CommonJS; under some loaders its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv,
) => Ajv;

interface CompiledTemplate {
  template: string;
  segments: Array<{ literal: string } | { param: string }>;
  literalCount: number;
}

export class OpenApiContract {
  readonly document: OpenApiDocument;
  private readonly ajv: Ajv;
  private readonly bySegmentCount = new Map<number, CompiledTemplate[]>();
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(document: OpenApiDocument) {
    this.document = document;
    this.ajv = new Ajv({
      strict: false,
      allErrors: true,
      validateSchema: false,
      discriminator: true,
      logger: false,
    });
    addFormats(this.ajv);
    for (const f of ["int64", "int32", "double", "repo.nwo", "binary", "timestamp"]) this.ajv.addFormat(f, true);
    normalizeNullable(document);
    this.ajv.addSchema({ ...(document as unknown as Json), $id: "gh" });
    for (const template of Object.keys(document.paths)) {
      const segments = template
        .split("/")
        .slice(1)
        .map((s) => (s.startsWith("{") && s.endsWith("}") ? { param: s.slice(1, -1) } : { literal: s }));
      const compiled: CompiledTemplate = {
        template,
        segments,
        literalCount: segments.filter((s) => "literal" in s).length,
      };
      const list = this.bySegmentCount.get(segments.length) ?? [];
      list.push(compiled);
      this.bySegmentCount.set(segments.length, list);
    }
  }

  /** True when the description has this method on this exact template. */
  hasOperation(method: string, template: string): boolean {
    return this.operation(method, template) !== undefined;
  }

  operation(method: string, template: string): OpenApiOperation | undefined {
    const item = this.document.paths[template];
    const op = item?.[method.toLowerCase()];
    return op && typeof op === "object" && "operationId" in op ? (op as OpenApiOperation) : undefined;
  }

  /**
   * Finds the operation for a concrete path. Literal segments beat parameters, so
   * `/repos/o/r/issues/comments` is the comments listing, not issue number "comments".
   * Returns `{ methodMismatch: true }` when the path exists but not with this method.
   */
  match(method: string, pathname: string): RouteMatch | { methodMismatch: true } | undefined {
    const parts = pathname.split("/").slice(1).map(safeDecode);
    const candidates = this.bySegmentCount.get(parts.length) ?? [];
    let best: { c: CompiledTemplate; params: Record<string, string> } | undefined;
    let pathMatched = false;
    for (const c of candidates) {
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < c.segments.length; i++) {
        const seg = c.segments[i]!;
        const part = parts[i] ?? "";
        if ("literal" in seg) {
          if (seg.literal !== part) {
            ok = false;
            break;
          }
        } else {
          if (part === "") {
            ok = false;
            break;
          }
          params[seg.param] = part;
        }
      }
      if (!ok) continue;
      pathMatched = true;
      if (!this.operation(method, c.template)) continue;
      if (!best || c.literalCount > best.c.literalCount) best = { c, params };
    }
    if (!best) return pathMatched ? { methodMismatch: true } : undefined;
    const op = this.operation(method, best.c.template)!;
    return {
      method: method.toUpperCase(),
      template: best.c.template,
      operationId: op.operationId,
      params: best.params,
    };
  }

  /** Validates path and query parameters and the JSON body of a request to a matched route. */
  validateRequest(
    route: RouteMatch,
    query: URLSearchParams,
    body: unknown,
    options: { strictBody?: boolean } = {},
  ): ValidationProblem[] {
    const op = this.operation(route.method, route.template)!;
    const problems: ValidationProblem[] = [];
    const params = (op.parameters ?? []).map((p) => this.resolveParameter(p));

    for (const p of params.filter((x) => x.in === "path")) {
      const raw = route.params[p.name];
      if (raw === undefined) {
        problems.push({ where: "path", message: `missing path parameter ${p.name}` });
        continue;
      }
      const err = this.checkScalar(p, raw);
      if (err) problems.push({ where: "path", message: err });
    }

    const queryParams = new Map(params.filter((x) => x.in === "query").map((p) => [p.name, p]));
    for (const p of queryParams.values()) {
      if (p.required && !query.has(p.name)) {
        problems.push({ where: "query", message: `missing required query parameter ${p.name}` });
      }
    }
    for (const [name, value] of query) {
      const p = queryParams.get(name);
      if (!p) {
        problems.push({ where: "query", message: `unknown query parameter ${name}` });
        continue;
      }
      const err = this.checkScalar(p, value);
      if (err) problems.push({ where: "query", message: err });
    }

    const rb = op.requestBody ? this.resolveRequestBody(op.requestBody) : undefined;
    const jsonSchema = rb?.content["application/json"]?.schema;
    if (body === undefined) {
      if (rb?.required) problems.push({ where: "body", message: "a JSON body is required" });
    } else if (!jsonSchema) {
      problems.push({ where: "body", message: "this operation takes no JSON body" });
    } else {
      const pointer = `gh#/paths/${escapePointer(route.template)}/${route.method.toLowerCase()}/requestBody/content/application~1json/schema`;
      const validate = this.compile(
        op.requestBody && "$ref" in op.requestBody
          ? `gh${op.requestBody.$ref}/content/application~1json/schema`
          : pointer,
      );
      if (!validate(body)) problems.push(...formatAjv("body", validate.errors));
      if (options.strictBody !== false && isPlainObject(body)) {
        const schema = this.deref(jsonSchema);
        const props = schema.properties as Json | undefined;
        if (props && schema.additionalProperties === undefined && !schema.oneOf && !schema.anyOf && !schema.allOf) {
          for (const key of Object.keys(body)) {
            if (!(key in props)) problems.push({ where: "body", message: `unknown body property ${key}` });
          }
        }
      }
    }
    return problems;
  }

  /** Checks a response the fake is about to send against the operation's declared response. */
  validateResponse(route: RouteMatch, status: number, body: unknown): ValidationProblem[] {
    const op = this.operation(route.method, route.template)!;
    const key = String(status);
    let response = op.responses[key] as Json | undefined;
    let pointer = `gh#/paths/${escapePointer(route.template)}/${route.method.toLowerCase()}/responses/${key}`;
    if (!response) {
      if (status >= 500 || status === 401 || status === 403 || status === 404 || status === 429) return [];
      return [{ where: "response", message: `status ${status} is not a declared response of ${route.operationId}` }];
    }
    if (typeof response.$ref === "string") {
      pointer = `gh${response.$ref}`;
      response = this.deref(response);
    }
    const content = response.content as Record<string, { schema?: Json }> | undefined;
    if (!content?.["application/json"]?.schema) {
      return body === undefined ? [] : [{ where: "response", message: `status ${status} declares no JSON body` }];
    }
    const validate = this.compile(`${pointer}/content/application~1json/schema`);
    return validate(body) ? [] : formatAjv("response", validate.errors);
  }

  private compile(ref: string): ValidateFunction {
    let v = this.validators.get(ref);
    if (!v) {
      v = this.ajv.compile({ $ref: ref });
      this.validators.set(ref, v);
    }
    return v;
  }

  private checkScalar(p: OpenApiParameter, raw: string): string | undefined {
    const schema = this.deref(p.schema ?? {});
    const value = coerce(raw, schema);
    const key = `param:${JSON.stringify(schema)}`;
    let v = this.validators.get(key);
    if (!v) {
      v = this.ajv.compile(schema);
      this.validators.set(key, v);
    }
    if (v(value)) return undefined;
    return `${p.in} parameter ${p.name}=${JSON.stringify(raw)}: ${formatAjv(
      p.in === "path" ? "path" : "query",
      v.errors,
    )
      .map((x) => x.message)
      .join("; ")}`;
  }

  private resolveParameter(p: OpenApiParameter | { $ref: string }): OpenApiParameter {
    return "$ref" in p ? (this.deref(p as { $ref: string }) as unknown as OpenApiParameter) : p;
  }

  private resolveRequestBody(rb: NonNullable<OpenApiOperation["requestBody"]>): {
    required?: boolean;
    content: Record<string, { schema?: Json }>;
  } {
    return "$ref" in rb ? (this.deref(rb as { $ref: string }) as never) : rb;
  }

  private deref(node: Json | { $ref: string }): Json {
    let current = node as Json;
    for (let i = 0; i < 10 && typeof current.$ref === "string"; i++) {
      const path = (current.$ref as string).replace(/^#\//, "").split("/").map(unescapePointer);
      let target: unknown = this.document;
      for (const part of path) target = (target as Json)[part];
      current = target as Json;
    }
    return current;
  }
}

/**
 * OpenAPI 3.0 `nullable: true` next to `oneOf`/`anyOf`/`$ref` (no `type`), e.g. the `milestone` of
 * "create an issue": ajv only understands `nullable` beside `type`, so such nodes become
 * `anyOf: [<the node>, { type: "null" }]`; a nullable `enum` gets `null` among its values (e.g. an
 * issue's `state_reason`). In place, once, when the description is loaded.
 */
function normalizeNullable(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) normalizeNullable(item);
    return;
  }
  if (!isPlainObject(node)) return;
  for (const value of Object.values(node)) normalizeNullable(value);
  // `nullable` beside an `enum` still needs null among the values for ajv.
  if (node.nullable === true && Array.isArray(node.enum) && !node.enum.includes(null)) node.enum.push(null);
  if (typeof node.nullable === "boolean" && node.type === undefined) {
    const nullable = node.nullable;
    delete node.nullable;
    if (nullable) {
      const inner: Json = {};
      for (const key of Object.keys(node)) {
        if (key === "description" || key === "example" || key === "examples") continue;
        inner[key] = node[key];
        delete node[key];
      }
      node.anyOf = [inner, { type: "null" }];
    }
  }
}

function coerce(raw: string, schema: Json): unknown {
  const type = schema.type;
  if (type === "integer" || type === "number") return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  if (type === "boolean") return raw === "true" ? true : raw === "false" ? false : raw;
  if (type === "array") return raw.split(",");
  return raw;
}

function formatAjv(where: ValidationProblem["where"], errors: ErrorObject[] | null | undefined): ValidationProblem[] {
  const seen = new Set<string>();
  const out: ValidationProblem[] = [];
  for (const e of errors ?? []) {
    const message = `${e.instancePath || "(root)"} ${e.message ?? "is invalid"}${
      e.keyword === "enum" ? ` (${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)})` : ""
    }`;
    if (seen.has(message)) continue;
    seen.add(message);
    out.push({ where, message });
  }
  return out;
}

function isPlainObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function escapePointer(s: string): string {
  return s.replace(/~/g, "~0").replace(/\//g, "~1");
}

function unescapePointer(s: string): string {
  return s.replace(/~1/g, "/").replace(/~0/g, "~");
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

let cached: OpenApiContract | undefined;

/** The api.github.com description, parsed once per process (about 13 MB of JSON). */
export function loadGitHubContract(): OpenApiContract {
  if (!cached) {
    const require = createRequire(import.meta.url);
    const file = require.resolve("@octokit/openapi/generated/api.github.com.json");
    cached = new OpenApiContract(JSON.parse(readFileSync(file, "utf8")) as OpenApiDocument);
  }
  return cached;
}

export const HTTP_METHODS = METHODS;
