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
import { pulseStart } from "./pulse-start.ts";
import { pulseStatus } from "./pulse-status.ts";
import { pulseResults } from "./pulse-results.ts";
import { pulseClose } from "./pulse-close.ts";
import { pulseExport } from "./pulse-export.ts";
import { pulseReminders } from "./pulse-reminders.ts";
import { pulseActions } from "./pulse-actions.ts";
import { pulseForm } from "./pulse-form.ts";
import { partnerAdd } from "./partner-add.ts";
import { partnerList } from "./partner-list.ts";
import { partnerShow } from "./partner-show.ts";
import { partnerEdit } from "./partner-edit.ts";
import { partnerArchive } from "./partner-archive.ts";
import { reviewAdd } from "./review-add.ts";
import { reviewList } from "./review-list.ts";
import { reviewDone } from "./review-done.ts";
import { reviewSnooze } from "./review-snooze.ts";
import { actionAdd } from "./action-add.ts";
import { actionList } from "./action-list.ts";
import { actionDone } from "./action-done.ts";
import { actionButtons, reviewButtons } from "./review-actions.ts";
import { rubricStart } from "./rubric-start.ts";
import { rubricResults, rubricStatus } from "./rubric-results.ts";
import { rubricClose } from "./rubric-close.ts";
import { rubricHistory } from "./rubric-history.ts";
import { rubricPause, rubricResume } from "./rubric-pause.ts";
import { rubricActions } from "./rubric-actions.ts";
import { summaryPreview, summarySubscribe, summaryUnsubscribe } from "./summary.ts";

type Registry = { [N in CommandName]: CommandHandler<N> };

export function createCommandRegistry(): Registry {
  return {
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
    "pulse.form": pulseForm,
    "partner.add": partnerAdd,
    "partner.list": partnerList,
    "partner.show": partnerShow,
    "partner.edit": partnerEdit,
    "partner.archive": partnerArchive,
    "review.add": reviewAdd,
    "review.list": reviewList,
    "review.done": reviewDone,
    "review.snooze": reviewSnooze,
    "action.add": actionAdd,
    "action.list": actionList,
    "action.done": actionDone,
    "rubric.start": rubricStart,
    "rubric.results": rubricResults,
    "rubric.status": rubricStatus,
    "rubric.close": rubricClose,
    "rubric.history": rubricHistory,
    "rubric.pause": rubricPause,
    "rubric.resume": rubricResume,
    "summary.preview": summaryPreview,
    "summary.subscribe": summarySubscribe,
    "summary.unsubscribe": summaryUnsubscribe,
  };
}

/** Action handlers by actionId prefix (the part before the first ":"). */
export function createActionRegistry(): Record<string, ActionHandler> {
  return { pulse: pulseActions, review: reviewButtons, action: actionButtons, rubric: rubricActions };
}
