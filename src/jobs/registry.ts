/** Every scheduled job, as data. Later features add theirs here. */
import type { JobDefinition } from "./types.ts";
import { retentionJob } from "./retention.ts";
import { pulseRemindersJob, pulseRoundsJob } from "../surveys/jobs.ts";
import { reviewRemindersJob } from "../reviews/jobs.ts";
import { rubricRoundsJob } from "../rubrics/jobs.ts";
import { weeklySummaryJob } from "../summaries/jobs.ts";

export function allJobs(): JobDefinition[] {
  return [retentionJob, pulseRoundsJob, pulseRemindersJob, reviewRemindersJob, rubricRoundsJob, weeklySummaryJob];
}
