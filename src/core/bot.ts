/**
 * The conversation core: takes one BotEvent from any adapter, deduplicates it, finds the caller's
 * workspace, role and language, and dispatches to a command or action handler. Handlers answer
 * through the outbox. Nothing here knows which platform the event came from.
 */
import { card, context, text, type Card } from "./card.ts";
import type { Destination } from "./adapter.ts";
import type { ActionEvent, BotEvent, MessageEvent } from "./events.ts";
import type { BotDeps, HandlerContext } from "./context.ts";
import { parseCommand } from "./grammar/parse.ts";
import type { Command } from "./grammar/commands.ts";
import { commandRoles } from "./roles.ts";
import { errorCard } from "./replies.ts";
import { createActionRegistry, createCommandRegistry } from "./handlers/registry.ts";
import type { ActionHandler, CommandHandler } from "./handlers/types.ts";
import { homeCard } from "./handlers/home.ts";
import type { Member, Workspace } from "../store/types.ts";

export interface Bot {
  /** Handles one event. Never throws: failures are logged and the caller gets an apology. */
  handle(event: BotEvent): Promise<void>;
}

export interface BotOptions {
  /** Extra or replacement handlers (later features and tests register theirs here). */
  commands?: Partial<{ [N in Command["name"]]: CommandHandler<N> }>;
  actions?: Record<string, ActionHandler>;
}

