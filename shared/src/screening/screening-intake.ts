import type { Queue } from 'bullmq';
import type { Pool } from 'pg';
import { aboutTheData, GroupCommit, type GroupMember } from '../lifecycle';
import type { Logger } from '../logging';
import { addWhileReachable, SCREENING_JOB_OPTIONS } from '../queues';
import type { ScreeningQueueData, ScreeningRequest } from './screening-request';
import { screeningGroupJobId, screeningJobFor, screeningJobId } from './screening-job';
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
  /**
   * Set for a request that waits for its answer: its row is not recorded here but carried by its job, and the worker
   * inserts it answered (one write instead of two); the API records it queued only when the answer does not come.
   */
  rowLeftToWorker?: { createdAt: string };
}

/** How a submission went: whether Redis took the job (else the reconciler queues it), and the job's id. */
export interface Submitted {
  queued: boolean;
  jobId: string;
}

/** Settles once the row is committed (or left to the worker): with whether Redis took the job too. */
type Pending = GroupMember<NewScreening, Submitted>;

/** Screenings recorded by one INSERT, and the id of the one job that queues them. */
interface RecordedGroup {
  jobId: string;
  members: Pending[];
}

/**
 * Group commit for the API's new screenings, as the worker's ScreeningWriter does for results: the requests that
 * arrive together are recorded by one INSERT (one round trip and one WAL flush for the group) and queued as one
 * BullMQ job (screeningGroupJob: one add, and one claim and acknowledgement by a worker, for the group), in that
 * order, so a job never names a row that is not committed. Each row names its job, so the reconciler queues a lost
 * group again under the same id. A group is written as soon as the event loop has nothing else ready (setImmediate):
 * a lone request waits for no one and gets its own ordinary job, and the requests arriving during a write form the
 * next group. A group whose INSERT fails for a data reason is written again one request at a time, so one bad
 * request cannot fail the others. A request that waits for its answer is not in the INSERT: its job carries its row,
 * which the worker inserts with the result (one write instead of two; the API records it queued only when no answer
 * comes in time), and a group of such requests only is queued without a write.
 */
export class ScreeningIntake {
  private readonly groups = new GroupCommit<NewScreening, Submitted>(async (group) => {
    const recorded = await this.insert(group);
    // The next group's INSERT may go while this one's jobs are being queued.
    return () => this.enqueue(recorded);
  }, MAX_GROUP);

  constructor(
    private readonly pool: Pool,
    private readonly queue: Queue<ScreeningQueueData>,
    private readonly logger: Logger,
  ) {}

  /** Resolves once the screening is recorded (or left to the worker), with whether Redis took its job. */
  submit(screening: NewScreening): Promise<Submitted> {
    return this.groups.submit(screening);
  }

  /** Records the group; returns what was recorded, by job (the requests not recorded are rejected with their error). */
  private async insert(group: Pending[]): Promise<RecordedGroup[]> {
    const first = group[0]!.item;
    const jobId = group.length === 1 ? screeningJobId(first.id) : screeningGroupJobId(first.id);
    const s = group.map((p) => p.item).filter((x) => !x.rowLeftToWorker);
    if (s.length === 0) return [{ jobId, members: group }];
    try {
      await this.pool.query(sql.INSERT_SCREENINGS, [
        s.map((x) => x.id),
        s.map((x) => x.apiKeyId),
        s.map((x) => x.request.name),
        s.map((x) => x.request.type ?? null),
        s.map((x) => x.request.birthDate ?? null),
        s.map((x) => x.request.country ?? null),
        s.map((x) => x.request.reference ?? null),
        jobId,
      ]);
      return [{ jobId, members: group }];
    } catch (error) {
      if (group.length === 1 || !aboutTheData(error)) {
        for (const p of group) p.reject(error);
        return [];
      }
      const recorded: RecordedGroup[] = [];
      for (const one of group) recorded.push(...(await this.insert([one])));
      return recorded;
    }
  }

  /** Queues the recorded groups' jobs; when Redis does not take them in time the reconciler queues them later. */
  private async enqueue(recorded: RecordedGroup[]): Promise<void> {
    if (recorded.length === 0) return;
    const jobs = recorded.map(({ jobId, members }) => {
      const job = screeningJobFor(
        jobId,
        members.map(({ item: { id, apiKeyId, request, requestId, rowLeftToWorker } }) => {
          const { reference, ...query } = request;
          const row = rowLeftToWorker && { apiKeyId, ...(reference && { reference }), ...rowLeftToWorker };
          return { screeningId: id, query, ...(requestId && { requestId }), ...(row && { row }) };
        }),
      );
      return { ...job, opts: { ...SCREENING_JOB_OPTIONS, ...job.opts } };
    });
    const members = recorded.flatMap((g) => g.members);
    const jobOf = new Map(recorded.flatMap(({ jobId, members }) => members.map((p) => [p, jobId] as const)));
    try {
      await addWhileReachable(this.queue, () => this.queue.addBulk(jobs));
      for (const p of members) p.resolve({ queued: true, jobId: jobOf.get(p)! });
    } catch (error) {
      for (const p of members) {
        const { id, requestId } = p.item;
        this.logger.warn('screening accepted but not queued yet; the reconciler will queue it', {
          screeningId: id,
          ...(requestId && { reqId: requestId }),
          error,
        });
        p.resolve({ queued: false, jobId: jobOf.get(p)! });
      }
    }
  }
}
