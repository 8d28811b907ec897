/**
 * What a handler gets: the event, the caller (with role and language), the workspace, and ways to
 * answer. Handlers never talk to a platform: replies go to the outbox; a form goes to the adapter
 * that can open it on its own surface, or into the conversation when none can.
 */
import type { ConversationMember, Destination, FormRequest } from "./adapter.ts";
import { type Card, inLanguage } from "./card.ts";
import type { Clock } from "./clock.ts";
import type { CommandRegistry } from "./commands.ts";
import type { BotEvent, Platform } from "./events.ts";
import { type I18n, speakerLanguages, type Translator } from "./i18n.ts";
import type { Ids } from "./ids.ts";
import type { Logger } from "./logger.ts";
import { type Outbox, roundScope } from "./outbox.ts";
import type { Prompts } from "./prompts/load.ts";
import { userText } from "./text.ts";
import type { Member, Store, Workspace } from "../store/types.ts";
import type { AdminUser } from "../config.ts";

/** Resolves channel members through the platform adapter (pulse and rubric audiences). */
interface Directory {
  listMembers(platform: Platform, workspaceId: string, conversationId: string): Promise<ConversationMember[]>;
  /** The language a person's client reports, where the platform can say (PlatformAdapter.personLocale). */
  personLocale(platform: Platform, workspaceId: string, userId: string): Promise<string | null>;
  /** How the platform reaches channel-only members (see PlatformAdapter.channelInvites). */
  channelInvites(platform: Platform): "ephemeral" | "shared-card";
}

/** Opens forms through the adapter of the event's platform; false when it could not. */
interface Forms {
  open(platform: Platform, workspaceId: string, form: FormRequest): Promise<boolean>;
  /** Answers the event with this trigger directly to the person who acted, where the platform can. */
  respond(platform: Platform, workspaceId: string, trigger: string, card: Card): Promise<boolean>;
}

/**
 * The translator for a post in a channel: the channel's own language (`/reflect channel
 * language`), else the workspace's.
 */
export async function channelTranslator(deps: Pick<BotDeps, "i18n" | "store">, workspace: Workspace, channelId: string): Promise<Translator> {
  return deps.i18n.forLocale(await deps.store.channels.language(workspace.id, channelId), workspace.locale);
}

/** Everything the core depends on; injected by app.ts (or by tests with fakes). */
export interface BotDeps {
  store: Store;
  clock: Clock;
  ids: Ids;
  logger: Logger;
  i18n: I18n;
  prompts: Prompts;
  outbox: Outbox;
  directory: Directory;
  forms: Forms;
  adminUsers: AdminUser[];
  /** Updates a reply in place as a fan-out goes out (see src/outbox/progress.ts). */
  progress: { track(input: ProgressTrack): void };
  /**
   * Links the bot sends (the web answer page), whether it can send email at all, and whether the
   * page is reachable from people's browsers (PUBLIC_URL set), so a link may be offered in chat.
   */
  links: { publicUrl: string; email: boolean; web: boolean };
}

/** A fan-out whose progress a reply shows. */
export interface ProgressTrack {
  workspaceId: string;
  platform: Platform;
  replyKey: string;
  prefix: string;
  total: number;
  render(progress: { done: number; failed: number; total: number }): Card;
}

/** Fewer messages than this go out in seconds: no progress is shown for them. */
export const PROGRESS_MIN = 50;

export interface ReplyOptions {
  /** The round a reply is about (a partner's click on an invitation, form or thank-you). */
  about?: { kind: string; id: string };
}

export interface HandlerContext {
  deps: BotDeps;
  event: BotEvent;
  workspace: Workspace;
  member: Member;
  /** Translator in the caller's language. */
  t: Translator;
  /** Every command, for help and for the usage lines shown with errors. */
  commands: CommandRegistry;
  /**
   * Answers the caller privately where they acted (ephemeral in a channel, or in the DM). Replies
   * are transient: deleted from the outbox once delivered. `about` a round files the reply under
   * the round's outbox scope, so closing the round deletes it even if it was never delivered.
   */
  reply(card: Card, options?: ReplyOptions): Promise<void>;
  /** Posts a card anywhere in this workspace, deduplicated by key. */
  send(destination: Destination, card: Card, dedupeKey: string, options?: { transient?: boolean }): Promise<boolean>;
  /** Replaces the card the action came from (a submitted form becomes its confirmation); transient like replies. */
  replaceSource(card: Card, options?: ReplyOptions): Promise<void>;
  /**
   * Asks for a form: on its own surface when the platform can open one with this event's trigger
   * (a Slack modal), otherwise in place of the card the action came from, or as a reply.
   */
  openForm(card: Card, options?: ReplyOptions): Promise<void>;
  /**
   * Replies, then updates that reply in place as the messages under `prefix` go out (at most every
   * few seconds), when there are enough of them for it to matter.
   */
  replyWithProgress(card: Card, progress: { prefix: string; total: number; render: ProgressTrack["render"] }, options?: ReplyOptions): Promise<void>;
  audit(action: string, target?: string | null, detail?: Record<string, unknown>): Promise<void>;
}

