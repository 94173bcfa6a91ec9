/** The guards that run before authorization: the bot-loop guard and the fork rule of review events. */
import { type Actor, type Base, type Ctx, type Draft, ignored, withAuthor } from "./draft.js";
import { ReasonCodes } from "./task.js";

const OWN_MARKER = /<!--\s*codex(?:rel)?:([a-z][a-z0-9-]*)/g;

/** The bot-loop guard: our identity, bots, and bodies that carry one of our markers. */
export function guardActor(ctx: Ctx, base: Base, actor: Actor | null, body: string): Draft | null {
  const { config } = ctx;
  if (!actor) return ignored(ctx, base, ReasonCodes.NOT_AUTHORIZED, "the event names no author");
  const login = actor.user.login;
  const lower = login.toLowerCase();
  if (config.selfLogins.some((s) => s.toLowerCase() === lower)) {
    return withAuthor(
      ignored(ctx, base, ReasonCodes.SELF_AUTHOR, `@${login} is this automation (bot-loop guard)`),
      actor,
    );
  }
  const isBot = actor.user.type === "Bot" || /\[bot\]$/i.test(login);
  if (isBot && !config.allowedBots.some((b) => b.toLowerCase() === lower)) {
    return withAuthor(ignored(ctx, base, ReasonCodes.BOT_AUTHOR, `@${login} is a bot (bot-loop guard)`), actor);
  }
  const planKind = /^<!-- [a-z][a-z0-9-]*:([a-z][a-z0-9-]*) -->$/.exec(config.planMarker)?.[1];
  for (const m of body.matchAll(OWN_MARKER)) {
    if (m[1] !== planKind || !body.includes(config.planMarker)) {
      return withAuthor(
        ignored(
          ctx,
          base,
          ReasonCodes.OWN_OUTPUT,
          `the text carries a codexrel marker (${m[1]}): it is our own output`,
        ),
        actor,
      );
    }
  }
  return null;
}

export function forkBlock(ctx: Ctx, base: Base, number: number): Draft | null {
  if (base.fork && !ctx.config.allowForks) {
    return ignored(
      ctx,
      base,
      ReasonCodes.FORK,
      `PR #${number} comes from a fork; its branch cannot be updated from here`,
    );
  }
  return null;
}
