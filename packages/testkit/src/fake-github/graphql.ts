/**
 * The fake's GraphQL endpoint: every request is parsed, validated and executed by graphql-js
 * against GitHub's published schema (`@octokit/graphql-schema`, built from its introspection JSON
 * because the SDL file of that release defines some fields twice). Resolvers are plain objects
 * over the shared state; a default field resolver reads properties, so only what codexrel queries
 * is implemented. A field the fake does not provide is a violation, never a silent null.
 * The resolvers: graphql-root.ts (queries, mutations), graphql-nodes.ts and its neighbours (objects).
 */

import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  buildClientSchema,
  type DocumentNode,
  execute,
  type GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  getOperationAST,
  type IntrospectionQuery,
  parse,
  validate,
} from "graphql";
import { GitHubGraphQLError, type GraphQLCallContext, type Obj } from "./graphql-context.js";
import { checkFieldPermission } from "./graphql-permissions.js";
import { rootValue } from "./graphql-root.js";
import { readsChecked } from "./permission-table.js";

export { GitHubGraphQLError, type GraphQLCallContext } from "./graphql-context.js";

let cachedSchema: GraphQLSchema | undefined;

export function loadGitHubSchema(): GraphQLSchema {
  if (!cachedSchema) {
    const file = findPackageFile("@octokit/graphql-schema", "schema.json");
    cachedSchema = buildClientSchema(JSON.parse(readFileSync(file, "utf8")) as IntrospectionQuery);
  }
  return cachedSchema;
}

/**
 * The package's `exports` expose only its ESM entry (which parses the JSON eagerly); find the
 * file in the nearest node_modules instead so the schema is read once, when first needed.
 */
function findPackageFile(pkg: string, file: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "node_modules", pkg, file);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`fake github: cannot find ${pkg}/${file}; is it installed?`);
    dir = parent;
  }
}

export interface GraphQLCallResult {
  body: { data?: unknown; errors?: unknown[] };
  /** Variable errors: the request would be rejected by GitHub. */
  invalid: string[];
}

const fieldResolver: GraphQLFieldResolver<unknown, GraphQLCallContext> = (source, args, ctx, info) => {
  if (source === null || typeof source !== "object") return null;
  const isMutation = info.operation.operation === "mutation";
  if (ctx.auth.kind === "token" && (isMutation || readsChecked(ctx.auth.token, queriedRepo(ctx, info)))) {
    const denied = checkFieldPermission(ctx.auth.token, info.parentType.name, info.fieldName);
    if (denied) throw new GitHubGraphQLError("FORBIDDEN", denied.message, { saml_failure: false });
  }
  const value = (source as Obj)[info.fieldName];
  if (typeof value === "function") return (value as (a: unknown, c: unknown) => unknown)(args, ctx);
  if (value === undefined) {
    ctx.violation("unimplemented", `the fake does not implement ${info.parentType.name}.${info.fieldName}`);
    return null;
  }
  return value;
};

/** The repository a query's `repository(owner:, name:)` root field names (for the public-read rule). */
function queriedRepo(
  ctx: GraphQLCallContext,
  info: { variableValues: Record<string, unknown>; operation: { selectionSet: { selections: readonly unknown[] } } },
) {
  for (const sel of info.operation.selectionSet.selections as Array<{
    kind: string;
    name?: { value: string };
    arguments?: Array<{ name: { value: string }; value: { kind: string; value?: string; name?: { value: string } } }>;
  }>) {
    if (sel.kind !== "Field" || sel.name?.value !== "repository") continue;
    const arg = (n: string) => {
      const a = sel.arguments?.find((x) => x.name.value === n)?.value;
      if (!a) return undefined;
      return a.kind === "Variable" ? String(info.variableValues[a.name!.value] ?? "") : a.value;
    };
    const repo = ctx.state.repo(`${arg("owner")}/${arg("name")}`);
    if (repo) return repo;
  }
  return undefined;
}

export interface PreparedGraphQL {
  document?: DocumentNode;
  /** Parse or validation errors: GitHub would reject the request. */
  invalid: string[];
  /** GitHub's answer for an invalid request (HTTP 200 with `errors`). */
  errorBody?: { errors: unknown[] };
  operationName: string | undefined;
  rootFields: string[];
  mutation: boolean;
}

/** Parses and validates a GraphQL request against GitHub's schema, without executing it. */
export function prepareGraphQL(request: { query?: unknown; operationName?: unknown }): PreparedGraphQL {
  const schema = loadGitHubSchema();
  const empty = { operationName: undefined, rootFields: [], mutation: false };
  if (typeof request.query !== "string") {
    const message = "A query attribute must be specified and must be a string.";
    return { invalid: [message], errorBody: { errors: [{ message }] }, ...empty };
  }
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    const message = (error as GraphQLError).message;
    return { invalid: [message], errorBody: { errors: [{ message }] }, ...empty };
  }
  const operationName = typeof request.operationName === "string" ? request.operationName : undefined;
  const op = getOperationAST(document, operationName);
  const rootFields =
    op?.selectionSet.selections.flatMap((s) => (s.kind === "Field" ? [s.name.value] : [])) ?? ([] as string[]);
  const meta = { operationName: operationName ?? op?.name?.value, rootFields, mutation: op?.operation === "mutation" };
  const validationErrors = validate(schema, document);
  if (validationErrors.length > 0) {
    return {
      invalid: validationErrors.map((e) => e.message),
      errorBody: { errors: validationErrors.map((e) => e.toJSON()) },
      ...meta,
    };
  }
  return { document, invalid: [], ...meta };
}

/** Executes a prepared request with the stateful resolvers. */
export async function executeGraphQL(
  ctx: GraphQLCallContext,
  prepared: PreparedGraphQL,
  request: { variables?: unknown; operationName?: unknown },
): Promise<GraphQLCallResult> {
  const result = await execute({
    schema: loadGitHubSchema(),
    document: prepared.document!,
    rootValue: rootValue(),
    contextValue: ctx,
    variableValues: (request.variables ?? {}) as Record<string, unknown>,
    operationName: typeof request.operationName === "string" ? request.operationName : undefined,
    fieldResolver,
  });
  // Errors raised before execution starts (bad variables) mean GitHub would reject the request.
  const invalid = result.data === undefined ? (result.errors ?? []).map((e) => e.message) : [];
  const errors = result.errors?.map((e) => {
    const original = e.originalError;
    const type = original instanceof GitHubGraphQLError ? original.type : undefined;
    return { ...(type ? { type } : {}), ...e.toJSON() };
  });
  return { body: { data: result.data ?? null, ...(errors ? { errors } : {}) }, invalid };
}
