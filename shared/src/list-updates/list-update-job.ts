import type { JobsOptions } from 'bullmq';
import { z } from 'zod';

/** One scheduler per deployment: upserting it again on every worker start replaces, never duplicates. */
export const LIST_UPDATE_SCHEDULER_ID = 'scheduled-list-update';
export const LIST_UPDATE_JOB_NAME = 'update-lists';

/** A job may name the lists to refresh; without `sources` it refreshes the configured ones. */
export const listUpdateJobSchema = z.object({
  sources: z.array(z.string().min(1)).min(1).optional(),
});
export type ListUpdateJob = z.infer<typeof listUpdateJobSchema>;

/**
 * A failed list fails the job, so a publisher's brief outage is retried well before the next
 * scheduled run; lists already current are then a cheap no-op.
 */
export const LIST_UPDATE_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 5 * 60_000, jitter: 0.5 },
  removeOnComplete: { age: 30 * 24 * 3600, count: 500 },
  removeOnFail: { age: 30 * 24 * 3600, count: 500 },
};
