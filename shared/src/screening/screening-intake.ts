import type { Queue } from 'bullmq';
import type { Pool } from 'pg';
import { aboutTheData, GroupCommit, type GroupMember } from '../lifecycle';
import type { Logger } from '../logging';
import { addWhileReachable, SCREENING_JOB_OPTIONS } from '../queues';
import type { ScreeningJob, ScreeningRequest } from './screening-request';
import { screeningJob } from './screening-job';
import * as sql from './screening-sql';

/** Requests one intake write takes at most; more wait for the next one. */
const MAX_GROUP = 64;

/** A new screening without an Idempotency-Key, to record and queue. */
export interface NewScreening {
  id: string;
  apiKeyId: string | null;
  request: ScreeningRequest;
  /** The API request's id (X-Request-Id), carried in the job for the worker's log lines. */
  requestId: string | null;
}

/** Settles once the row is committed: with whether Redis took the job too. */
type Pending = GroupMember<NewScreening, boolean>;

/**
 * Group commit for the API's new screenings, as the worker's ScreeningWriter does for results: the requests that
 * arrive together are recorded by one INSERT (one round trip and one WAL flush for the group) and their jobs queued
 * by one addBulk (one Redis round trip), in that order, so a job never names a row that is not committed. A group
 * is written as soon as the event loop has nothing else ready (setImmediate): a lone request waits for no one, and
 * the requests arriving during a write form the next group. A group whose INSERT fails for a data reason is written
 * again one request at a time, so one bad request cannot fail the others.
 */
export class ScreeningIntake {
  private readonly groups = new GroupCommit<NewScreening, boolean>(async (group) => {
    const recorded = await this.insert(group);
    // The next group's INSERT may go while this one's jobs are being queued.
    return () => this.enqueue(recorded);
  }, MAX_GROUP);

  constructor(
    private readonly pool: Pool,
    private readonly queue: Queue<ScreeningJob>,
    private readonly logger: Logger,
  ) {}

  /** Resolves once the screening is recorded: true when its job is queued too, false when Redis did not take it. */
  submit(screening: NewScreening): Promise<boolean> {
    return this.groups.submit(screening);
  }

  /** Records the group; returns the requests recorded (the others are rejected with their error). */
  private async insert(group: Pending[]): Promise<Pending[]> {
    try {
      const s = group.map((p) => p.item);
      await this.pool.query(sql.INSERT_SCREENINGS, [
        s.map((x) => x.id),
        s.map((x) => x.apiKeyId),
        s.map((x) => x.request.name),
        s.map((x) => x.request.type ?? null),
        s.map((x) => x.request.birthDate ?? null),
        s.map((x) => x.request.country ?? null),
        s.map((x) => x.request.reference ?? null),
      ]);
      return group;
    } catch (error) {
      if (group.length === 1 || !aboutTheData(error)) {
        for (const p of group) p.reject(error);
        return [];
      }
      const recorded: Pending[] = [];
      for (const one of group) recorded.push(...(await this.insert([one])));
      return recorded;
    }
  }

  /** Queues the recorded group's jobs; when Redis does not take them in time the reconciler queues them later. */
  private async enqueue(group: Pending[]): Promise<void> {
    if (group.length === 0) return;
    const jobs = group.map(({ item: { id, request, requestId } }) => {
      const { reference: _reference, ...query } = request;
      const job = screeningJob(id, query, requestId);
      return { ...job, opts: { ...SCREENING_JOB_OPTIONS, ...job.opts } };
    });
    try {
      await addWhileReachable(this.queue, () => this.queue.addBulk(jobs));
      for (const p of group) p.resolve(true);
    } catch (error) {
      for (const p of group) {
        const { id, requestId } = p.item;
        this.logger.warn('screening accepted but not queued yet; the reconciler will queue it', {
          screeningId: id,
          ...(requestId && { reqId: requestId }),
          error,
        });
        p.resolve(false);
      }
    }
  }
}
