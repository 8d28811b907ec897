/**
 * Teams activities → the core's BotEvent, validated with zod. Pure: mention ids are returned
 * unresolved (Teams ids, "29:…"); the adapter maps them to the AAD object ids the bot stores.
 */
import { z } from "zod";
import type { ActionEvent, BotEvent, ConversationRemovedEvent, InstalledEvent, MessageEvent } from "../../src/core/events.ts";
import { ACTION_KEY, VALUE_KEY } from "./render.ts";

const account = z.object({ id: z.string().min(1).max(200), name: z.string().max(200).optional(), aadObjectId: z.string().max(100).optional() }).passthrough();

export const activitySchema = z
  .object({
    type: z.string().min(1).max(50),
    id: z.string().max(200).optional(),
    name: z.string().max(100).optional(),
    action: z.string().max(50).optional(),
    serviceUrl: z.string().url().max(500),
    channelId: z.string().max(50).optional(),
    from: account,
    recipient: account.optional(),
    conversation: z.object({ id: z.string().min(1).max(500), conversationType: z.string().max(30).optional(), tenantId: z.string().max(100).optional() }).passthrough(),
    text: z.string().max(30000).optional(),
    value: z.unknown().optional(),
    replyToId: z.string().max(200).optional(),
    /** The sender's client language (BCP 47, e.g. "ne-NP"); anything else is ignored. */
    locale: z.string().max(35).optional(),
    entities: z
      .array(z.object({ type: z.string(), mentioned: account.optional(), text: z.string().optional() }).passthrough())
      .max(50)
      .optional(),
    channelData: z
      .object({ tenant: z.object({ id: z.string().max(100) }).optional() })
      .passthrough()
      .optional(),
    membersAdded: z.array(account).max(1000).optional(),
    membersRemoved: z.array(account).max(1000).optional(),
  })
  .passthrough();
export type TeamsActivity = z.infer<typeof activitySchema>;

export const tenantOf = (a: TeamsActivity) => a.conversation.tenantId ?? a.channelData?.tenant?.id ?? "";
export const userIdOf = (a: TeamsActivity) => a.from.aadObjectId ?? a.from.id;
export const isPersonal = (a: TeamsActivity) => a.conversation.conversationType === "personal" || (!a.conversation.conversationType && !a.conversation.id.includes("@thread"));

/** A BCP 47 language tag as Teams sends it ("en-US", "ne-NP", "zh-Hant-TW"). */
const LOCALE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function origin(a: TeamsActivity, eventId: string) {
  const tenant = tenantOf(a);
  return {
    platform: "teams" as const,
    workspaceId: `teams:${tenant}`,
    workspaceExternalId: tenant,
    userId: userIdOf(a),
    ...(a.from.name ? { userName: a.from.name } : {}),
    ...(a.locale && LOCALE_TAG.test(a.locale) ? { locale: a.locale } : {}),
    conversationId: a.conversation.id,
    isDirect: isPersonal(a),
    eventId,
  };
}

/** Mentions of the bot are removed; other mentions become <@teamsId> for the grammar. */
export function normaliseText(a: TeamsActivity): { text: string; mentionedBot: boolean; mentionIds: string[] } {
  let text = a.text ?? "";
  let mentionedBot = false;
  const mentionIds: string[] = [];
  for (const e of a.entities ?? []) {
    if (e.type !== "mention" || !e.mentioned || !e.text) continue;
    if (a.recipient && e.mentioned.id === a.recipient.id) {
      mentionedBot = true;
      text = text.split(e.text).join(" ");
    } else {
      mentionIds.push(e.mentioned.id);
      text = text.split(e.text).join(` <@${e.mentioned.id}> `);
    }
  }
  text = text
    .replace(/<at>[^<]*<\/at>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return { text, mentionedBot, mentionIds };
}

const submitSchema = z.object({ [ACTION_KEY]: z.string().min(1).max(255), [VALUE_KEY]: z.string().max(2000).optional() }).passthrough();

function submitValues(data: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) {
    if (k === ACTION_KEY || k === VALUE_KEY || k === "msteams") continue;
    if (typeof v === "string") values[k] = v;
    else if (typeof v === "number" || typeof v === "boolean") values[k] = String(v);
  }
  return values;
}

export function activityToEvent(raw: unknown): BotEvent | null {
  const parsed = activitySchema.safeParse(raw);
  if (!parsed.success) return null;
  const a = parsed.data;
  if (!tenantOf(a)) return null;
  const eventId = `act:${a.id ?? `${a.conversation.id}:${a.type}:${a.replyToId ?? ""}`}`;
  // Action.Submit arrives as a message whose value is the button's data plus the inputs.
  const submit = a.type === "message" && a.value ? submitSchema.safeParse(a.value) : null;
  const execute =
    a.type === "invoke" && a.name === "adaptiveCard/action"
      ? z.object({ action: z.object({ verb: z.string().max(255).optional(), data: z.record(z.string(), z.unknown()).optional() }) }).safeParse(a.value)
      : null;
  if (submit?.success || execute?.success) {
    const data = (
      submit?.success
        ? submit.data
        : execute!.success
          ? { ...(execute!.data.action.data ?? {}), [ACTION_KEY]: execute!.data.action.data?.[ACTION_KEY] ?? execute!.data.action.verb }
          : {}
    ) as Record<string, unknown>;
    const actionId = typeof data[ACTION_KEY] === "string" ? (data[ACTION_KEY] as string) : "";
    if (!actionId) return null;
    const event: ActionEvent = {
      ...origin(a, eventId),
      kind: "action",
      actionId,
      ...(typeof data[VALUE_KEY] === "string" ? { value: data[VALUE_KEY] as string } : {}),
      values: submitValues(data),
      ...(a.replyToId ? { messageRef: { platform: "teams" as const, conversationId: a.conversation.id, messageId: a.replyToId } } : {}),
    };
    return event;
  }
  if (a.type === "message") {
    const { text, mentionedBot } = normaliseText(a);
    if (!text) return null;
    const event: MessageEvent = { ...origin(a, eventId), kind: "message", text, mentioned: mentionedBot || isPersonal(a) };
    return event;
  }
  if (a.type === "installationUpdate") {
    // Teams sends this when one person removes the app from their chat, or someone removes it
    // from one team or group chat: that conversation is forgotten, never the tenant's data.
    if (a.action?.startsWith("remove")) return { ...origin(a, eventId), kind: "conversation_removed" } satisfies ConversationRemovedEvent;
    if (a.action?.startsWith("add")) return { ...origin(a, eventId), kind: "installed" } satisfies InstalledEvent;
  }
  if (a.type === "conversationUpdate" && a.recipient && a.membersAdded?.some((m) => m.id === a.recipient!.id)) {
    return { ...origin(a, eventId), kind: "installed" } satisfies InstalledEvent;
  }
  return null;
}