const scopeOf = (options?: ReplyOptions): string => (options?.about ? roundScope(options.about) : "");

/** Builds the context of one event (bot.ts calls this once the caller is known). */
export function createHandlerContext(deps: BotDeps, commands: CommandRegistry, event: BotEvent, workspace: Workspace, member: Member): HandlerContext {
  const t = deps.i18n.forLocale(...speakerLanguages(member), workspace.locale);
  const chrome = { cancel: t("common.cancel"), choose: t("common.choose") };
  let replies = 0;
  // Where no private answer is possible in a channel (Teams), only this notice is posted there.
  const notice = t("reply.private_elsewhere", { name: userText(member.displayName || t("reply.someone")) });
  const replyDestination: Destination = event.isDirect
    ? { kind: "conversation", conversationId: event.conversationId }
    : { kind: "private", conversationId: event.conversationId, userId: event.userId, notice };
  /** A button press the platform waits on (Teams Action.Execute) is answered in place, to that person only. */
  const answerDirectly = async (card: Card): Promise<boolean> => {
    if (event.trigger === undefined || event.kind !== "action") return false;
    if (await deps.forms.respond(event.platform, workspace.id, event.trigger, card).catch(() => false)) return true;
    if (!event.directOnly) return false;
    // Too late to answer in place: editing the shared card or posting a notice would show
    // everyone in the channel who pressed it, and when.
    deps.logger.warn("a direct answer came too late and was dropped", { platform: event.platform });
    return true;
  };
  const ctx: HandlerContext = {
    deps,
    event,
    workspace,
    member,
    t,
    commands,
    async reply(shown, options) {
      // Written in the caller's language unless the handler said otherwise (renderers set lang and dir).
      const card = inLanguage(shown, t.locale, chrome);
      if (await answerDirectly(card)) return;
      replies += 1;
      await deps.outbox.post({
        workspaceId: workspace.id,
        platform: event.platform,
        destination: replyDestination,
        card,
        dedupeKey: `${scopeOf(options)}reply:${event.platform}:${event.eventId}:${replies}`,
        transient: true,
        // The person who acted is waiting: never behind invitations or reminders.
        lane: "reply",
      });
    },
    send(destination, card, dedupeKey, options) {
      return deps.outbox.post({ workspaceId: workspace.id, platform: event.platform, destination, card, dedupeKey, ...(options?.transient ? { transient: true } : {}) });
    },
    async replaceSource(shown, options) {
      const card = inLanguage(shown, t.locale, chrome);
      if (await answerDirectly(card)) return;
      if (event.kind !== "action" || !event.messageRef) {
        await ctx.reply(card, options);
        return;
      }
      await deps.outbox.update({
        workspaceId: workspace.id,
        platform: event.platform,
        ref: event.messageRef,
        card,
        dedupeKey: `${scopeOf(options)}update:${event.platform}:${event.eventId}`,
        transient: true,
        lane: "reply",
      });
    },
    async openForm(shown, options) {
      const card = inLanguage(shown, t.locale, chrome);
      if (event.trigger) {
        const source = event.kind === "action" ? event.messageRef : undefined;
        const opened = await deps.forms
          .open(event.platform, workspace.id, { trigger: event.trigger, card, conversationId: event.conversationId, ...(source ? { source } : {}) })
          .catch(() => false);
        if (opened) return;
      }
      await ctx.replaceSource(card, options);
    },
    async replyWithProgress(shown, progress, options) {
      const card = inLanguage(shown, t.locale, chrome);
      if (progress.total < PROGRESS_MIN) return ctx.reply(card, options);
      replies += 1;
      const replyKey = `${scopeOf(options)}reply:${event.platform}:${event.eventId}:${replies}`;
      // Posted where it can be replaced later (a Slack command's response_url), and kept until
      // sent (not transient) so its reference is known to the updates.
      const destination: Destination = replyDestination.kind === "private" && event.replyUrl ? { ...replyDestination, replyUrl: event.replyUrl } : replyDestination;
      await deps.outbox.post({ workspaceId: workspace.id, platform: event.platform, destination, card, dedupeKey: replyKey, lane: "reply" });
      deps.progress.track({ workspaceId: workspace.id, platform: event.platform, replyKey, prefix: progress.prefix, total: progress.total, render: progress.render });
    },
    async audit(action, target, detail) {
      await deps.store.audit.record({ workspaceId: workspace.id, actor: member.userId, action, target: target ?? null, detail: detail ?? null }, deps.clock.now());
    },
  };
  return ctx;
}
