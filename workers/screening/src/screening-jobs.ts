import { UnrecoverableError, type Job } from 'bullmq';
import type { Logger } from '@sanctions/shared/logging';
import type { MatchOptions } from '@sanctions/shared/matching';
import type { ProcessMetrics } from '@sanctions/shared/metrics';
import {
  matchScreening,
  screeningGroupJobSchema,
  screeningJobSchema,
  SCREENING_GROUP_JOB_NAME,
  type MatchIndexCache,
  type ScreeningJob,
  type ScreeningQueueData,
  type ScreeningWriter,
  type UnrecordedRow,
} from '@sanctions/shared/screening';

export interface ScreeningJobDeps {
  indexCache: MatchIndexCache;
  writer: ScreeningWriter;
  metrics: ProcessMetrics;
  matchOptions: MatchOptions;
  /** The process's logger: the line about each screening carries its id and its request's (screeningLogFields). */
  logger: Logger;
  /** Called after a result is committed and before the job is acknowledged: lets tests crash there. */
  afterRecorded?: (screeningId: string) => void | Promise<void>;
}

/**
 * The fields that say which screening and request a line is about: what a child logger would bind, given with the
 * line instead (the same line, without a child logger made for every screening).
 */
export function screeningLogFields(screening: ScreeningJob): { screeningId: string; reqId?: string } {
  return { screeningId: screening.screeningId, ...(screening.requestId && { reqId: screening.requestId }) };
}

/** The screenings a job on the `screenings` queue carries: one, or an intake group's. Invalid payloads never succeed. */
export function screeningsOfJob(job: Job<ScreeningQueueData>): ScreeningJob[] {
  if (job.name === SCREENING_GROUP_JOB_NAME) {
    const parsed = screeningGroupJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`Invalid screening group job payload: ${parsed.error.message}`);
    return parsed.data.screenings;
  }
  const parsed = screeningJobSchema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`Invalid screening job payload: ${parsed.error.message}`);
  return [parsed.data];
}

/**
 * The screenings a job names, read as far as its payload allows: what a job that finally failed fails. A screening
 * whose job carried its row (the API left it to the worker) comes with it, so that its failure is stored too.
 */
export function screeningsNamedBy(
  job: Job<ScreeningQueueData>,
): { id: string; unrecorded?: { row: UnrecordedRow; query: ScreeningJob['query'] } }[] {
  const data = job.data as { screeningId?: unknown; screenings?: { screeningId?: unknown }[] } | undefined;
  const named = job.name === SCREENING_GROUP_JOB_NAME ? (data?.screenings ?? []) : [data];
  return named.flatMap((entry) => {
    const id = entry?.screeningId;
    if (typeof id !== 'string') return [];
    const parsed = screeningJobSchema.safeParse(entry);
    if (!parsed.success || !parsed.data.row) return [{ id }];
    return [{ id, unrecorded: { row: parsed.data.row, query: parsed.data.query } }];
  });
}

/**
 * Matches each screening of the job and records them together (the writer commits what arrives at once as one
 * group); the job is acknowledged only once every result is stored. A retried job records nothing twice: a
 * screening recorded by an earlier attempt comes back `already-recorded`.
 */
export function screeningJobProcessor(deps: ScreeningJobDeps) {
  const recordOne = async (screening: ScreeningJob, loaded: Awaited<ReturnType<MatchIndexCache['current']>>) => {
    const matched = matchScreening(loaded, screening, deps.matchOptions);
    deps.metrics.screeningMatchDuration.observe(matched.matchSeconds);
    const result = await deps.writer.record(matched);
    if (result.outcome === 'recorded')
      deps.metrics.screeningsTotal.inc({ decision: result.decision, source: 'screening' });
    deps.logger.info('screening recorded', {
      ...screeningLogFields(screening),
      outcome: result.outcome,
      decision: result.decision,
      matches: result.matches.length,
      lists: loaded.key,
    });
    await deps.afterRecorded?.(screening.screeningId);
    return { outcome: result.outcome, decision: result.decision };
  };
  return async (job: Job<ScreeningQueueData>) => {
    const screenings = screeningsOfJob(job);
    const loaded = await deps.indexCache.current();
    const results = await Promise.all(screenings.map((s) => recordOne(s, loaded)));
    if (job.name !== SCREENING_GROUP_JOB_NAME) return { ...results[0]!, lists: loaded.key };
    return {
      screenings: screenings.map((s, i) => ({ id: s.screeningId, ...results[i]! })),
      lists: loaded.key,
    };
  };
}
