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
      const status = await screeningStatus(this.pool, id);
      if (status !== 'queued') return true;
      const remaining = deadline - Date.now();
      if (remaining <= 0) return false;
      await this.nextWake(id, Math.min(remaining, FALLBACK_POLL_MS));
    }
  }

  async stop(): Promise<void> {
    for (const resolvers of this.waiting.values()) for (const resolve of resolvers) resolve();
    this.waiting.clear();
    await this.subscriber.quit().catch(() => this.subscriber.disconnect());
  }

  private nextWake(id: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const set = this.waiting.get(id) ?? new Set();
      this.waiting.set(id, set);
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        if (set.size === 0) this.waiting.delete(id);
        resolve();
      };
      const timer = setTimeout(done, ms);
      set.add(done);
    });
  }

  private wake(id: string): void {
    for (const resolve of [...(this.waiting.get(id) ?? [])]) resolve();
  }
}
