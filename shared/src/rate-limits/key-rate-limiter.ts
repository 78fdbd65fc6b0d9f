import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, RLWrapperTimeouts } from 'rate-limiter-flexible';

/** A minute's window: limits are given per minute. */
const WINDOW_SECONDS = 60;
/**
 * Redis answers a counter increment in about a millisecond; past this it is stalled, and this process counts on its
 * own for that request (docs/decisions/0018). Below the queue's 500 ms so a screening is still accepted within a second.
 */
const REDIS_TIMEOUT_MS = 250;
/** Limiters are made per distinct limit value; keys share a few values, so this bound is never reached in practice. */
const MAX_LIMITERS = 1_000;

export interface RateLimitDecision {
  allowed: boolean;
  /** Requests allowed in the window. */
  limit: number;
  /** Requests left in the current window. */
  remaining: number;
  /** Seconds until the window ends and the count starts again (at least 1). */
  resetSeconds: number;
}

/**
 * Per-key request limits, counted in Redis (a fixed one-minute window per key, rate-limiter-flexible's atomic
 * increment) so that every API process shares the same count. Each key has its own counter: one key's traffic never
 * limits another's. While Redis is down or stalled, each process counts in memory instead, with the same limit, so
 * requests are neither refused nor held (decision 0018); a key over its limit is also remembered in memory until its
 * window ends, so a client hammering past its limit costs Redis nothing.
 */
export class KeyRateLimiter {
  private readonly limiters = new Map<number, RLWrapperTimeouts>();

  constructor(
    private readonly redis: Redis,
    /** Keeps several deployments sharing one Redis apart (their queue prefix). */
    private readonly keyPrefix: string,
  ) {}

  /** Counts one request of `keyId` against `limit` requests a minute. */
  async consume(keyId: string, limit: number): Promise<RateLimitDecision> {
    try {
      return decision(true, limit, await this.limiterFor(limit).consume(keyId));
    } catch (rejected) {
      if (rejected instanceof RateLimiterRes) return decision(false, limit, rejected);
      // Neither Redis nor the in-memory count answered: let the request through rather than fail it.
      return { allowed: true, limit, remaining: limit - 1, resetSeconds: WINDOW_SECONDS };
    }
  }

  private limiterFor(points: number): RLWrapperTimeouts {
    let limiter = this.limiters.get(points);
    if (limiter) return limiter;
    if (this.limiters.size >= MAX_LIMITERS) this.limiters.clear();
    const options = { points, duration: WINDOW_SECONDS, keyPrefix: `${this.keyPrefix}:rate-limit` };
    limiter = new RLWrapperTimeouts({
      limiter: new RateLimiterRedis({
        ...options,
        storeClient: this.redis,
        rejectIfRedisNotReady: true,
        inMemoryBlockOnConsumed: points + 1,
      }),
      timeoutMs: REDIS_TIMEOUT_MS,
      insuranceLimiter: new RateLimiterMemory(options),
    });
    this.limiters.set(points, limiter);
    return limiter;
  }
}

function decision(allowed: boolean, limit: number, res: RateLimiterRes): RateLimitDecision {
  return {
    allowed,
    limit,
    remaining: Math.max(0, res.remainingPoints),
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  };
}
