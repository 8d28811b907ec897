/** Renders gated rubric results, status and history as cards. */
import { userText } from "../core/text.ts";
import { card, context, divider, heading, text, type Card, type CardElement } from "../core/card.ts";
import { formatDateTime } from "../core/dates.ts";
import { effectiveThreshold } from "../core/gate.ts";
import type { Translator } from "../core/i18n.ts";
import type { RubricDefinition } from "../core/prompts/schemas.ts";
import { trendArrow } from "./consensus.ts";
import { levelLabel } from "./definitions.ts";
import { pick as pickLabel } from "../surveys/templates.ts";
import type { RubricResults } from "./results.ts";

type T = Translator;

const distribution = (t: T, rubric: RubricDefinition, d: Record<string, number>, dontKnow: number) =>
  [...rubric.levels.map((l) => `${levelLabel(rubric, l.key, t.locale)} ${t.number(d[l.key] ?? 0)}`), ...(dontKnow ? [`${t("rubric.dont_know")} ${t.number(dontKnow)}`] : [])].join(
    " · ",
  );

/** Each organisation's compiled view, and the elements they see differently: topics to discuss. */
function organisationElements(t: T, r: RubricResults): CardElement[] {
  const o = r.byOrganisation!;
  const label = (key: string) => r.rubric.elements.find((e) => e.key === key)!.label;
  const out: CardElement[] = [divider(), text(`*${t("rubric.org_views_title")}*`)];
  for (const view of o.organisations) {
    if (!view.decision.visible) {
      out.push(context(t("rubric.org_view_withheld", { organisation: view.organisation, threshold: effectiveThreshold(r.threshold) })));
      continue;
    }
    const line = r.rubric.elements
      .filter((e) => view.consensus[e.key])
      .map((e) => `${pickLabel(label(e.key), t.locale)} ${levelLabel(r.rubric, view.consensus[e.key]!, t.locale)}`)
      .join(" · ");
    out.push(text(`*${userText(view.organisation)}*: ${line || t("rubric.org_view_none")}`));
  }
  if (o.divergent.length > 0) {
    const lines = o.divergent.map(
      (d) => `• *${pickLabel(label(d.element), t.locale)}*: ${d.views.map((v) => `${userText(v.organisation)} ${levelLabel(r.rubric, v.level, t.locale)}`).join(" · ")}`,
    );
    out.push(text(`*${t("rubric.org_divergent_title")}*\n${lines.join("\n")}`));
  }
  return out;
}

export function rubricResultsCard(t: T, r: RubricResults, zone: string): Card {
  const title = t("rubric.results_title", { partnership: r.partnership, ref: r.round.ref });
  const count =
    r.round.mode === "collective"
      ? t("rubric.orgs_answered", { count: r.respondents })
      : t("pulse.response_rate", { respondents: r.respondents, invited: r.invited, percent: r.invited ? Math.round((100 * r.respondents) / r.invited) : 0 });
  const threshold = effectiveThreshold(r.threshold);
  if (!r.closed) {
    // No count while open: coordinators see the slow daily count in `status`, leads nothing.
    const closes = formatDateTime(r.round.closesAt, zone, t.locale);
    return card(title, heading(title), text(`:lock: ${t("pulse.results_when_closed", { closes, threshold })}`));
  }
  if (!r.decision.visible) return card(title, heading(title), text(count), text(`:lock: ${t("pulse.results_withheld", { needed: r.decision.needed, threshold })}`));
  const elements: CardElement[] = [
    heading(title),
    context(`${r.rubricTitle} · ${t(r.round.mode === "collective" ? "rubric.mode_collective" : "rubric.mode_individual")}`),
    text(count),
  ];
  for (const e of r.elements) {
    const c = e.compilation;
    const consensus = levelLabel(r.rubric, c.consensus!, t.locale);
    const arrow = e.trend ? ` ${trendArrow(e.trend)} ${e.previous ? t("rubric.was", { level: levelLabel(r.rubric, e.previous, t.locale) }) : ""}` : "";
    const flag = c.divergent ? `\n:warning: ${t("rubric.divergent")}` : "";
    elements.push(
      text(
        `*${e.label}*: ${consensus} (${t("rubric.agreement", { percent: Math.round(c.agreement * 100) })})${arrow}\n\`${distribution(t, r.rubric, c.distribution, c.dontKnow)}\`${flag}`,
      ),
    );
    const notes = r.notes?.visible ? r.notes.byElement[e.key] : undefined;
    if (notes?.length) elements.push(context(notes.map((n) => `“${n}”`).join("  ")));
  }
  if (r.withheldElements > 0) elements.push(context(t("rubric.elements_withheld", { count: r.withheldElements, threshold })));
  if (r.notes?.visible && r.notes.withheld > 0) elements.push(context(t("rubric.notes_few", { count: r.notes.withheld, minimum: r.notes.minCommenters })));
  if (r.notes && !r.notes.visible) elements.push(context(t("pulse.comments_withheld", { needed: r.notes.needed })));
  if (r.organisations.length > 0) {
    elements.push(divider(), text(`*${t("rubric.by_organisation")}*`));
    for (const o of r.organisations) {
      const line = r.rubric.elements.map((el) => `${el.key}: ${o.ratings[el.key] ? levelLabel(r.rubric, o.ratings[el.key]!, t.locale) : t("rubric.dont_know")}`).join(" · ");
      elements.push(text(`*${userText(o.organisation)}*: ${line}`));
    }
  }
  if (r.byOrganisation) elements.push(...organisationElements(t, r));
  elements.push(context(r.previousRef ? t("rubric.compared_with", { ref: r.previousRef }) : t("rubric.no_previous")));
  elements.push(divider(), text(t("rubric.actions_invite", { partnership: r.partnership })));
  return { summary: title, elements };
}

export interface HistoryColumn {
  ref: string;
  label: string;
  consensus: Map<string, string>;
}

export function rubricHistoryCard(t: T, partnership: string, rubric: RubricDefinition, columns: HistoryColumn[]): Card {
  const title = t("rubric.history_title", { partnership });
  if (columns.length === 0) return card(title, heading(title), text(t("rubric.history_empty")));
  const short = (key: string | undefined) => (key ? levelLabel(rubric, key, t.locale) : "–");
  const width = Math.max(...rubric.elements.map((e) => e.key.length)) + 2;
  const header = "element".padEnd(width) + columns.map((c) => c.label.padEnd(18)).join("");
  const rows = rubric.elements.map((e) => e.key.padEnd(width) + columns.map((c) => short(c.consensus.get(e.key)).padEnd(18)).join(""));
  return card(title, heading(title), text("```\n" + [header, ...rows].join("\n") + "\n```"), context(t("rubric.history_footer")));
}
