import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import { screeningStatus } from './screening-service';

/** How often a waiting request re-reads Postgres, in case a completion message was missed. */
const FALLBACK_POLL_MS = 500;

/**
 * Lets the API answer `?wait=true` as soon as a worker records the result: workers publish the
 * screening id after their transaction commits; Postgres stays the judge of whether it is done.
 */
export class ScreeningWaiter {
  private readonly waiting = new Map<string, Set<() => void>>();

  private constructor(
    private readonly pool: Pool,
    private readonly subscriber: Redis,
  ) {}

  static async start(pool: Pool, subscriber: Redis, channel: string): Promise<ScreeningWaiter> {
    const waiter = new ScreeningWaiter(pool, subscriber);
    subscriber.on('message', (_channel: string, id: string) => waiter.wake(id));
    await subscriber.subscribe(channel);
    return waiter;
  }

  /** Resolves true once the screening is no longer queued, false when maxMs passes first. */
  async waitUntilSettled(id: string, maxMs: number): Promise<boolean> {
    const deadline = Date.now() + maxMs;
    for (;;) {
      // Listen before looking: a completion published while Postgres is being read still wakes us.
      const wake = this.nextWake(id, Math.max(0, Math.min(deadline - Date.now(), FALLBACK_POLL_MS)));
      const status = await screeningStatus(this.pool, id).catch((error: unknown) => {
        wake.cancel();
        throw error;
      });
      if (status !== 'queued') {
        wake.cancel();
        return true;
      }
      if (deadline - Date.now() <= 0) {
        wake.cancel();
        return false;
      }
      await wake.woken;
    }
  }

  async stop(): Promise<void> {
    for (const resolvers of this.waiting.values()) for (const resolve of resolvers) resolve();
    this.waiting.clear();
    await this.subscriber.quit().catch(() => this.subscriber.disconnect());
  }

  private nextWake(id: string, ms: number): { woken: Promise<void>; cancel: () => void } {
    let done!: () => void;
    const woken = new Promise<void>((resolve) => {
      const set = this.waiting.get(id) ?? new Set();
      this.waiting.set(id, set);
      done = () => {
        clearTimeout(timer);
        set.delete(done);
        if (set.size === 0) this.waiting.delete(id);
        resolve();
      };
      const timer = setTimeout(done, ms);
      set.add(done);
    });
    return { woken, cancel: done };
  }

  private wake(id: string): void {
    for (const resolve of [...(this.waiting.get(id) ?? [])]) resolve();
  }
}
