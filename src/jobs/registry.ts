/** Every scheduled job, as data. Later features add theirs here. */
import type { JobDefinition } from "./types.ts";
import { retentionJob } from "./retention.ts";

export function allJobs(): JobDefinition[] {
  return [retentionJob];
}
