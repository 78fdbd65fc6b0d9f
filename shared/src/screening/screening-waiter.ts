import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import { onLocalAnnouncement, readAnnouncement } from './screening-announcement';
import { screeningStatus } from './screening-service';

/** How long a waiting request trusts pub/sub alone before it asks Postgres, in case a completion message was lost. */
const FALLBACK_POLL_MS = 500;

/**
 * How long an announcement is remembered, for a request that starts waiting just after its screening was announced.
 * A request registers within microseconds of queueing its job; a miss costs one fallback poll, never a wrong answer.
 */
const REMEMBER_MS = 2_000;

/** How a wait ended: settled (or not, at the deadline), with the worker's answer when its announcement carried one. */
export interface WaitOutcome {
  settled: boolean;
  /** The screening's JSON as GET /v1/screenings/:id shows it, committed before it was announced. */
  answer?: string;
}

/**
 * Lets the API answer `?wait=true` as soon as a worker records the result. Workers publish the screenings on one
 * channel after their write commits (recorded, already recorded, or failed for good), so an announcement means
 * the row is settled in Postgres. A recorded screening's announcement carries its answer, as stored, which the
 * waiting request sends as it is; otherwise the caller reads the result from Postgres. One subscriber serves every
 * waiting request; a request costs no Postgres read until its screening is announced, and one status read per
 * FALLBACK_POLL_MS only when no announcement comes (Redis lost the message, or no worker is running). Answers are
 * kept only for requests waiting: an announcement that came first is remembered by id, and read from Postgres.
 */
export class ScreeningWaiter {
  private readonly waiting = new Map<string, Set<(outcome: WaitOutcome) => void>>();
  /** Ids announced in the last REMEMBER_MS..2×REMEMBER_MS: two generations, the older dropped at each turn. */
  private announcedNow = new Set<string>();
  private announcedBefore = new Set<string>();
  private readonly turn: NodeJS.Timeout;
  private stopHearingLocally = () => {};

  private constructor(
    private readonly pool: Pool,
    private readonly subscriber: Redis,
  ) {
    this.turn = setInterval(() => {
      this.announcedBefore = this.announcedNow;
      this.announcedNow = new Set();
    }, REMEMBER_MS);
    this.turn.unref();
  }

  static async start(pool: Pool, subscriber: Redis, channel: string): Promise<ScreeningWaiter> {
    const waiter = new ScreeningWaiter(pool, subscriber);
    // A worker announces a group it committed together in one message: the ids, comma-separated.
    const hear = (message: string) => {
      for (const { id, answer } of readAnnouncement(message)) waiter.announce(id, answer);
    };
    subscriber.on('message', (_channel: string, message: string) => hear(message));
    // A worker in this process (npm start) announces here first, without the round trip through Redis.
    waiter.stopHearingLocally = onLocalAnnouncement(channel, hear);
    await subscriber.subscribe(channel);
    return waiter;
  }

  /** Resolves true once the screening is done or failed, false when maxMs passes first. */
  async waitUntilSettled(id: string, maxMs: number): Promise<boolean> {
    return (await this.waitForAnswer(id, maxMs)).settled;
  }

  /** Settles once the screening is no longer queued (with its answer when announced with one), or at maxMs. */
  async waitForAnswer(id: string, maxMs: number): Promise<WaitOutcome> {
    const deadline = Date.now() + maxMs;
    for (;;) {
      // Checked and registered in one synchronous step: an announcement cannot fall between the two.
      if (this.announcedNow.has(id) || this.announcedBefore.has(id)) return { settled: true };
      const outcome = await this.nextAnnouncement(id, Math.max(0, Math.min(deadline - Date.now(), FALLBACK_POLL_MS)));
      if (outcome.settled) return outcome;
      // No announcement in time: Postgres decides. No row yet is not settled: a waiting request's row is the worker's.
      const status = await screeningStatus(this.pool, id);
      if (status === 'done' || status === 'failed') return { settled: true };
      if (deadline - Date.now() <= 0) return { settled: false };
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.turn);
    this.stopHearingLocally();
    for (const resolvers of [...this.waiting.values()])
      for (const resolve of [...resolvers]) resolve({ settled: false });
    this.waiting.clear();
    await this.subscriber.quit().catch(() => this.subscriber.disconnect());
  }

  private nextAnnouncement(id: string, ms: number): Promise<WaitOutcome> {
    return new Promise<WaitOutcome>((resolve) => {
      const set = this.waiting.get(id) ?? new Set();
      this.waiting.set(id, set);
      const done = (outcome: WaitOutcome) => {
        clearTimeout(timer);
        set.delete(done);
        if (set.size === 0 && this.waiting.get(id) === set) this.waiting.delete(id);
        resolve(outcome);
      };
      const timer = setTimeout(() => done({ settled: false }), ms);
      set.add(done);
    });
  }

  private announce(id: string, answer: string | undefined): void {
    this.announcedNow.add(id);
    const resolvers = this.waiting.get(id);
    if (resolvers)
      for (const resolve of [...resolvers])
        resolve(answer === undefined ? { settled: true } : { settled: true, answer });
  }
}
