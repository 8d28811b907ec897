/** The weekly summary as a card: worth reading in one minute, text that stands without the chart. */
import { userText } from "../core/text.ts";
import { card, context, heading, text, type Card, type CardElement } from "../core/card.ts";
import { effectiveThreshold } from "../core/gate.ts";
import type { Translator } from "../core/i18n.ts";
import { showDate } from "../reviews/dates.ts";
import { actionLine, kindLabel, when } from "../reviews/cards.ts";
import { fmtChange, fmtMean } from "../surveys/results-card.ts";
import { levelLabel } from "../rubrics/definitions.ts";
import { trendArrow } from "../rubrics/consensus.ts";
import { isQuiet, type SummaryData } from "./build.ts";

type T = Translator;
const pct = (a: number, b: number) => (b > 0 ? Math.round((100 * a) / b) : 0);

function summaryCard(t: T, d: SummaryData, chartPng: Buffer | null): Card | null {
  const title = t("summary.title", { from: showDate(d.from.toISOString().slice(0, 10), t.locale), to: showDate(d.today, t.locale) });
  if (isQuiet(d)) {
    if (d.workspace.quietWeek === "skip") return null;
    return card(title, heading(title), text(t("summary.quiet")));
  }
  const threshold = effectiveThreshold(d.workspace.threshold);
  const el: CardElement[] = [heading(title)];

  const closedRounds = [
    ...d.pulses.map((p) => ({ ref: p.round.ref, title: p.title, respondents: p.respondents, invited: p.invited })),
    ...d.rubrics.map((r) => ({ ref: r.round.ref, title: r.partnership, respondents: r.respondents, invited: r.invited })),
  ];
  if (d.opened.length || closedRounds.length) {
    const lines = [
      ...d.opened.map((o) => `• ${t("summary.opened", { title: o.partnership ? `${o.title}: ${o.partnership}` : o.title, ref: o.round.ref, invited: o.round.invitedCount })}`),
      ...closedRounds.map(
        (c) => `• ${t("summary.closed", { title: c.title, ref: c.ref, respondents: c.respondents, invited: c.invited, percent: pct(c.respondents, c.invited) })}`,
      ),
    ];
    el.push(text(`*${t("summary.section_rounds")}*\n${lines.join("\n")}`));
  }

  if (d.pulses.length) {
    const lines: string[] = [];
    for (const p of d.pulses) {
      if (!p.decision.visible) {
        lines.push(`• ${p.title} (${p.round.ref}): ${t("summary.hidden", { needed: p.decision.needed, threshold: effectiveThreshold(p.threshold) })}`);
        continue;
      }
      const qualities = p.qualities.map((q) => `${t(`quality.${q.quality as "equitable"}`)} ${fmtMean(t, q.mean)}${fmtChange(t, q.change)}`).join(" · ");
      const moved = p.questions
        .filter((q) => q.change !== null)
        .sort((a, b) => Math.abs(b.change!) - Math.abs(a.change!))
        .slice(0, 3);
      lines.push(`• ${p.title} (${p.round.ref}): ${qualities || t("summary.no_visible")}`);
      if (moved.length) lines.push(`  ${t("summary.biggest_changes")}: ${moved.map((q) => `${q.label.replace(/\.$/, "")}${fmtChange(t, q.change)}`).join("; ")}`);
    }
    el.push(text(`*${t("summary.section_results")}*\n${lines.join("\n")}`));
  }

  if (d.rubrics.length) {
    const lines: string[] = [];
    for (const r of d.rubrics) {
      if (!r.decision.visible) {
        lines.push(`• ${userText(r.partnership)} (${r.round.ref}): ${t("summary.hidden", { needed: r.decision.needed, threshold: effectiveThreshold(r.threshold) })}`);
        continue;
      }
      const moved = r.elements
        .filter((e) => e.trend === "up" || e.trend === "down")
        .map((e) => `${e.label} ${trendArrow(e.trend)} ${levelLabel(r.rubric, e.compilation.consensus!, t.locale)}`);
      const diverge = r.elements.filter((e) => e.compilation.divergent).map((e) => e.label);
      const parts = [moved.length ? `${t("summary.moved")}: ${moved.join(", ")}` : null, diverge.length ? `${t("summary.diverge")}: ${diverge.join(", ")}` : null].filter(Boolean);
      lines.push(`• ${userText(r.partnership)} (${r.round.ref}): ${parts.length ? parts.join("; ") : t("summary.steady")}`);
    }
    el.push(text(`*${t("summary.section_rubrics")}*\n${lines.join("\n")}`));
  }

  if (d.actions.length) {
    el.push(
      text(
        `*${t("summary.section_actions")}*\n${d.actions
          .slice(0, 10)
          .map((a) => `• ${actionLine(t, a.action, a.partnership, d.today)}`)
          .join("\n")}${d.actions.length > 10 ? `\n${t("summary.more", { count: d.actions.length - 10 })}` : ""}`,
      ),
    );
  }
  if (d.reviews.length) {
    el.push(
      text(
        `*${t("summary.section_reviews")}*\n${d.reviews
          .slice(0, 10)
          .map(
            (r) =>
              `• ${kindLabel(t, r.event)}: ${r.partnership === null ? t("review.portfolio") : userText(r.partnership)} · ${showDate(r.event.dueDate, t.locale)} (${when(t, r.event.dueDate, d.today)})`,
          )
          .join("\n")}${d.reviews.length > 10 ? `\n${t("summary.more", { count: d.reviews.length - 10 })}` : ""}`,
      ),
    );
  }
  if (d.owed.length) {
    el.push(
      text(
        `*${t("summary.section_owed")}*\n${d.owed
          .slice(0, 10)
          .map((o) => `• \`${o.round.ref}\` ${userText(o.title)}${o.partnership ? ` · ${userText(o.partnership)}` : ""}: \`/reflect respond ${o.round.ref}\``)
          .join("\n")}${d.owed.length > 10 ? `\n${t("summary.more", { count: d.owed.length - 10 })}` : ""}`,
      ),
    );
  }
  if (chartPng) el.push({ type: "image", url: `data:image/png;base64,${chartPng.toString("base64")}`, alt: t("summary.chart_alt") });
  el.push(context(t("summary.footer", { threshold })));
  return { summary: title, elements: el };
}

/** Draws the chart (vega loads lazily: most processes never draw one) and builds the card. */
export async function renderSummary(t: T, d: SummaryData): Promise<Card | null> {
  const { renderChart } = await import("./chart.ts");
  const png = await renderChart(d.chart, { qualities: t("summary.chart_qualities"), elements: t("summary.chart_elements") });
  return summaryCard(t, d, png);
}
