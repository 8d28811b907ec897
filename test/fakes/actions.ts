/** Finding the bot's buttons in what a platform received, the way a person's client would. */

/** The action id of the first button whose action starts with `<name>:` (anywhere in a card, blocks or activity). */
export function findAction(tree: unknown, name: string): string {
  let found: string | undefined;
  const walk = (v: unknown) => {
    if (found || !v || typeof v !== "object") return;
    if (Array.isArray(v)) return v.forEach(walk);
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if ((k === "action_id" || k === "rb_action" || k === "actionId") && typeof x === "string" && x.startsWith(`${name}:`)) {
        found = x;
        return;
      }
      walk(x);
    }
  };
  walk(tree);
  if (!found) throw new Error(`no ${name} button`);
  return found;
}

/** The round a button's action is about. */
export const roundOfAction = (actionId: string): string => (JSON.parse(actionId.slice(actionId.indexOf(":") + 1)) as { round: string }).round;
