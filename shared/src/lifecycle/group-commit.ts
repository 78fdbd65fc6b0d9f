/** One caller's item in a group, settled by the group's write. */
export interface GroupMember<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/**
 * What a group write hands back: nothing, or a follow-up step that runs once the next group may start writing
 * (the intake queues a recorded group's jobs while the next group's INSERT goes).
 */
export type GroupFollowUp = void | (() => Promise<void>);

/**
 * Group commit: the calls that arrive together are written by one write (one round trip and one WAL flush for the
 * group). A group is written as soon as the event loop has nothing else ready (setImmediate), so a lone call waits for
 * no one; the calls arriving during a write form the next group. The write settles every member itself and must not
 * throw.
 */
export class GroupCommit<Item, Result> {
  private pending: GroupMember<Item, Result>[] = [];
  private writing = false;
  private scheduled = false;

  constructor(
    private readonly writeGroup: (group: GroupMember<Item, Result>[]) => Promise<GroupFollowUp>,
    private readonly maxGroup: number,
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.writing || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.writeNext();
    });
  }

  private async writeNext(): Promise<void> {
    if (this.writing || this.pending.length === 0) return;
    this.writing = true;
    const group = this.pending.splice(0, this.maxGroup);
    let followUp: GroupFollowUp = undefined;
    try {
      followUp = await this.writeGroup(group);
    } catch (error) {
      for (const member of group) member.reject(error);
    } finally {
      this.writing = false;
      if (this.pending.length > 0) this.schedule();
    }
    if (followUp) await followUp();
  }
}

/** A Postgres error about what was written (not a lost connection, a restart or exhausted resources). */
export function aboutTheData(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !/^(08|53|57|58)/.test(code);
}
