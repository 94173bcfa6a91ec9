/**
 * GitHub's cursor connections as the fake serves them: `first`/`last` are required and capped at
 * 100 (a violation otherwise, as GitHub refuses such a query), cursors are opaque base64.
 */
import { GitHubGraphQLError, type GraphQLCallContext, type Obj } from "./graphql-context.js";

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

export function encodeCursor(i: number): string {
  return Buffer.from(`cursor:v2:${i}`).toString("base64");
}

function decodeCursor(c: string): number {
  const m = /^cursor:v2:(\d+)$/.exec(Buffer.from(c, "base64").toString("utf8"));
  if (!m) throw new GitHubGraphQLError("INVALID_CURSOR_ARGUMENTS", `\`${c}\` does not appear to be a valid cursor.`);
  return Number(m[1]);
}

export function connection<T>(
  ctx: GraphQLCallContext,
  name: string,
  items: T[],
  args: ConnectionArgs,
  toNode: (item: T) => Obj,
): Obj {
  const { first, last } = args;
  if ((first === undefined || first === null) && (last === undefined || last === null)) {
    const msg = `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`;
    ctx.violation("graphql-pagination", msg);
    throw new GitHubGraphQLError("MISSING_PAGINATION_BOUNDARIES", msg);
  }
  for (const [arg, n] of [
    ["first", first],
    ["last", last],
  ] as const) {
    if (typeof n === "number" && (n > 100 || n < 0)) {
      const msg = `Requesting ${n} records on the \`${name}\` connection exceeds the \`${arg}\` limit of 100 records.`;
      ctx.violation("graphql-pagination", msg);
      throw new GitHubGraphQLError("EXCESSIVE_PAGINATION", msg);
    }
  }
  let start = 0;
  let end = items.length;
  if (args.after) start = Math.max(start, decodeCursor(args.after) + 1);
  if (args.before) end = Math.min(end, decodeCursor(args.before));
  const windowStart = start;
  const windowEnd = end;
  if (typeof first === "number") end = Math.min(end, start + first);
  if (typeof last === "number") start = Math.max(start, end - last);
  const picked = items.slice(start, end).map((item, i) => ({ cursor: encodeCursor(start + i), node: toNode(item) }));
  return {
    totalCount: items.length,
    nodes: picked.map((e) => e.node),
    edges: picked,
    pageInfo: {
      hasNextPage: end < windowEnd,
      hasPreviousPage: start > windowStart,
      startCursor: picked[0]?.cursor ?? null,
      endCursor: picked[picked.length - 1]?.cursor ?? null,
    },
  };
}
