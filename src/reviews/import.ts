/**
 * `npm run cli -- partners import <file.csv>`: checks every row first and imports all or nothing,
 * reporting each rejected row with its reason. Columns (header row, any order):
 * name, categories, spectrum, country, lead, start, end, notes. `categories` is separated by ";"
 * or ","; `lead` is the coordinator's platform user id.
 */
import { parse } from "csv-parse/sync";
import type { BotDeps } from "../core/context.ts";
import type { PartnershipInput, Workspace } from "../store/types.ts";
import { nameKeyOf } from "../store/names.ts";
import { validatePartnerFields } from "./partner-fields.ts";
import { scheduleDefaults } from "./defaults.ts";

const IMPORT_COLUMNS = ["name", "categories", "spectrum", "country", "lead", "start", "end", "notes"] as const;

export interface ImportReport {
  imported: number;
  rejected: { row: number; reason: string }[];
}

export async function importPartnerships(deps: BotDeps, workspace: Workspace, csv: string, actor: string): Promise<ImportReport> {
  const t = deps.i18n.forLocale("en");
  let records: Record<string, string>[];
  try {
    records = parse(csv, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    return { imported: 0, rejected: [{ row: 0, reason: `the file is not valid CSV: ${(error as Error).message}` }] };
  }
  const rejected: ImportReport["rejected"] = [];
  if (records.length === 0) return { imported: 0, rejected: [{ row: 0, reason: "the file has no data rows" }] };
  const unknown = Object.keys(records[0]!).filter((c) => !(IMPORT_COLUMNS as readonly string[]).includes(c));
  if (unknown.length) return { imported: 0, rejected: [{ row: 1, reason: `unknown columns ${unknown.join(", ")}; allowed: ${IMPORT_COLUMNS.join(", ")}` }] };
  const inputs: PartnershipInput[] = [];
  const seen = new Map<string, number>();
  const now = deps.clock.now();
  records.forEach((r, i) => {
    const row = i + 2; // the header is row 1
    if (!r.name) {
      rejected.push({ row, reason: "name is empty" });
      return;
    }
    const key = nameKeyOf(r.name);
    if (seen.has(key)) {
      rejected.push({ row, reason: `"${r.name}" repeats row ${seen.get(key)}` });
      return;
    }
    seen.set(key, row);
    const checked = validatePartnerFields(
      {
        name: r.name,
        ...(r.categories
          ? {
              categories: r.categories
                .split(/[;,]/)
                .map((s) => s.trim())
                .filter(Boolean),
            }
          : {}),
        ...(r.spectrum ? { spectrum: r.spectrum } : {}),
        ...(r.country ? { country: r.country } : {}),
        ...(r.lead ? { lead: r.lead } : {}),
        ...(r.start ? { start: r.start } : {}),
        ...(r.end ? { end: r.end } : {}),
        ...(r.notes ? { notes: r.notes } : {}),
      },
      now,
      workspace.timezone,
      { isNew: true },
    );
    if (!checked.ok) rejected.push({ row, reason: t(checked.key, checked.params) });
    else inputs.push({ name: r.name, ...checked.input });
  });
  for (const input of inputs) {
    if (await deps.store.partnerships.findByName(workspace.id, input.name)) {
      rejected.push({ row: seen.get(nameKeyOf(input.name))!, reason: `"${input.name}" is already in the register` });
    }
  }
  if (rejected.length > 0) return { imported: 0, rejected: rejected.sort((a, b) => a.row - b.row) };
  const created = await deps.store.partnerships.createMany(workspace.id, inputs, now, actor);
  if ("duplicates" in created)
    return { imported: 0, rejected: created.duplicates.map((name) => ({ row: seen.get(nameKeyOf(name)) ?? 0, reason: `"${name}" is already in the register` })) };
  for (const partnership of created) await scheduleDefaults(deps, workspace, partnership, actor);
  return { imported: created.length, rejected: [] };
}
