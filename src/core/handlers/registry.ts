/**
 * All listeners, registered in one place (bolt-js style). To add a command: extend the grammar
 * (grammar/commands.ts and parse.ts), give it roles (roles.ts), and map it here to a handler file.
 */
import type { CommandName } from "../grammar/commands.ts";
import type { ActionHandler, CommandHandler } from "./types.ts";
import { help } from "./help.ts";
import { privacy } from "./privacy.ts";
import { language } from "./language.ts";
import { roleSet } from "./role-set.ts";
import { roleList } from "./role-list.ts";
import { settingsShow } from "./settings-show.ts";
import { settingsSet } from "./settings-set.ts";
import { organisation } from "./organisation.ts";
import { comingSoon } from "./coming-soon.ts";
import { pulseStart } from "./pulse-start.ts";
import { pulseStatus } from "./pulse-status.ts";
import { pulseResults } from "./pulse-results.ts";
import { pulseClose } from "./pulse-close.ts";
import { pulseExport } from "./pulse-export.ts";
import { pulseReminders } from "./pulse-reminders.ts";
import { pulseActions } from "./pulse-actions.ts";

type Registry = { [N in CommandName]: CommandHandler<N> };

const notYetBuilt = [
  "rubric.start",
  "rubric.results",
  "rubric.history",
  "rubric.pause",
  "rubric.resume",
  "partner.add",
  "partner.edit",
  "partner.list",
  "partner.show",
  "partner.archive",
  "review.add",
  "review.list",
  "review.done",
  "review.snooze",
  "action.add",
  "action.list",
  "action.done",
  "summary.preview",
  "summary.subscribe",
  "summary.unsubscribe",
] as const satisfies readonly CommandName[];

export function createCommandRegistry(): Registry {
  const pending = Object.fromEntries(notYetBuilt.map((name) => [name, comingSoon(name)])) as Pick<Registry, (typeof notYetBuilt)[number]>;
  return {
    ...pending,
    help,
    privacy,
    language,
    organisation,
    "role.set": roleSet,
    "role.list": roleList,
    "settings.show": settingsShow,
    "settings.set": settingsSet,
    "pulse.start": pulseStart,
    "pulse.status": pulseStatus,
    "pulse.results": pulseResults,
    "pulse.close": pulseClose,
    "pulse.export": pulseExport,
    "pulse.reminders": pulseReminders,
  };
}

/** Action handlers by actionId prefix (the part before the first ":"). */
export function createActionRegistry(): Record<string, ActionHandler> {
  return { pulse: pulseActions };
}
