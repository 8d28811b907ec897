/** Validates partnership fields from the grammar (or a CSV row); every failure says what is allowed. */
import type { MessageKey, MessageParams } from "../core/i18n.ts";
import type { PartnerFields } from "../core/grammar/commands.ts";
import type { IsoDate, PartnershipInput } from "../store/types.ts";
import { parseUserDate, todayIn } from "./dates.ts";
import { CATEGORIES, normaliseCategory, normaliseSpectrum, SPECTRUM } from "./vocabulary.ts";

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
