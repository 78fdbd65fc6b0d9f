import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, RLWrapperTimeouts } from 'rate-limiter-flexible';
import { leaseSize, RateLimitLeases } from './rate-limit-leases';

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
 *
 * A busy key takes its requests from Redis a few at a time (a lease, at most 5% of its limit and an eighth of what is
 * left), and this process spends them without asking Redis again until they run out or the window ends: most requests
 * cost no round trip (decision 0014). The count in Redis is never exceeded; a lease left unspent at the window's end
 * is counted as used, and near the limit leases shrink to one request, so the limit stays exact where it bites.
 */
export class KeyRateLimiter {
  private readonly limiters = new Map<number, RLWrapperTimeouts>();
  private readonly leases = new RateLimitLeases();
  /** The Redis request in flight per key and limit. */
  private readonly asking = new Map<string, Promise<RateLimitDecision>>();

  constructor(
    private readonly redis: Redis,
    /** Keeps several deployments sharing one Redis apart (their queue prefix). */
    private readonly keyPrefix: string,
  ) {}

  /** Counts one request of `keyId` against `limit` requests a minute. */
  async consume(keyId: string, limit: number): Promise<RateLimitDecision> {
    const leased = this.leases.spend(keyId, limit, Date.now());
    if (leased) return { allowed: true, limit, remaining: leased.remaining, resetSeconds: seconds(leased.msLeft) };
    // Requests that arrive while this key's lease is being taken wait for it rather than each taking one.
    const asking = this.asking.get(`${limit}:${keyId}`);
    if (asking) {
      await asking;
      return this.consume(keyId, limit);
    }
    const taken = this.take(keyId, limit);
    this.asking.set(`${limit}:${keyId}`, taken);
    try {
      return await taken;
    } finally {
      this.asking.delete(`${limit}:${keyId}`);
    }
  }

  /** Asks Redis for this request and, for a busy key, a lease of the next few. */
  private async take(keyId: string, limit: number): Promise<RateLimitDecision> {
    const now = Date.now();
    const size = leaseSize(limit, this.leases.lastRemaining(keyId, limit));
    try {
      const res = await this.limiterFor(limit).consume(keyId, size);
      this.leases.grant(keyId, limit, {
        spare: size - 1,
        redisRemaining: res.remainingPoints,
        endsAt: now + res.msBeforeNext,
      });
      return decision(true, limit, res, size - 1);
    } catch (rejected) {
      if (!(rejected instanceof RateLimiterRes)) {
        // Neither Redis nor the in-memory count answered: let the request through rather than fail it.
        return { allowed: true, limit, remaining: limit - 1, resetSeconds: WINDOW_SECONDS };
      }
      // Another process took requests meanwhile: of a lease, those still within the limit are this process's.
      const free = size - Math.max(0, rejected.consumedPoints - limit);
      this.leases.grant(keyId, limit, {
        spare: Math.max(0, free - 1),
        redisRemaining: 0,
        endsAt: now + rejected.msBeforeNext,
      });
      if (size > 1 && free >= 1) return decision(true, limit, rejected, free - 1);
      return decision(false, limit, rejected, 0);
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

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

function decision(allowed: boolean, limit: number, res: RateLimiterRes, spare: number): RateLimitDecision {
  return {
    allowed,
    limit,
    remaining: Math.max(0, res.remainingPoints) + spare,
    resetSeconds: seconds(res.msBeforeNext),
  };
}
