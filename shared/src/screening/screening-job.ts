import type { ScreeningGroupJob, ScreeningJob } from './screening-request';

/** The BullMQ job names on the `screenings` queue: one screening, or the screenings one intake write recorded. */
export const SCREENING_JOB_NAME = 'screen';
export const SCREENING_GROUP_JOB_NAME = 'screen-group';

export function screeningJobId(screeningId: string): string {
  return `screening-${screeningId}`;
}

/** A group's job is named after its first screening; the id is stored on every member's row for the reconciler. */
export function screeningGroupJobId(firstScreeningId: string): string {
  return `screenings-${firstScreeningId}`;
}

export function screeningJob(
  screeningId: string,
  query: ScreeningJob['query'],
  requestId?: string | null,
): { name: string; data: ScreeningJob; opts: { jobId: string } } {
  return {
    name: SCREENING_JOB_NAME,
    data: { screeningId, query, ...(requestId && { requestId }) },
    opts: { jobId: screeningJobId(screeningId) },
  };
}

/**
 * One job for the screenings recorded together: a worker claims, runs and acknowledges them as one, so the queue's
 * round trips and scripts (add, move to active, move to finished) are paid once per group instead of once per
 * screening. A group of one is an ordinary screening job.
 */
export function screeningGroupJob(
  jobId: string,
  screenings: ScreeningJob[],
): { name: string; data: ScreeningGroupJob; opts: { jobId: string } } {
  return { name: SCREENING_GROUP_JOB_NAME, data: { screenings }, opts: { jobId } };
}

/** The job queuing these screenings again under the id they were first queued with (so a live job is not duplicated). */
export function screeningJobFor(
  jobId: string,
  screenings: ScreeningJob[],
): { name: string; data: ScreeningJob | ScreeningGroupJob; opts: { jobId: string } } {
  const [first] = screenings;
  // A lone screening's job is the screening itself, its row too when it carries one.
  if (screenings.length === 1 && jobId === screeningJobId(first!.screeningId))
    return { name: SCREENING_JOB_NAME, data: first!, opts: { jobId } };
  return screeningGroupJob(jobId, screenings);
}
