/**
 * Invitations for channel members the bot cannot message privately, on platforms without
 * ephemeral messages (Teams): one card per channel, naming nobody, whose button shows each person
 * their own form. Answers are handled like everyone else's (invited list, participation code).
 */
import { buttons, card, context, inLanguage, type Card, type CardElement } from "../core/card.ts";
import { type BotDeps, channelTranslator } from "../core/context.ts";
import type { Translate, Translator } from "../core/i18n.ts";
import type { Invitee, Round, Workspace } from "../store/types.ts";

/** The channels whose channel-only invitees this platform reaches with one shared card. */
export function sharedChannels(deps: BotDeps, workspace: Workspace, invitees: Invitee[]): Set<string> {
  if (deps.directory.channelInvites(workspace.platform) !== "shared-card") return new Set();
  return new Set(invitees.filter((i) => i.channelId && !i.email).map((i) => i.channelId!));
}

/**
 * The person's invitation turned into the channel's: group lines and per-person buttons dropped
 * (the card is built with no organisation), only the open button kept, and a line saying the form
 * opens for the person who presses it alone.
 */
export function sharedInvitation(t: Translate, personal: Card, openActionPrefix: string): Card {
  const elements = personal.elements.flatMap((e): CardElement[] => {
    if (e.type !== "buttons") return [e];
    const open = e.buttons.filter((b) => b.actionId.startsWith(openActionPrefix));
    return open.length ? [buttons(...open)] : [];
  });
  return { ...card(personal.summary, ...elements, context(t("pulse.shared_invite_note"))), shared: true };
}

export async function postSharedInvitations(
  deps: BotDeps,
  workspace: Workspace,
  round: Round,
  channels: Set<string>,
  build: (t: Translator) => Card,
  reminder?: number,
): Promise<number> {
  let posted = 0;
  for (const channel of channels) {
    // A card for everyone in the channel: in the channel's language.
    const t = await channelTranslator(deps, workspace, channel);
    const fresh = await deps.outbox.post({
      workspaceId: workspace.id,
      platform: workspace.platform,
      destination: { kind: "conversation", conversationId: channel },
      card: inLanguage(build(t), t.locale),
      dedupeKey: `${round.kind}:${round.id}:${reminder ? `remind${reminder}` : "invite"}-channel:${channel}`,
    });
    if (fresh) posted++;
  }
  return posted;
}
