/**
 * `/reflect pulse start [template] [for <partnership>] [to …] [closes in …] [every …] [confirm]`
 * (coordinator). `for` ties the round to a partnership: its trends compare that partnership's
 * earlier rounds, and its results show each side. The fatigue guard asks before the same
 * audience gets the same template again within the pulse cadence.
 */
import { reachLine } from "../results-card.ts";
import { inviteMessages, progressLine } from "../progress.ts";
import { buttons, card, context, heading, text } from "../../core/card.ts";
import { actionButton } from "../../core/actions.ts";
import { lookupPartnership } from "../../reviews/partner-lookup.ts";
import { pulseFatigue } from "../fatigue.ts";
import { pulseConfirmAction } from "../actions/pulse-confirm.ts";
import { formatDateTime } from "../../core/dates.ts";
import { errorCard } from "../../core/replies.ts";
import { DEFAULT_PULSE_DAYS, DEFAULT_TEMPLATE, startPulse } from "../start.ts";
import { audienceProblem, roundOptions } from "../round-options.ts";
import { pick } from "../templates.ts";
import type { HandlerContext } from "../../core/context.ts";
import type { Round } from "../../store/types.ts";
import { defineCommand } from "../../core/commands.ts";
import { COORDINATORS } from "../../core/roles.ts";
import { fail, partnershipName, phrase, parseAudience, parseDuration, type Audience, type Cursor, type Duration } from "../../core/grammar/options.ts";
import { isWord } from "../../core/grammar/tokens.ts";

/** What `/reflect pulse start` (or the pulse form) asks for. */
export interface PulseStartArgs {
  template?: string;
  /** The partnership's name as typed. */
  partnership?: string;
  audience: Audience;
  closesIn?: Duration;
  recurrence?: "monthly" | "quarterly";
  /** Start even inside the pulse cadence (the fatigue guard's "Start anyway"). */
  confirmed?: boolean;
}

const KEYWORDS = ["for", "to", "closes", "every", "confirm", "monthly", "quarterly"] as const;

/** What the "Start anyway" button carries: the options as typed, without the confirmation. */
const confirmPayload = ({ confirmed: _confirmed, ...options }: PulseStartArgs) => options;

