/**
 * zod schemas for the data files under prompts/. Invalid files stop the start with the file and
 * the field named (load.ts).
 */
import { z } from "zod";

/**
 * Text with locale variants. Any one language is enough (a country team may write its rubric in
 * Nepali only): a reader whose language a file lacks sees English if the file has it, else the
 * file's first language (see `pick`).
 */
const localized = z
  .record(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)?$/, "locale keys look like en, fr or pt-BR"), z.string().min(1))
  .refine((v) => Object.keys(v).length > 0, { message: 'needs the text in at least one language, e.g. { "ne": "…" }' });
export type Localized = z.infer<typeof localized>;

const key = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "keys are lowercase words joined by hyphens, like knowledge-exchange");

const qualities = ["equitable", "effective", "deep", "diverse"] as const;

const scaleQuestion = z.object({
  key,
  type: z.literal("scale"),
  theme: key,
  /**
   * The quality (Alert's equitable, effective, deep, diverse) the item speaks to, if any. A
   * quality's figure is shown only when at least two items of the round make it.
   */
  quality: z.enum(qualities).optional(),
  /** Offer "does not apply" (for items that assume, say, a funding relationship). */
  notApplicable: z.boolean().default(false),
  text: localized,
});

const textQuestion = z.object({
  key,
  type: z.literal("text"),
  text: localized,
  optional: z.boolean().default(true),
});

export const surveyTemplate = z
  .object({
    id: key,
    version: z.number().int().positive(),
    title: localized,
    description: localized,
    minutes: z.number().int().positive().max(30),
    /** Scale labels from 1 (strongly disagree) to 5 (strongly agree). */
    scale: z.object({ labels: z.array(localized).length(5), preferNotToSay: localized, notApplicable: localized.optional() }),
    /** When set, each round asks this many scale questions, rotating through the themes. */
    rotation: z.object({ perRound: z.number().int().positive() }).nullable().default(null),
    questions: z.array(z.discriminatedUnion("type", [scaleQuestion, textQuestion])).min(1),
  })
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.questions.forEach((q, i) => {
      if (seen.has(q.key)) ctx.addIssue({ code: "custom", path: ["questions", i, "key"], message: `duplicate question key "${q.key}"` });
      seen.add(q.key);
    });
    t.questions.forEach((q, i) => {
      if (q.type === "scale" && q.notApplicable && !t.scale.notApplicable) {
        ctx.addIssue({ code: "custom", path: ["questions", i, "notApplicable"], message: 'offers "does not apply", so scale.notApplicable needs its label' });
      }
    });
    const scale = t.questions.filter((q) => q.type === "scale").length;
    if (t.rotation && t.rotation.perRound > scale) {
      ctx.addIssue({ code: "custom", path: ["rotation", "perRound"], message: `asks for ${t.rotation.perRound} questions but the template has ${scale} scale questions` });
    }
  });
export type SurveyTemplate = z.infer<typeof surveyTemplate>;
export type SurveyQuestion = SurveyTemplate["questions"][number];

export const rubricDefinition = z
  .object({
    id: key,
    version: z.number().int().positive(),
    title: localized,
    description: localized,
    /** Levels from best to worst; `score` orders them for consensus and trend (higher is better). */
    levels: z.array(z.object({ key, label: localized, score: z.number().int() })).min(2),
    elements: z
      .array(
        z.object({
          key,
          label: localized,
          /**
           * Descriptors per level key: what the element looks like at that level. A level may have
           * none (the source leaves the cell empty); its key must still be present.
           */
          descriptors: z.record(z.string(), z.array(localized)),
        }),
      )
      .min(1),
  })
  .superRefine((r, ctx) => {
    const levelKeys = new Set<string>();
    r.levels.forEach((l, i) => {
      if (levelKeys.has(l.key)) ctx.addIssue({ code: "custom", path: ["levels", i, "key"], message: `duplicate level key "${l.key}"` });
      levelKeys.add(l.key);
    });
    const scores = new Set(r.levels.map((l) => l.score));
    if (scores.size !== r.levels.length) ctx.addIssue({ code: "custom", path: ["levels"], message: "each level needs a distinct score" });
    const elementKeys = new Set<string>();
    r.elements.forEach((e, i) => {
      if (elementKeys.has(e.key)) ctx.addIssue({ code: "custom", path: ["elements", i, "key"], message: `duplicate element key "${e.key}"` });
      elementKeys.add(e.key);
      for (const level of Object.keys(e.descriptors)) {
        if (!levelKeys.has(level)) {
          ctx.addIssue({ code: "custom", path: ["elements", i, "descriptors", level], message: `"${level}" is not one of the levels (${[...levelKeys].join(", ")})` });
        }
      }
      for (const level of levelKeys) {
        if (!(level in e.descriptors)) {
          ctx.addIssue({ code: "custom", path: ["elements", i, "descriptors"], message: `missing descriptors for level "${level}"` });
        }
      }
    });
  });
export type RubricDefinition = z.infer<typeof rubricDefinition>;

export const messageFile = z.record(z.string().regex(/^[a-z0-9_.]+$/, "message keys look like pulse.invite_title"), z.string());
