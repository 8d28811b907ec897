/**
 * A private way out for people reached only through a channel card (Teams members without a
 * personal chat with the bot): the form they see after pressing the card's button, which only
 * they see, also carries a single-use link to the web answer page, for a Teams client that cannot
 * show or submit the form in the card. The link's token is made at the press and stored hashed on
 * their invitation like an email link (a newer press replaces it); the page records the answer
 * under the same person id, so one answer per person holds across both ways.
 */
import { context, type Card } from "../core/card.ts";
import type { HandlerContext } from "../core/context.ts";
import { markup } from "../core/text.ts";
import { newLinkToken } from "../email/tokens.ts";
import type { Round } from "../store/types.ts";

export async function withBrowserLink(ctx: HandlerContext, round: Round, form: Card, organisation: string | null = null): Promise<Card> {
  // Only where the press is answered to this person alone (never a card others can see), and only
  // when people's browsers can reach the page.
  if (!ctx.event.directOnly || !ctx.deps.links.web) return form;
  const { token, hash } = newLinkToken();
  if (!(await ctx.deps.store.rounds.setToken(round.id, ctx.member.userId, hash, organisation))) return form;
  const url = `${ctx.deps.links.publicUrl}/answer/${token}`;
  return { ...form, elements: [...form.elements, context(ctx.t("answer.browser_link", { url: markup(url) }))] };
}
