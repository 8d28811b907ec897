/**
 * Sending for the outbox worker through the Web API: posts (ephemeral where private, falling back
 * to the person's DM where the bot cannot post in the channel), card replacements (response_url
 * for ephemeral cards), modals for forms and uploads; channel rosters are roster.ts.
 */
import type { ConversationMember, Destination, FormRequest } from "../../src/core/adapter.ts";
import { hasInputs, type Card } from "../../src/core/card.ts";
import { BotError } from "../../src/core/errors.ts";
import type { MessageRef } from "../../src/core/events.ts";
import type { Logger } from "../../src/core/logger.ts";
import { slackErrorCode, type SlackApi } from "./api.ts";
import { cardToBlockKit, cardToModal } from "./render.ts";
import { createSlackRoster } from "./roster.ts";
import { createTierPacer, UNPACED } from "./tiers.ts";

export interface SlackSender {
  post(workspaceId: string, destination: Destination, card: Card): Promise<MessageRef>;
  update(workspaceId: string, ref: MessageRef, card: Card): Promise<void>;
  openDm(workspaceId: string, userId: string): Promise<string>;
  openForm(workspaceId: string, form: FormRequest): Promise<boolean>;
  listMembers(workspaceId: string, conversationId: string): Promise<ConversationMember[]>;
  personLocale(workspaceId: string, userId: string): Promise<string | null>;
}

/**
 * Slack's response URLs live on hooks.slack.com; a configured SLACK_API_URL (a proxy, the tests'
 * fake) is trusted the same. Anything else is never fetched, whatever a payload carried.
 */
export function responseUrlAllowed(url: string, apiUrl?: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === "https:" && u.hostname === "hooks.slack.com") return true;
    return apiUrl !== undefined && u.origin === new URL(apiUrl).origin;
  } catch {
    return false;
  }
}

