/** How partnership names compare: case and spacing do not make a different partnership. */
export const nameKeyOf = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();
