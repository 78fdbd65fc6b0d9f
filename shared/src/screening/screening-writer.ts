import type { Pool } from 'pg';
import { aboutTheData, GroupCommit, type GroupMember } from '../lifecycle';
import type { Logger } from '../logging';
import { recordScreenings, type MatchedScreening, type RecordedScreening } from './screening-record';
import type { ScreeningView } from './screening-view';

/** A screening of a committed group: its id, and its answer when this group recorded it. */
export interface CommittedScreening {
  id: string;
  view?: ScreeningView;
}

/** Screenings one group write takes at most; more wait for the next one. */
const MAX_GROUP = 64;

type Pending = GroupMember<MatchedScreening, RecordedScreening>;

/**
 * Group commit for a worker's screenings: the jobs it runs at once hand their matched results here, and one write
 * records them together (recordScreenings: one statement, after one suppression lookup when something matched, and one WAL flush
 * for the group, instead of four to ten round trips and a flush each). A group is written as soon as the event loop
 * has nothing else ready (setImmediate), so a lone screening waits for no one; the results that arrive while a group
 * is being written form the next group. Each job's promise settles after its group commits, so a job is still
 * acknowledged to BullMQ only once its result is stored, and a failed write fails every job of it (each is retried).
 * A group that fails is written again one screening at a time, so one bad screening cannot fail the others.
 */
export class ScreeningWriter {
  private readonly groups = new GroupCommit<MatchedScreening, RecordedScreening>(
    (group) => this.write(group),
    MAX_GROUP,
  );

  constructor(
    private readonly pool: Pool,
    /**
     * Called with each group once it is committed (recorded or already recorded), and the outbox events it made:
     * the announcement, before any job of the group is acknowledged.
     */
    private readonly onCommitted: (screenings: CommittedScreening[], outboxEvents: number) => Promise<void>,
    private readonly logger?: Logger,
  ) {}

  record(matched: MatchedScreening): Promise<RecordedScreening> {
    return this.groups.submit(matched);
  }

  private async write(group: Pending[]): Promise<void> {
    let results: RecordedScreening[];
    try {
      results = await recordScreenings(
        this.pool,
        group.map((p) => p.item),
      );
    } catch (error) {
      if (group.length === 1 || !aboutTheData(error)) {
        for (const p of group) p.reject(error);
        return;
      }
      this.logger?.warn('group write failed; writing its screenings one at a time', {
        screenings: group.length,
        error: (error as Error).message,
      });
      for (const one of group) await this.write([one]);
      return;
    }
    const committed = group.map((p, i) => ({
      id: p.item.job.screeningId,
      ...(results[i]!.view && { view: results[i]!.view }),
    }));
    await this.onCommitted(committed, results[0]?.outboxEvents ?? 0).catch(() => undefined);
    group.forEach((p, i) => p.resolve(results[i]!));
  }
}
