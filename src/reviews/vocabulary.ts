/**
 * The register's vocabularies, from the source documents: IIRR's partnership categories,
 * Alert's leadership spectrum, and the review kinds of IIRR, Alert and CARE.
 */
export const CATEGORIES = ["learning-community", "consortium", "capacity-development", "resource-support", "knowledge"] as const;
export const SPECTRUM = ["locally-led", "locally-managed", "locally-implemented"] as const;
const REVIEW_KINDS = ["annual-review", "agreement-renewal", "joint-reflection", "rubric-checkin", "partnership-meeting", "team-review"] as const;

const slug = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");

export function normaliseCategory(input: string): string | null {
  const s = slug(input);
  return (CATEGORIES as readonly string[]).includes(s) ? s : null;
}

export function normaliseSpectrum(input: string): string | null {
  const s = slug(input);
  const full = s.startsWith("locally-") ? s : `locally-${s}`;
  return (SPECTRUM as readonly string[]).includes(full) ? full : null;
}

/** A known kind, or a custom label kept as typed. */
export function normaliseKind(input: string): { kind: string; label: string | null } {
  const s = slug(input);
  if ((REVIEW_KINDS as readonly string[]).includes(s)) return { kind: s, label: null };
  return { kind: "custom", label: input.trim().slice(0, 80) };
}
