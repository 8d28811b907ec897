/**
 * Button and form actions as specs, typed like commands: each names its roles and the payload its
 * buttons carry, validated with zod when a click comes back (a button's value is input like any
 * other). `actionButton` encodes a payload into a button; the registry decodes a click into the
 * spec and payload, or refuses it.
 */
import type { z } from "zod";
import type { Button } from "./card.ts";
import type { HandlerContext } from "./context.ts";
import type { ActionEvent } from "./events.ts";
import type { Role } from "./roles.ts";

export interface ActionSpec<P = unknown> {
  /** Dotted name ("pulse.open"); the start of every action id this spec encodes. */
  name: string;
  roles: readonly Role[];
  /** The command this action stands for (a form that starts a pulse): named in refusals. */
  command?: string;
  /** The payload its buttons carry, checked on every click. */
  payload: z.ZodType<P>;
  /** Reads action ids of buttons posted before actions were typed ("pulse:open:<round>"). */
  legacy?: (actionId: string) => P | null;
  handle: (ctx: HandlerContext, payload: P, event: ActionEvent) => Promise<void>;
}

export const defineAction = <P>(spec: ActionSpec<P>): ActionSpec<P> => spec;

// biome-ignore lint/suspicious/noExplicitAny: a registry holds specs of every payload type.
export type AnyAction = ActionSpec<any>;

/** Slack allows 255 characters in an action id; longer payloads travel in the button's value. */
const MAX_INLINE = 200;

/** The action id and value of a button that runs `spec` with `payload`. */
export function encodeAction<P>(spec: ActionSpec<P>, payload: P): { actionId: string; value?: string } {
  const json = JSON.stringify(payload ?? {});
  return json.length <= MAX_INLINE ? { actionId: `${spec.name}:${json}` } : { actionId: `${spec.name}:`, value: json };
}

/** A button that runs `spec` with `payload`. */
export const actionButton = <P>(spec: ActionSpec<P>, payload: P, button: Omit<Button, "actionId" | "value">): Button => ({ ...button, ...encodeAction(spec, payload) });

type ActionMatch = { ok: true; spec: AnyAction; payload: unknown } | { ok: false; reason: "unknown" | "invalid"; name?: string };

export interface ActionRegistry {
  readonly specs: readonly AnyAction[];
  decode(event: Pick<ActionEvent, "actionId" | "value">): ActionMatch;
}

export function createActionRegistry(specs: readonly AnyAction[]): ActionRegistry {
  const byName = new Map<string, AnyAction>();
  for (const spec of specs) {
    if (byName.has(spec.name)) throw new Error(`two actions are named ${spec.name}`);
    byName.set(spec.name, spec);
  }
  return {
    specs,
    decode({ actionId, value }) {
      const colon = actionId.indexOf(":");
      const name = colon < 0 ? actionId : actionId.slice(0, colon);
      const spec = byName.get(name);
      if (!spec) {
        for (const candidate of specs) {
          const payload = candidate.legacy?.(actionId);
          if (payload) return { ok: true, spec: candidate, payload };
        }
        return { ok: false, reason: "unknown" };
      }
      const raw = colon < 0 ? "" : actionId.slice(colon + 1) || value || "";
      let parsed: unknown;
      try {
        parsed = raw ? JSON.parse(raw) : {};
      } catch {
        return { ok: false, reason: "invalid", name };
      }
      const checked = spec.payload.safeParse(parsed);
      return checked.success ? { ok: true, spec, payload: checked.data } : { ok: false, reason: "invalid", name };
    },
  };
}
