/**
 * Every feature's commands and actions, in the order `help` lists them, and the person's overview.
 * The composition root hands this to the core (the core imports no feature). To add a command:
 * one file in its feature's `commands/` folder, listed here, with its usage and example messages.
 */
import type { Features } from "./core/bot.ts";
import { pulseStartCommand } from "./surveys/commands/pulse-start.ts";
import { pulseFormCommand } from "./surveys/commands/pulse-form.ts";
import { pulseStatusCommand } from "./surveys/commands/pulse-status.ts";
import { pulseResultsCommand } from "./surveys/commands/pulse-results.ts";
import { pulseCloseCommand } from "./surveys/commands/pulse-close.ts";
import { pulseExportCommand } from "./surveys/commands/pulse-export.ts";
import { pulseRemindersCommand } from "./surveys/commands/pulse-reminders.ts";
import { pulseOpenAction } from "./surveys/actions/pulse-open.ts";
import { pulseSubmitAction } from "./surveys/actions/pulse-submit.ts";
import { pulseRemindersOffAction } from "./surveys/actions/pulse-reminders-off.ts";
import { pulseStartFormAction } from "./surveys/actions/pulse-start-form.ts";
import { pulseConfirmAction } from "./surveys/actions/pulse-confirm.ts";
import { rubricStartCommand } from "./rubrics/commands/rubric-start.ts";
import { rubricResultsCommand } from "./rubrics/commands/rubric-results.ts";
import { rubricStatusCommand } from "./rubrics/commands/rubric-status.ts";
import { rubricHistoryCommand } from "./rubrics/commands/rubric-history.ts";
import { rubricCloseCommand } from "./rubrics/commands/rubric-close.ts";
import { rubricPauseCommand } from "./rubrics/commands/rubric-pause.ts";
import { rubricResumeCommand } from "./rubrics/commands/rubric-resume.ts";
import { rubricOpenAction } from "./rubrics/actions/rubric-open.ts";
import { rubricSubmitAction } from "./rubrics/actions/rubric-submit.ts";
import { rubricConfirmAction } from "./rubrics/actions/rubric-confirm.ts";
import { partnerAddCommand } from "./reviews/commands/partner-add.ts";
import { partnerListCommand } from "./reviews/commands/partner-list.ts";
import { partnerShowCommand } from "./reviews/commands/partner-show.ts";
import { partnerEditCommand } from "./reviews/commands/partner-edit.ts";
import { partnerArchiveCommand } from "./reviews/commands/partner-archive.ts";
import { partnerOrgsCommand } from "./reviews/commands/partner-orgs.ts";
import { partnerEmailsCommand } from "./reviews/commands/partner-emails.ts";
import { reviewAddCommand } from "./reviews/commands/review-add.ts";
import { reviewListCommand } from "./reviews/commands/review-list.ts";
import { reviewDoneCommand } from "./reviews/commands/review-done.ts";
import { reviewSnoozeCommand } from "./reviews/commands/review-snooze.ts";
import { actionAddCommand } from "./reviews/commands/action-add.ts";
import { actionListCommand } from "./reviews/commands/action-list.ts";
import { actionDoneCommand } from "./reviews/commands/action-done.ts";
import { reviewDoneAction, reviewSnoozeAction } from "./reviews/actions/review-buttons.ts";
import { actionDoneAction } from "./reviews/actions/action-done.ts";
import { summaryPreviewCommand } from "./summaries/commands/summary-preview.ts";
import { summarySubscribeCommand } from "./summaries/commands/summary-subscribe.ts";
import { summaryUnsubscribeCommand } from "./summaries/commands/summary-unsubscribe.ts";
import { helpCommand } from "./workspace/commands/help.ts";
import { privacyCommand } from "./workspace/commands/privacy.ts";
import { languageCommand } from "./workspace/commands/language.ts";
import { channelLanguageCommand } from "./workspace/commands/channel-language.ts";
import { roleSetCommand } from "./workspace/commands/role-set.ts";
import { roleListCommand } from "./workspace/commands/role-list.ts";
import { settingsShowCommand } from "./workspace/commands/settings-show.ts";
import { settingsSetCommand } from "./workspace/commands/settings-set.ts";
import { organisationCommand } from "./workspace/commands/organisation.ts";
import { workspaceShowCommand } from "./workspace/commands/workspace-show.ts";
import { workspaceExportCommand } from "./workspace/commands/workspace-export.ts";
import { workspaceDeleteCommand } from "./workspace/commands/workspace-delete.ts";
import { workspaceKeepCommand } from "./workspace/commands/workspace-keep.ts";
import { homeCard } from "./workspace/home.ts";
import { homeCommand } from "./workspace/commands/home.ts";
import { respondCommand } from "./responses/commands/respond.ts";
import { resultsCommand } from "./responses/commands/results.ts";
import { respondSubmitAction } from "./responses/actions/respond-submit.ts";

export const features: Features = {
  commands: [
    pulseStartCommand,
    pulseStatusCommand,
    pulseCloseCommand,
    pulseResultsCommand,
    pulseExportCommand,
    pulseFormCommand,
    pulseRemindersCommand,
    rubricStartCommand,
    rubricResultsCommand,
    rubricHistoryCommand,
    rubricStatusCommand,
    rubricCloseCommand,
    rubricPauseCommand,
    rubricResumeCommand,
    partnerAddCommand,
    partnerListCommand,
    partnerShowCommand,
    partnerEditCommand,
    partnerArchiveCommand,
    partnerOrgsCommand,
    homeCommand,
    partnerEmailsCommand,
    reviewAddCommand,
    reviewListCommand,
    reviewDoneCommand,
    reviewSnoozeCommand,
    actionAddCommand,
    actionListCommand,
    actionDoneCommand,
    summaryPreviewCommand,
    summarySubscribeCommand,
    summaryUnsubscribeCommand,
    respondCommand,
    resultsCommand,
    roleSetCommand,
    roleListCommand,
    settingsShowCommand,
    settingsSetCommand,
    organisationCommand,
    workspaceShowCommand,
    workspaceExportCommand,
    workspaceDeleteCommand,
    workspaceKeepCommand,
    privacyCommand,
    languageCommand,
    channelLanguageCommand,
    helpCommand,
  ],
  actions: [
    pulseOpenAction,
    pulseSubmitAction,
    pulseRemindersOffAction,
    pulseStartFormAction,
    pulseConfirmAction,
    rubricOpenAction,
    rubricSubmitAction,
    rubricConfirmAction,
    reviewDoneAction,
    reviewSnoozeAction,
    actionDoneAction,
    respondSubmitAction,
  ],
  home: homeCard,
};
