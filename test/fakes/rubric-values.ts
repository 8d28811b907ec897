/** A CLARISSA rating form's values: every element at one level (entrepreneurial culture "don't know"), with overrides. */
export const clarissaRatings = (level: string, overrides: Record<string, string> = {}): Record<string, string> => ({
  "e:communications": level,
  "e:team-identity": level,
  "e:openness-trust": level,
  "e:impact-orientation": level,
  "e:inclusive-equitable": level,
  "e:adaptability": level,
  "e:entrepreneurial-culture": "dont-know",
  ...overrides,
});
