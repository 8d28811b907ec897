/**
 * The conversation core: takes one BotEvent from any adapter, deduplicates it, finds the caller's
 * workspace, role and language, checks the role, and runs the command or action spec. Features
 * (surveys, rubrics, reviews, summaries, workspace) hand their specs in through `createBot`: the
 * core imports none of them. Nothing here knows which platform the event came from.
 */
import { createActionRegistry, type AnyAction } from "./actions.ts";
import { card, context, text, type Card } from "./card.ts";
import { type AnyCommand, createCommandRegistry } from "./commands.ts";
import { type BotDeps, createHandlerContext, type HandlerContext } from "./context.ts";
import { type ActionEvent, type BotEvent, cleanEvent, type MessageEvent } from "./events.ts";
import { errorCard } from "./replies.ts";
import { platformLanguage } from "./i18n.ts";
import type { Role } from "./roles.ts";
import { joinMarkup, markup, mention } from "./text.ts";
import type { Member, Workspace } from "../store/types.ts";

export interface Bot {
  /** Handles one event. Never throws: failures are logged and the caller gets an apology. */
  handle(event: BotEvent): Promise<void>;
}

/** What the features give the core: their commands, their actions and the person's overview. */
export interface Features {
  commands: readonly AnyCommand[];
  actions: readonly AnyAction[];
  /** The App Home card (Slack) of the person in the context. */
  home(ctx: HandlerContext): Promise<Card>;
}