/** Starts a pulse as asked; every failure is answered with what was wrong and the usage. */
export async function runPulseStart(ctx: HandlerContext, command: PulseStartArgs): Promise<void> {
  const { deps, t, workspace, event, member } = ctx;
  const key = command.template ?? DEFAULT_TEMPLATE;
  const template = deps.prompts.surveys.get(key);
  if (!template) {
    const available = [...deps.prompts.surveys.values()].map((s) => `\`${s.id}\` (${pick(s.title, t.locale)})`).join(", ");
    await ctx.reply(errorCard(ctx, t("pulse.unknown_template", { template: key, available }), "pulse"));
    return;
  }
  const partnership = command.partnership ? await lookupPartnership(ctx, command.partnership, "pulse") : null;
  if (command.partnership && !partnership) return;
  if (partnership?.archivedAt) {
    await ctx.reply(errorCard(ctx, t("pulse.archived", { partnership: partnership.name }), "pulse"));
    return;
  }
  const options = await roundOptions(ctx, command, DEFAULT_PULSE_DAYS, "pulse");
  if (!options) return;
  const { closesAt, audience } = options;
  if (!command.confirmed) {
    const fatigue = await pulseFatigue(deps, workspace, { templateId: template.id, audience, partnershipId: partnership?.id ?? null }, deps.clock.now());
    if (fatigue) {
      const title = t("pulse.fatigue", {
        title: pick(template.title, t.locale),
        days: fatigue.days,
        cadence: fatigue.cadence,
        ref: fatigue.last.ref,
        date: formatDateTime(fatigue.last.opensAt, member.timezone ?? workspace.timezone, t.locale),
      });
      await ctx.reply(
        card(
          title,
          text(`:hourglass: ${title}`),
          text(t("pulse.fatigue_why")),
          buttons(actionButton(pulseConfirmAction, { ...confirmPayload(command), audience }, { label: t("rubric.start_anyway") })),
          context(t("pulse.fatigue_hint")),
        ),
      );
      return;
    }
  }
  const title = (ref: string) =>
    partnership
      ? t("pulse.started_for", { title: pick(template.title, t.locale), partnership: partnership.name, ref })
      : t("pulse.started", { title: pick(template.title, t.locale), ref });
  // The confirmation is queued before the first invitation (beforeInvite), so a fan-out to
  // thousands never sits ahead of it; it is then updated in place as the invitations go out.
  const confirm = async ({ round, unreachable }: { round: Round; unreachable: number }) => {
    const confirmation = (progress?: { done: number; failed: number; total: number }) =>
      card(
        title(round.ref),
        heading(title(round.ref)),
        text(t("pulse.started_detail", { invited: round.invitedCount, closes: formatDateTime(closesAt, member.timezone ?? workspace.timezone, t.locale) })),
        context(reachLine(t, round)),
        progress ? text(progressLine(t, progress)) : undefined,
        unreachable > 0 ? text(`:warning: ${t("pulse.unreachable", { count: unreachable })}`) : undefined,
        command.recurrence ? context(t(command.recurrence === "monthly" ? "pulse.recurs_monthly" : "pulse.recurs_quarterly")) : undefined,
        context(t("pulse.started_footer", { ref: round.ref })),
      );
    await ctx.replyWithProgress(confirmation(), { prefix: `pulse:${round.id}:invite`, total: inviteMessages(round), render: confirmation });
  };
  const result = await startPulse(deps, {
    workspace,
    template,
    audience,
    partnershipId: partnership?.id ?? null,
    createdBy: member.userId,
    originChannelId: event.isDirect ? null : event.conversationId,
    opensAt: deps.clock.now(),
    closesAt,
    recurrence: command.recurrence ?? null,
    beforeInvite: confirm,
  });
  if ("problem" in result) {
    await ctx.reply(errorCard(ctx, audienceProblem(t, result), "pulse"));
    return;
  }
  const { round, unreachable } = result;
  await ctx.audit("pulse.start", round.id, { template: template.id, version: template.version, invited: round.invitedCount, unreachable });
}

export const pulseStartCommand = defineCommand({
  name: "pulse.start",
  path: ["pulse", "start"],
  area: "pulse",
  roles: COORDINATORS,
  parse(c: Cursor): PulseStartArgs {
    let template: string | undefined;
    let partnership: string | undefined;
    let audience: Audience = { channels: [], users: [] };
    let closesIn: Duration | undefined;
    let recurrence: "monthly" | "quarterly" | undefined;
    let confirmed = false;
    while (!c.done()) {
      const t = c.next()!;
      if (isWord(t, "for")) partnership = partnershipName(c.until(KEYWORDS), "pulse");
      else if (isWord(t, "confirm")) confirmed = true;
      else if (isWord(t, "to")) audience = parseAudience(c.until(KEYWORDS), "pulse");
      else if (isWord(t, "closes", "closing")) {
        if (isWord(c.peek(), "in")) c.next();
        closesIn = parseDuration(c.until(KEYWORDS), "pulse");
      } else if (isWord(t, "every")) {
        const what = phrase(c.until(KEYWORDS)).toLowerCase();
        if (["month", "monthly", "1m"].includes(what)) recurrence = "monthly";
        else if (["quarter", "quarterly", "3m", "3 months"].includes(what)) recurrence = "quarterly";
        else fail("pulse", "error.recurrence", { value: what || "(nothing)" });
      } else if (isWord(t, "monthly")) recurrence = "monthly";
      else if (isWord(t, "quarterly")) recurrence = "quarterly";
      else if (!template && (t.kind === "word" || t.kind === "quoted")) template = t.text;
      else if (t.kind === "channel" || t.kind === "user") fail("pulse", "error.audience_needs_to", { value: t.kind === "channel" ? `#${t.id}` : `@${t.id}` });
      else fail("pulse", "error.unexpected", { value: phrase([t]) });
    }
    return {
      ...(template ? { template } : {}),
      ...(partnership ? { partnership } : {}),
      audience,
      ...(closesIn ? { closesIn } : {}),
      ...(recurrence ? { recurrence } : {}),
      ...(confirmed ? { confirmed } : {}),
    };
  },
  handle: runPulseStart,
});
