/**
 * A person's overview, a small dashboard (Slack App Home; `/reflect home` on Teams and the
 * playground): the pulses and check-ins waiting for their answer and the results of rounds they
 * were part of; for coordinators, admins and leads the open rounds (coarse status only), overdue
 * actions, and (coordinators and admins) the reviews and renewals coming up. Whether someone answered is checked
 * with the round's participation code, as reminders do; nothing here is shown to anyone else.
 */
import { actionButton } from "../core/actions.ts";
import { pulseOpenAction } from "../surveys/actions/pulse-open.ts";
import { rubricOpenAction } from "../rubrics/actions/rubric-open.ts";
import { buttons, card, context, divider, heading, text, type Card, type CardElement } from "../core/card.ts";
import type { HandlerContext } from "../core/context.ts";
import { formatDateTime } from "../core/dates.ts";
import { personHash } from "../surveys/participation.ts";
import { addDays, todayIn } from "../reviews/dates.ts";
import { actionLine, reviewLine, withPartnership } from "../reviews/cards.ts";
import { openRoundCount } from "../surveys/open-count.ts";
import { addressees } from "../responses/round-results.ts";

export async function homeCard(ctx: HandlerContext): Promise<Card> {
  const { deps, t, workspace, member } = ctx;
  const zone = member.timezone ?? workspace.timezone;
  const waiting: CardElement[] = [];
  for (const kind of ["pulse", "rubric"] as const) {
    for (const round of await deps.store.rounds.list(workspace.id, { kind, status: "open" })) {
      if (!(await deps.store.rounds.isInvited(round.id, member.userId))) continue;
      const secret = await deps.store.rounds.secret(round.id);
      if (!secret || (await deps.store.responses.hasParticipated(round.id, personHash(secret, workspace.id, member.userId)))) continue;
      const partnership = round.partnershipId ? ((await deps.store.partnerships.get(round.partnershipId))?.name ?? "") : "";
      const label = kind === "pulse" ? t("home.pulse_waiting", { ref: round.ref }) : t("home.rubric_waiting", { partnership, ref: round.ref });
      waiting.push(text(`${label}\n${t("home.closes", { closes: formatDateTime(round.closesAt, zone, t.locale) })}`));
      waiting.push(
        buttons(
          kind === "pulse"
            ? actionButton(pulseOpenAction, { round: round.id }, { label: t("pulse.answer_now"), style: "primary" })
            : actionButton(rubricOpenAction, { round: round.id }, { label: t("rubric.rate_now"), style: "primary" }),
        ),
      );
    }
  }
  const elements: CardElement[] = [heading(t("home.title")), ...(waiting.length ? waiting : [text(t("home.nothing_waiting"))])];
  const today = todayIn(deps.clock.now(), workspace.timezone);
  const names = new Map((await deps.store.partnerships.list(workspace.id, { includeArchived: true })).map((p) => [p.id, p.name]));
  if (member.role === "admin" || member.role === "coordinator" || member.role === "lead") {
    // Open rounds with the coarse status only: the count of the start of today, as `status` shows.
    const open: string[] = [];
    for (const kind of ["pulse", "rubric"] as const) {
      for (const round of await deps.store.rounds.list(workspace.id, { kind, status: "open", limit: 10 })) {
        const what = round.partnershipId ? (names.get(round.partnershipId) ?? "") : t(kind === "pulse" ? "home.kind_pulse" : "home.kind_rubric");
        const closes = formatDateTime(round.closesAt, zone, t.locale);
        // Leads see no count of an open round at all (docs/PRIVACY.md, threat model).
        if (member.role === "lead") {
          open.push(`• ${t("home.open_line_lead", { ref: round.ref, what, closes })}`);
          continue;
        }
        const count = await openRoundCount(deps, workspace, round);
        open.push(`• ${t("home.open_line", { ref: round.ref, what, answered: count.answered, invited: count.invited, closes })}`);
      }
    }
    elements.push(divider(), text(`*${t("home.open_rounds")}*\n${open.length ? open.join("\n") : t("home.none")}`));
    const overdue = (await deps.store.actions.list(workspace.id, { status: "open" })).filter((a) => a.dueDate !== null && a.dueDate < today);
    elements.push(
      text(
        `*${t("home.overdue")}*\n${overdue.length ? overdue.map((a) => actionLine(t, a, a.partnershipId ? (names.get(a.partnershipId) ?? null) : null, today)).join("\n") : t("home.none")}`,
      ),
    );
  }
  if (member.role === "admin" || member.role === "coordinator") {
    const upcoming = withPartnership(await deps.store.reviews.listOpen(workspace.id, { dueOnOrBefore: addDays(today, 30) }), names);
    elements.push(
      text(
        `*${t("home.reviews")}*\n${upcoming.length ? upcoming.map(({ event, partnership }) => reviewLine(t, event, partnership, today)).join("\n") : t("review.list_empty", { days: 30 })}`,
      ),
    );
  }
  // Everyone: the results of recent rounds they were part of ("you said, we did").
  const mine: string[] = [];
  for (const kind of ["pulse", "rubric"] as const) {
    for (const round of await deps.store.rounds.list(workspace.id, { kind, status: "closed", limit: 5 })) {
      if (!(await addressees(deps, workspace, round)).some((a) => a.userId === member.userId)) continue;
      const what = round.partnershipId ? (names.get(round.partnershipId) ?? "") : t(kind === "pulse" ? "home.kind_pulse" : "home.kind_rubric");
      mine.push(`• ${t("home.result_line", { ref: round.ref, what })}`);
    }
  }
  if (mine.length) elements.push(divider(), text(`*${t("home.your_results")}*\n${mine.join("\n")}`));
  elements.push(context(t("help.footer")));
  return card(t("home.title"), ...elements);
}