export function createBot(deps: BotDeps, options: BotOptions = {}): Bot {
  const commands = { ...createCommandRegistry(), ...options.commands } as Record<string, CommandHandler>;
  const actions = { ...createActionRegistry(), ...options.actions };
  const log = deps.logger.child({ component: "core" });

  async function identify(event: BotEvent, known: { workspace: Workspace | null; member: Member | null }): Promise<{ workspace: Workspace; member: Member }> {
    const workspace = known.workspace ?? (await deps.store.workspaces.ensure({ platform: event.platform, externalId: event.workspaceExternalId }));
    let member =
      known.member && (!event.userName || known.member.displayName === event.userName)
        ? known.member
        : await deps.store.members.ensure(workspace.id, event.userId, event.userName);
    const bootstrap = deps.adminUsers.some(
      (a) => a.platform === event.platform && a.workspaceExternalId === event.workspaceExternalId && a.userId === event.userId,
    );
    // The installer becomes admin only of a workspace that has none yet: in Teams anyone can
    // install the app for themselves, which must not make them the tenant's admin.
    const firstInstaller = event.kind === "installed" && (await deps.store.members.countByRole(workspace.id, "admin")) === 0;
    if ((bootstrap || firstInstaller) && member.role !== "admin") {
      member = await deps.store.members.setRole(workspace.id, event.userId, "admin");
      await deps.store.audit.record(
        { workspaceId: workspace.id, actor: "system", action: "role.bootstrap", target: event.userId, detail: { source: bootstrap ? "ADMIN_USERS" : "installer" } },
        deps.clock.now(),
      );
    }
    return { workspace, member };
  }

  function contextFor(event: BotEvent, workspace: Workspace, member: Member): HandlerContext {
    const t = deps.i18n.forLocale(member.locale, workspace.locale);
    let replies = 0;
    const replyDestination: Destination = event.isDirect
      ? { kind: "conversation", conversationId: event.conversationId }
      : { kind: "private", conversationId: event.conversationId, userId: event.userId };
    const ctx: HandlerContext = {
      deps,
      event,
      workspace,
      member,
      t,
      async reply(c: Card) {
        replies += 1;
        await deps.outbox.post({
          workspaceId: workspace.id,
          platform: event.platform,
          destination: replyDestination,
          card: c,
          dedupeKey: `reply:${event.platform}:${event.eventId}:${replies}`,
        });
      },
      send(destination, c, dedupeKey) {
        return deps.outbox.post({ workspaceId: workspace.id, platform: event.platform, destination, card: c, dedupeKey });
      },
      async replaceSource(c: Card) {
        if (event.kind !== "action" || !event.messageRef) {
          await ctx.reply(c);
          return;
        }
        await deps.outbox.update({
          workspaceId: workspace.id,
          platform: event.platform,
          ref: event.messageRef,
          card: c,
          dedupeKey: `update:${event.platform}:${event.eventId}`,
        });
      },
      async audit(action, target, detail) {
        await deps.store.audit.record({ workspaceId: workspace.id, actor: member.userId, action, target: target ?? null, detail: detail ?? null }, deps.clock.now());
      },
    };
    return ctx;
  }

  async function runCommand(ctx: HandlerContext, input: string, shortcut?: "pulse" | "rubric"): Promise<void> {
    const { t, member } = ctx;
    const parsed = parseCommand(input, shortcut);
    if (!parsed.ok) {
      const message = deps.i18n.dynamic(t.locale, parsed.error.key, parsed.error.params);
      await ctx.reply(errorCard(t, message, parsed.error.area));
      return;
    }
    const command = parsed.command;
    const allowed = commandRoles[command.name];
    if (!allowed.includes(member.role)) {
      await ctx.reply(await refusal(ctx, command.name, allowed));
      return;
    }
    log.info("command", { workspace: ctx.workspace.id, command: command.name, role: member.role });
    await commands[command.name]!(ctx, command);
  }

  async function refusal(ctx: HandlerContext, name: string, allowed: string[]): Promise<Card> {
    const { t } = ctx;
    const admins = await deps.store.members.list(ctx.workspace.id, { role: "admin" });
    const roles = new Intl.ListFormat(t.locale, { type: "disjunction" }).format(allowed.map((r) => t(`role.${r as Member["role"]}`)));
    const message = t("role.refused", { command: `/reflect ${name.replace(".", " ")}`, roles, yours: t(`role.${ctx.member.role}`) });
    const who = admins.length
      ? t("role.ask_admin", { admins: admins.map((a) => `<@${a.userId}>`).join(", "), example: `/reflect role <@${ctx.member.userId}> ${allowed.includes("coordinator") ? "coordinator" : allowed[0]}` })
      : t("role.no_admin");
    return card(message, text(`:lock: ${message}`), context(who));
  }

  async function onMessage(ctx: HandlerContext, event: MessageEvent): Promise<void> {
    // In channels the bot only listens when mentioned; in a DM every message is a command.
    if (!event.isDirect && !event.mentioned) return;
    const input = event.text.replace(/^\s*\/?(reflect)\b/i, "").trim();
    const shortcut = /^\s*\/?(pulse|rubric)\b/i.exec(input);
    if (shortcut) {
      await runCommand(ctx, input.slice(shortcut[0].length), shortcut[1]!.toLowerCase() as "pulse" | "rubric");
      return;
    }
    await runCommand(ctx, input);
  }

  async function onAction(ctx: HandlerContext, event: ActionEvent): Promise<void> {
    const prefix = event.actionId.split(":")[0] ?? "";
    const handler = actions[prefix];
    if (!handler) {
      log.warn("unknown action", { actionId: event.actionId.slice(0, 80) });
      await ctx.reply(errorCard(ctx.t, ctx.t("error.unknown_action")));
      return;
    }
    await handler(ctx, event);
  }

  return {
    async handle(event) {
      let ctx: HandlerContext | undefined;
      try {
        const begun = await deps.store.events.begin({
          platform: event.platform,
          eventId: `${event.workspaceExternalId}:${event.eventId}`,
          workspaceId: `${event.platform}:${event.workspaceExternalId}`,
          userId: event.userId,
          now: deps.clock.now(),
        });
        if (!begun.fresh) {
          log.info("duplicate event ignored", { platform: event.platform, kind: event.kind });
          return;
        }
        if (event.kind === "uninstalled") {
          await deps.store.workspaces.purge(`${event.platform}:${event.workspaceExternalId}`);
          log.info("workspace uninstalled and purged", { platform: event.platform });
          return;
        }
        const { workspace, member } = await identify(event, begun);
        ctx = contextFor(event, workspace, member);
        switch (event.kind) {
          case "command":
            await runCommand(ctx, event.text, event.command === "reflect" ? undefined : event.command);
            return;
          case "message":
            await onMessage(ctx, event);
            return;
          case "action":
            await onAction(ctx, event);
            return;
          case "installed":
            await ctx.send({ kind: "dm", userId: event.userId }, card(ctx.t("welcome.title"), text(ctx.t("welcome.installed")), context(ctx.t("help.footer"))), `welcome:${event.platform}:${event.eventId}`);
            return;
          case "home_opened": {
            await ctx.send({ kind: "home", userId: event.userId }, await homeCard(ctx), `home:${event.platform}:${event.eventId}`);
            return;
          }
          case "member_joined":
            return;
        }
      } catch (error) {
        const reference = deps.ids.short();
        log.error("event failed", { reference, kind: event.kind, platform: event.platform, error });
        if (ctx) {
          await ctx
            .reply(card(ctx.t("error.internal", { reference }), text(`:warning: ${ctx.t("error.internal", { reference })}`)))
            .catch(() => undefined);
        }
      }
    },
  };
}