export function createBot(deps: BotDeps, features: Features): Bot {
  const commands = createCommandRegistry(features.commands);
  const actions = createActionRegistry(features.actions);
  const log = deps.logger.child({ component: "core" });

  async function identify(event: BotEvent, known: { workspace: Workspace | null; member: Member | null }): Promise<{ workspace: Workspace; member: Member }> {
    // An install names the workspace (Slack's team name); admins type that name to confirm a deletion.
    const named = event.kind === "installed" && event.workspaceName ? { name: event.workspaceName } : {};
    let workspace =
      known.workspace && !("name" in named && named.name !== known.workspace.name)
        ? known.workspace
        : await deps.store.workspaces.ensure({ platform: event.platform, externalId: event.workspaceExternalId, ...named });
    // Any event from a workspace marked "uninstalled" means the app is back: keep its data.
    if (workspace.deletion?.reason === "uninstalled" && (await deps.store.workspaces.cancelDeletion(workspace.id, "uninstalled"))) {
      workspace = { ...workspace, deletion: null };
      await deps.store.audit.record({ workspaceId: workspace.id, actor: "system", action: "workspace.reinstalled" }, deps.clock.now());
    }
    // Names are refreshed from commands and messages only: a click on a pulse must not rewrite the
    // person's row at the moment they answer (DESIGN.md §3 rule 10).
    const name = event.kind === "command" || event.kind === "message" ? event.userName : undefined;
    let member = known.member && (!name || known.member.displayName === name) ? known.member : await deps.store.members.ensure(workspace.id, event.userId, name);
    member = await rememberPlatformLanguage(event, workspace, member);
    const bootstrap = deps.adminUsers.some((a) => a.platform === event.platform && a.workspaceExternalId === event.workspaceExternalId && a.userId === event.userId);
    // The installer becomes admin only of a workspace that never had one: in Teams anyone can
    // install the app for themselves, and reinstalling must not make anyone admin.
    const firstInstaller = event.kind === "installed" && !workspace.hadAdmin && (await deps.store.members.countByRole(workspace.id, "admin")) === 0;
    if ((bootstrap || firstInstaller) && member.role !== "admin") {
      member = await deps.store.members.setRole(workspace.id, event.userId, "admin");
      await deps.store.audit.record(
        { workspaceId: workspace.id, actor: "system", action: "role.bootstrap", target: event.userId, detail: { source: bootstrap ? "ADMIN_USERS" : "installer" } },
        deps.clock.now(),
      );
    }
    return { workspace, member };
  }

  /**
   * The language the person's client reports: Teams sends it with every activity; Slack is asked
   * through the adapter (once a day at most) while none is known. Written on commands, messages
   * and installs only: a click on a pulse must not rewrite the person's row at the moment they
   * answer (DESIGN.md §3 rule 10). Their own `/reflect language` choice still wins (i18n.ts).
   */
  async function rememberPlatformLanguage(event: BotEvent, workspace: Workspace, member: Member): Promise<Member> {
    if (event.kind !== "command" && event.kind !== "message" && event.kind !== "installed") return member;
    const reported = platformLanguage(
      deps.i18n,
      event.locale ?? (member.platformLocale === null ? await deps.directory.personLocale(event.platform, workspace.id, event.userId).catch(() => null) : null),
    );
    if (!reported || reported === member.platformLocale) return member;
    return deps.store.members.update(workspace.id, event.userId, { platformLocale: reported });
  }

  /** The one refusal, for commands and actions alike: the roles that may, and who can grant them. */
  async function refuse(ctx: HandlerContext, what: string, allowed: readonly Role[]): Promise<void> {
    const { t } = ctx;
    const admins = await deps.store.members.list(ctx.workspace.id, { role: "admin" });
    const roles = t.list(
      allowed.map((r) => t(`role.${r}`)),
      "disjunction",
    );
    const message = t("role.refused", { command: markup(what), roles: markup(roles), yours: markup(t(`role.${ctx.member.role}`)) });
    const example = markup(`/reflect role ${mention(ctx.member.userId).markup} ${allowed.includes("coordinator") ? "coordinator" : allowed[0]}`);
    const who = admins.length ? t("role.ask_admin", { admins: joinMarkup(admins.map((a) => mention(a.userId))), example }) : t("role.no_admin");
    await ctx.reply(card(message, text(`:lock: ${message}`), context(who)));
  }

  async function runCommand(ctx: HandlerContext, input: string, shortcut?: "pulse" | "rubric"): Promise<void> {
    const matched = commands.match(input, shortcut);
    if (!matched.ok) {
      const message = deps.i18n.dynamic(ctx.t.locale, matched.error.key, matched.error.params);
      await ctx.reply(errorCard(ctx, message, matched.error.area));
      return;
    }
    const { spec, args } = matched;
    if (!spec.roles.includes(ctx.member.role)) {
      await refuse(ctx, `/reflect ${spec.name.replace(/\./g, " ")}`, spec.roles);
      return;
    }
    log.info("command", { workspace: ctx.workspace.id, command: spec.name, role: ctx.member.role });
    await spec.handle(ctx, args);
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
    const decoded = actions.decode(event);
    if (!decoded.ok) {
      log.warn(decoded.reason === "invalid" ? "invalid action payload" : "unknown action", { action: (decoded.name ?? event.actionId).slice(0, 80) });
      await ctx.reply(errorCard(ctx, ctx.t("error.unknown_action")));
      return;
    }
    if (!decoded.spec.roles.includes(ctx.member.role)) {
      const what = decoded.spec.command ? `/reflect ${decoded.spec.command.replace(/\./g, " ")}` : ctx.t("role.this_button");
      await refuse(ctx, what, decoded.spec.roles);
      return;
    }
    await decoded.spec.handle(ctx, decoded.payload, event);
  }

  /** Platform bookkeeping that never touches the workspace's data; true when the event was one. */
  async function bookkeeping(event: BotEvent, known: Workspace | null): Promise<boolean> {
    if (event.kind === "uninstalled") {
      // No data is ever deleted by a platform event: the workspace is marked for deletion after
      // its grace period, and reinstalling within it keeps everything.
      const workspace = known ?? (await deps.store.workspaces.ensure({ platform: event.platform, externalId: event.workspaceExternalId }));
      const after = new Date(deps.clock.now().getTime() + workspace.deletionGraceDays * 86_400_000);
      const marked = await deps.store.workspaces.markForDeletion(workspace.id, "uninstalled", after);
      const deleteAfter = marked.deletion?.after.toISOString() ?? null;
      await deps.store.audit.record({ workspaceId: workspace.id, actor: "system", action: "workspace.uninstalled", detail: { deleteAfter } }, deps.clock.now());
      log.info("workspace uninstalled; data kept until the grace period ends", { platform: event.platform, deleteAfter });
      return true;
    }
    if (event.kind === "conversation_removed" || event.kind === "tokens_revoked") {
      // The adapter forgot the conversation or dropped the token; there is nothing else to do.
      log.info("platform bookkeeping", { platform: event.platform, kind: event.kind });
      return true;
    }
    return false;
  }

  return {
    async handle(received) {
      const event = cleanEvent(received);
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
        if (await bookkeeping(event, begun.workspace)) return;
        const { workspace, member } = await identify(event, begun);
        ctx = createHandlerContext(deps, commands, event, workspace, member);
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
            await ctx.send(
              { kind: "dm", userId: event.userId },
              card(ctx.t("welcome.title"), text(ctx.t("welcome.installed")), context(ctx.t("help.footer"))),
              `welcome:${event.platform}:${event.eventId}`,
            );
            return;
          case "home_opened":
            // App Home lists a person's waiting rounds, so it says whether they answered: transient.
            await ctx.send({ kind: "home", userId: event.userId }, await features.home(ctx), `home:${event.platform}:${event.eventId}`, { transient: true });
            return;
          default:
            return;
        }
      } catch (error) {
        const reference = deps.ids.short();
        log.error("event failed", { reference, kind: event.kind, platform: event.platform, error });
        if (ctx) {
          const message = ctx.t("error.internal", { reference: markup(reference) });
          await ctx.reply(card(message, text(`:warning: ${message}`))).catch(() => undefined);
        }
      }
    },
  };
}
