/**
 * A person's overview (Slack App Home): the pulses and check-ins waiting for their answer, and for
 * coordinators and admins the reviews and renewals coming up. Whether someone answered is checked
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
import { reviewLine, withPartnership } from "../reviews/cards.ts";

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
  if (member.role === "admin" || member.role === "coordinator") {
    const today = todayIn(deps.clock.now(), workspace.timezone);
    const names = new Map((await deps.store.partnerships.list(workspace.id)).map((p) => [p.id, p.name]));
    const upcoming = withPartnership(await deps.store.reviews.listOpen(workspace.id, { dueOnOrBefore: addDays(today, 30) }), names);
    elements.push(
      divider(),
      text(
        `*${t("home.reviews")}*\n${upcoming.length ? upcoming.map(({ event, partnership }) => reviewLine(t, event, partnership, today)).join("\n") : t("review.list_empty", { days: 30 })}`,
      ),
    );
  }
  elements.push(context(t("help.footer")));
  return card(t("home.title"), ...elements);
}
