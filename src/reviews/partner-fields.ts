/** Validates partnership fields from the grammar (or a CSV row); every failure says what is allowed. */
import type { MessageKey, MessageParams } from "../core/i18n.ts";
import { fail, phrase, word, type Cursor } from "../core/grammar/options.ts";
import type { IsoDate, PartnershipInput } from "../store/types.ts";
import { parseUserDate, todayIn } from "./dates.ts";
import { CATEGORIES, normaliseCategory, normaliseSpectrum, SPECTRUM } from "./vocabulary.ts";

/** Partnership fields as typed after `partner add "<name>"` or `partner edit <partnership>`. */
export interface PartnerFields {
  categories?: string[];
  spectrum?: string;
  country?: string;
  lead?: string;
  /** The partner organisation's focal point (reminded of joint reviews). */
  focal?: string;
  start?: string;
  end?: string;
  notes?: string;
  name?: string;
}

export const PARTNER_FIELD_WORDS = ["category", "categories", "spectrum", "country", "lead", "focal", "start", "end", "notes", "name"] as const;

/** Reads `field value…` pairs up to the end. */
export function parsePartnerFields(c: Cursor): PartnerFields {
  const fields: PartnerFields = {};
  while (!c.done()) {
    const t = c.next()!;
    const key = word(t);
    if (!key || !(PARTNER_FIELD_WORDS as readonly string[]).includes(key)) fail("partner", "error.partner_field", { value: phrase([t]) });
    const value = c.until(PARTNER_FIELD_WORDS);
    if (value.length === 0) fail("partner", "error.partner_field_value", { field: key! });
    switch (key) {
      case "category":
      case "categories":
        fields.categories = phrase(value)
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean);
        break;
      case "lead":
      case "focal": {
        const who = value[0]!;
        if (who.kind !== "user" || value.length > 1) fail("partner", "error.lead_mention", { field: key });
        fields[key] = (who as { id: string }).id;
        break;
      }
      default:
        fields[key as "spectrum" | "country" | "start" | "end" | "notes" | "name"] = phrase(value);
    }
  }
  return fields;
}

export type FieldsResult = { ok: true; input: Partial<PartnershipInput> } | { ok: false; key: MessageKey; params: MessageParams };

export function validatePartnerFields(fields: PartnerFields, now: Date, zone: string, options: { isNew: boolean }): FieldsResult {
  const input: Partial<PartnershipInput> = {};
  if (fields.name !== undefined) {
    if (!fields.name.trim() || fields.name.length > 120) return { ok: false, key: "partner.bad_name", params: { value: fields.name.slice(0, 40) } };
    input.name = fields.name;
  }
  if (fields.categories) {
    const out: string[] = [];
    for (const c of fields.categories) {
      const n = normaliseCategory(c);
      if (!n) return { ok: false, key: "partner.bad_category", params: { value: c, allowed: CATEGORIES.join(", ") } };
      out.push(n);
    }
    input.categories = [...new Set(out)];
  }
  if (fields.spectrum !== undefined) {
    const s = normaliseSpectrum(fields.spectrum);
    if (!s) return { ok: false, key: "partner.bad_spectrum", params: { value: fields.spectrum, allowed: SPECTRUM.join(", ") } };
    input.spectrum = s;
  }
  if (fields.country !== undefined) input.country = fields.country.trim().slice(0, 80);
  if (fields.lead !== undefined) input.leadUserId = fields.lead;
  if (fields.focal !== undefined) input.focalUserId = fields.focal;
  if (fields.notes !== undefined) input.notes = fields.notes.trim().slice(0, 1000);
  const date = (value: string, field: string): IsoDate | FieldsResult => {
    const parsed = parseUserDate(value, now, zone);
    if (!parsed.ok) return { ok: false, key: parsed.reason === "impossible" ? "date.impossible" : "date.unreadable", params: { value, field } };
    return parsed.date;
  };
  if (fields.start !== undefined) {
    const d = date(fields.start, "start");
    if (typeof d !== "string") return d;
    input.startDate = d;
  }
  if (fields.end !== undefined) {
    const d = date(fields.end, "end");
    if (typeof d !== "string") return d;
    if (options.isNew && d < todayIn(now, zone)) return { ok: false, key: "partner.end_in_past", params: { value: fields.end } };
    if (input.startDate && d < input.startDate) return { ok: false, key: "partner.end_before_start", params: {} };
    input.agreementEndDate = d;
  }
  return { ok: true, input };
}