export function createSlackSender(api: SlackApi, tokenFor: (workspaceId: string) => Promise<string>, log: Logger, apiUrl?: string, rateTiers = true): SlackSender {
  const tiers = rateTiers ? createTierPacer() : UNPACED;
  const roster = createSlackRoster({ api, tokenFor, tiers });
  // A person's DM channel does not change: opened once a day at most (conversations.open is Tier 3).
  const dms = new Map<string, { at: number; channel: string }>();

  async function postMessage(workspaceId: string, channel: string, card: Card): Promise<MessageRef> {
    const token = await tokenFor(workspaceId);
    const { text, blocks, uploads } = cardToBlockKit(card);
    const res = await api.call<{ ts: string; channel: string }>(token, "chat.postMessage", { channel, text, blocks });
    await upload(token, res.channel ?? channel, uploads);
    return { platform: "slack", conversationId: res.channel ?? channel, messageId: res.ts };
  }

  async function upload(token: string, channel: string, uploads: ReturnType<typeof cardToBlockKit>["uploads"]) {
    for (const u of uploads) {
      try {
        await api.client(token).filesUploadV2({ channel_id: channel, file: u.data, filename: u.filename, title: u.title });
      } catch (error) {
        // The text stands on its own; a failed chart or CSV upload is logged, not retried forever.
        log.warn("slack file upload failed", { filename: u.filename, error });
      }
    }
  }

  async function openDm(workspaceId: string, userId: string): Promise<string> {
    const key = `${workspaceId}:${userId}`;
    const cached = dms.get(key);
    if (cached && Date.now() - cached.at < 24 * 3_600_000) return cached.channel;
    const token = await tokenFor(workspaceId);
    const res = await tiers.run(token, "conversations.open", () => api.call<{ channel: { id: string } }>(token, "conversations.open", { users: userId }));
    dms.set(key, { at: Date.now(), channel: res.channel.id });
    return res.channel.id;
  }

  async function postToResponseUrl(url: string, body: Record<string, unknown>): Promise<void> {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new BotError("ADAPTER_SEND_FAILED", `Slack response_url: HTTP ${res.status}`, { retryable: res.status >= 500 });
  }

  async function postEphemeral(workspaceId: string, channel: string, userId: string, card: Card): Promise<MessageRef> {
    const token = await tokenFor(workspaceId);
    const { text, blocks, uploads } = cardToBlockKit(card);
    const res = await api.call<{ message_ts: string }>(token, "chat.postEphemeral", { channel, user: userId, text, blocks });
    if (uploads.length) await upload(token, await openDm(workspaceId, userId), uploads);
    return { platform: "slack", conversationId: channel, messageId: res.message_ts, extra: { ephemeral: "true" } };
  }

  return {
    async post(workspaceId: string, destination: Destination, card: Card): Promise<MessageRef> {
      switch (destination.kind) {
        case "conversation":
          return postMessage(workspaceId, destination.conversationId, card);
        case "dm": {
          let dm: string;
          try {
            dm = await openDm(workspaceId, destination.userId);
          } catch (error) {
            // Slack refuses a DM with this person (another organisation's member of a shared
            // channel, or a DM the workspace does not allow): show it to them alone in the channel.
            const refused = error instanceof BotError && !error.retryable;
            if (!destination.via || !refused) throw error;
            log.info("no DM with this person; inviting them privately in the channel", { reason: slackErrorCode(error) ?? "error" });
            return postEphemeral(workspaceId, destination.via, destination.userId, card);
          }
          return postMessage(workspaceId, dm, card);
        }
        case "email":
          throw new BotError("ADAPTER_SEND_FAILED", "email is sent by the mail sender, not the Slack adapter", { retryable: false });
        case "home": {
          const { blocks } = cardToBlockKit(card, { maxBlocks: 100 });
          await api.call(await tokenFor(workspaceId), "views.publish", { user_id: destination.userId, view: { type: "home", blocks } });
          return { platform: "slack", conversationId: `home:${destination.userId}`, messageId: "home" };
        }
        case "private": {
          // A reply that will be updated (progress): through the command's response_url, the only
          // way an ephemeral message can be replaced later.
          if (destination.replyUrl && responseUrlAllowed(destination.replyUrl, apiUrl)) {
            const { text, blocks, uploads } = cardToBlockKit(card);
            if (uploads.length === 0) {
              await postToResponseUrl(destination.replyUrl, { response_type: "ephemeral", replace_original: false, text, blocks });
              return { platform: "slack", conversationId: destination.conversationId, messageId: "response_url", extra: { ephemeral: "true", response_url: destination.replyUrl } };
            }
          }
          try {
            return await postEphemeral(workspaceId, destination.conversationId, destination.userId, card);
          } catch (error) {
            // The bot is not in that channel (or it is a DM the bot cannot see): answer in the bot's DM.
            if (["channel_not_found", "not_in_channel", "user_not_in_channel"].includes(slackErrorCode(error) ?? "")) {
              return postMessage(workspaceId, await openDm(workspaceId, destination.userId), card);
            }
            throw error;
          }
        }
      }
    },
    async update(workspaceId, ref, card) {
      const token = await tokenFor(workspaceId);
      const extra = ref.extra ?? {};
      const { text, blocks } = cardToBlockKit(card);
      if (extra.ephemeral === "true" && extra.response_url) {
        if (!responseUrlAllowed(extra.response_url, apiUrl)) throw new BotError("ADAPTER_SEND_FAILED", "Slack response_url is not on hooks.slack.com", { retryable: false });
        await postToResponseUrl(extra.response_url, { replace_original: true, text, blocks });
        return;
      }
      await api.call(token, "chat.update", { channel: ref.conversationId, ts: ref.messageId, text, blocks });
    },
    openDm,
    async openForm(workspaceId, form) {
      // A modal needs the trigger of the click or command, valid for 3 seconds: the core asks at
      // once, while handling the event. When Slack says no (expired, not allowed), the core shows
      // the form in the conversation instead.
      const submit = form.card.elements.flatMap((e) => (e.type === "buttons" ? e.buttons : [])).find((b) => b.submit);
      if (!hasInputs(form.card) || !submit) return false;
      const meta = {
        channel: form.source?.conversationId ?? form.conversationId,
        ts: form.source?.messageId ?? "",
        submitActionId: submit.actionId,
        ...(submit.value ? { submitValue: submit.value } : {}),
        // An ephemeral message (a shared channel's invitation) can only be replaced through its
        // response_url: the submitted form's thank-you needs it.
        ...(form.source?.extra?.ephemeral === "true" && form.source.extra.response_url ? { responseUrl: form.source.extra.response_url } : {}),
      };
      try {
        await api.call(await tokenFor(workspaceId), "views.open", { trigger_id: form.trigger, view: cardToModal(form.card, meta) });
        return true;
      } catch (error) {
        log.info("modal not opened; showing the form in the conversation", { reason: slackErrorCode(error) ?? "error" });
        return false;
      }
    },
    listMembers: (workspaceId, conversationId) => roster.listMembers(workspaceId, conversationId),
    personLocale: (workspaceId, userId) => roster.personLocale(workspaceId, userId),
  };
}
