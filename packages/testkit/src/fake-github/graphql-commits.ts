/** Commits as GraphQL shows them: the status check rollup over check runs and commit statuses. */
import { type ConnectionArgs, connection } from "./graphql-connection.js";
import type { GraphQLCallContext, Obj } from "./graphql-context.js";
import type { FakeCheckRun, FakeRepo, FakeStatusContext } from "./state.js";

const FAILED_CONCLUSIONS = new Set([
  "FAILURE",
  "CANCELLED",
  "TIMED_OUT",
  "ACTION_REQUIRED",
  "STARTUP_FAILURE",
  "STALE",
]);

/** A commit known to the fake: a PR head, or a sha that has check runs or statuses. */
export function commitNode(ctx: GraphQLCallContext, repo: FakeRepo, oid: string): Obj | null {
  const { state } = ctx;
  const checks = state.commitChecks(repo.fullName, oid);
  const isHead = [...state.threads.values()].some((t) => t.repo === repo.fullName && t.headSha === oid);
  if (!isHead && checks.length === 0) return null;
  const rollupState = () => {
    const states = checks.map((c) =>
      "context" in c
        ? c.state
        : c.status !== "COMPLETED"
          ? "PENDING"
          : FAILED_CONCLUSIONS.has(c.conclusion ?? "")
            ? "FAILURE"
            : "SUCCESS",
    );
    if (states.some((x) => x === "FAILURE" || x === "ERROR")) return "FAILURE";
    if (states.some((x) => x === "PENDING" || x === "EXPECTED")) return "PENDING";
    return "SUCCESS";
  };
  return {
    __typename: "Commit",
    id: `C_kwDO${oid.slice(0, 12)}`,
    oid,
    abbreviatedOid: oid.slice(0, 7),
    statusCheckRollup: () =>
      checks.length === 0
        ? null
        : {
            __typename: "StatusCheckRollup",
            id: `SCR_kwDO${oid.slice(0, 12)}`,
            state: rollupState(),
            contexts: (args: ConnectionArgs) => connection(ctx, "contexts", checks, args, (c) => checkNode(c)),
          },
  };
}

function checkNode(c: FakeCheckRun | FakeStatusContext): Obj {
  if ("context" in c) {
    return {
      __typename: "StatusContext",
      id: c.nodeId,
      context: c.context,
      state: c.state,
      description: c.description,
      targetUrl: c.targetUrl,
    };
  }
  return {
    __typename: "CheckRun",
    id: c.nodeId,
    databaseId: c.id,
    name: c.name,
    status: c.status,
    conclusion: c.conclusion,
    detailsUrl: c.detailsUrl,
    title: c.title,
    summary: c.summary,
    checkSuite: {
      __typename: "CheckSuite",
      workflowRun: c.workflow
        ? { __typename: "WorkflowRun", workflow: { __typename: "Workflow", name: c.workflow } }
        : null,
    },
  };
}
