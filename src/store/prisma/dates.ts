/** @db.Date columns come back as UTC-midnight Dates; the store speaks "YYYY-MM-DD". */
import type { IsoDate } from "../types.ts";

export const toIsoDate = (d: Date | null): IsoDate | null => (d ? d.toISOString().slice(0, 10) : null);
export const fromIsoDate = (s: IsoDate | null | undefined): Date | null | undefined => (s === undefined ? undefined : s === null ? null : new Date(`${s}T00:00:00.000Z`));
export { nameKeyOf as nameKey } from "../names.ts";
