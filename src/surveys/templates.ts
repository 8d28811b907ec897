/** Reading survey templates: localized text, the questions of a round, quick-pulse rotation. */
import type { Localized, SurveyQuestion, SurveyTemplate } from "../core/prompts/schemas.ts";

/** The answer "does not apply" (stored as no value with this level, counted apart from "prefer not to say"). */
export const NOT_APPLICABLE = "na";

/** The text in the reader's language, else English, else the first language the file has. */
export function pick(text: Localized, locale: string): string {
  return text[locale] ?? text.en ?? Object.values(text)[0] ?? "";
}

const scaleQuestions = (t: SurveyTemplate) => t.questions.filter((q): q is Extract<SurveyQuestion, { type: "scale" }> => q.type === "scale");
const textQuestions = (t: SurveyTemplate) => t.questions.filter((q): q is Extract<SurveyQuestion, { type: "text" }> => q.type === "text");

/**
 * The question keys a round asks. Without rotation, all of them. With rotation, `perRound` scale
 * questions taken in order, continuing where the previous round of the template stopped, so
 * successive rounds cover every theme; text questions are always included.
 */
export function questionKeysForRound(template: SurveyTemplate, sequence: number): string[] {
  const scale = scaleQuestions(template);
  const text = textQuestions(template).map((q) => q.key);
  if (!template.rotation) return [...scale.map((q) => q.key), ...text];
  const per = template.rotation.perRound;
  const start = ((sequence - 1) * per) % scale.length;
  const chosen: string[] = [];
  for (let i = 0; i < per; i++) chosen.push(scale[(start + i) % scale.length]!.key);
  return [...chosen, ...text];
}

export function questionsOf(template: SurveyTemplate, keys: string[]): SurveyQuestion[] {
  const byKey = new Map(template.questions.map((q) => [q.key, q]));
  return keys.map((k) => byKey.get(k)).filter((q): q is SurveyQuestion => q !== undefined);
}
