/** Renders gated pulse results as a card. Only `PulseResults` (already gated) reaches this file. */
import { card, context, divider, fields, heading, text, type Card, type CardElement } from "../core/card.ts";
import { formatDateTime } from "../core/dates.ts";
import { effectiveThreshold } from "../core/gate.ts";
import type { Translate } from "../core/i18n.ts";
import type { PulseResults } from "./results.ts";

export const fmtMean = (n: number) => n.toFixed(1);
export function fmtChange(change: number | null): string {
  if (change === null) return "";
  if (Math.abs(change) < 0.05) return " (→ 0.0)";
  return change > 0 ? ` (↑ ${change.toFixed(1)})` : ` (↓ ${Math.abs(change).toFixed(1)})`;
}
const bar = (counts: number[]) => counts.map((c, i) => `${i + 1}:${c}`).join("  ");
const pct = (a: number, b: number) => (b > 0 ? Math.round((100 * a) / b) : 0);

export function resultsCard(t: Translate & { locale: string }, r: PulseResults, zone: string): Card {
  const title = t("pulse.results_title", { title: r.title, ref: r.round.ref });
  const rate = t("pulse.response_rate", { respondents: r.respondents, invited: r.invited, percent: pct(r.respondents, r.invited) });
  const threshold = effectiveThreshold(r.threshold);
  if (!r.closed) {
    const closes = formatDateTime(r.round.closesAt, zone, t.locale);
    const message = r.decision.visible
      ? t("pulse.results_when_closed", { closes, threshold })
      : t("pulse.results_open_needed", { needed: r.decision.needed, threshold, closes });
    return card(title, heading(title), text(rate), text(`:lock: ${message}`));
  }
  if (!r.decision.visible) {
    return card(title, heading(title), text(rate), text(`:lock: ${t("pulse.results_withheld", { needed: r.decision.needed, threshold })}`));
  }
  const elements: CardElement[] = [heading(title), text(rate)];
  if (r.qualities.length > 0) {
    elements.push(text(`*${t("pulse.by_quality")}*`));
    elements.push(fields(r.qualities.map((q) => [t(`quality.${q.quality as "equitable"}`), `${fmtMean(q.mean)} / 5${fmtChange(q.change)}`])));
  }
  if (r.questions.length > 0) {
    elements.push(divider(), text(`*${t("pulse.by_question")}*`));
    for (const q of r.questions) {
      const extra = q.preferNot > 0 ? ` · ${t("pulse.prefer_not_count", { count: q.preferNot })}` : "";
      elements.push(text(`*${fmtMean(q.mean)}*${fmtChange(q.change)}  ${q.label}\n\`${bar(q.counts)}\`${extra}`));
    }
  }
  if (r.withheldQuestions > 0) elements.push(context(t("pulse.questions_withheld", { count: r.withheldQuestions, threshold })));
  if (r.comments?.visible) {
    elements.push(divider(), text(`*${t("pulse.comments")}*`));
    for (const c of r.comments.texts) elements.push(text(`> ${c.replace(/\n/g, "\n> ")}`));
  } else if (r.comments && !r.comments.visible) {
    elements.push(context(t("pulse.comments_withheld", { needed: r.comments.needed })));
  }
  elements.push(context(r.previousRef ? t("pulse.compared_with", { ref: r.previousRef }) : t("pulse.no_previous")));
  return { summary: title, elements };
}

export function statusCard(t: Translate & { locale: string }, r: PulseResults, zone: string, unreachable: number): Card {
  const title = t("pulse.status_title", { title: r.title, ref: r.round.ref });
  const state = r.round.status === "open" ? t("pulse.state_open", { closes: formatDateTime(r.round.closesAt, zone, t.locale) }) : t("pulse.state_closed");
  return card(
    title,
    heading(title),
    fields([
      [t("pulse.status_state"), state],
      [t("pulse.status_answered"), t("pulse.response_rate", { respondents: r.respondents, invited: r.invited, percent: pct(r.respondents, r.invited) })],
      [t("pulse.status_threshold"), String(effectiveThreshold(r.threshold))],
    ]),
    unreachable > 0 ? context(t("pulse.unreachable", { count: unreachable })) : undefined,
    context(t("pulse.status_counts_only")),
  );
}
