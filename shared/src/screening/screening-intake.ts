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
}

/** Settles once the row is committed: with whether Redis took the job too. */
type Pending = GroupMember<NewScreening, boolean>;

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
 * request cannot fail the others.
 */
export class ScreeningIntake {
  private readonly groups = new GroupCommit<NewScreening, boolean>(async (group) => {
    const recorded = await this.insert(group);
    // The next group's INSERT may go while this one's jobs are being queued.
    return () => this.enqueue(recorded);
  }, MAX_GROUP);

  constructor(
    private readonly pool: Pool,
    private readonly queue: Queue<ScreeningQueueData>,
    private readonly logger: Logger,
  ) {}

  /** Resolves once the screening is recorded: true when its job is queued too, false when Redis did not take it. */
  submit(screening: NewScreening): Promise<boolean> {
    return this.groups.submit(screening);
  }

  /** Records the group; returns what was recorded, by job (the requests not recorded are rejected with their error). */
  private async insert(group: Pending[]): Promise<RecordedGroup[]> {
    const s = group.map((p) => p.item);
    const jobId = s.length === 1 ? screeningJobId(s[0]!.id) : screeningGroupJobId(s[0]!.id);
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
        members.map(({ item: { id, request, requestId } }) => {
          const { reference: _reference, ...query } = request;
          return { screeningId: id, query, ...(requestId && { requestId }) };
        }),
      );
      return { ...job, opts: { ...SCREENING_JOB_OPTIONS, ...job.opts } };
    });
    const members = recorded.flatMap((g) => g.members);
    try {
      await addWhileReachable(this.queue, () => this.queue.addBulk(jobs));
      for (const p of members) p.resolve(true);
    } catch (error) {
      for (const p of members) {
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
