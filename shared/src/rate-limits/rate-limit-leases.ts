/** The most requests one lease takes from Redis at once. */
const MAX_LEASE = 32;
/** A lease is at most this share of the key's limit… */
const LEASE_SHARE_OF_LIMIT = 1 / 20;
/** …and of what Redis last said was left, so that leases shrink to one request as the key nears its limit. */
const LEASE_SHARE_OF_REMAINING = 1 / 8;
/** Leases kept per process; past this the oldest go (they are only an optimisation). */
const MAX_LEASES = 10_000;

/** How many requests to take from Redis at once for a key with `limit`, `remaining` of which were last left. */
export function leaseSize(limit: number, remaining: number): number {
  const size = Math.floor(Math.min(limit * LEASE_SHARE_OF_LIMIT, remaining * LEASE_SHARE_OF_REMAINING, MAX_LEASE));
  return Math.max(1, size);
}

interface Lease {
  /** Requests taken from Redis and not yet spent. */
  spare: number;
  /** What Redis said was left when the lease was taken. */
  redisRemaining: number;
  /** When the window the lease belongs to ends (epoch ms): spare requests lapse with it. */
  endsAt: number;
}

/** The requests this process took from Redis ahead of need, per key and limit, spent locally. */
export class RateLimitLeases {
  private readonly leases = new Map<string, Lease>();

  /** Spends one request of a live lease; undefined when there is none to spend. */
  spend(keyId: string, limit: number, now: number): { remaining: number; msLeft: number } | undefined {
    const lease = this.leases.get(`${limit}:${keyId}`);
    if (!lease || lease.spare <= 0 || lease.endsAt <= now) return undefined;
    lease.spare -= 1;
    return { remaining: Math.max(0, lease.redisRemaining) + lease.spare, msLeft: lease.endsAt - now };
  }

  /** What was left of the key's window when this process last asked Redis (the whole limit when it never did). */
  lastRemaining(keyId: string, limit: number): number {
    const lease = this.leases.get(`${limit}:${keyId}`);
    return lease && lease.endsAt > Date.now() ? Math.max(0, lease.redisRemaining) : limit;
  }

  /** Keeps what Redis granted; spare requests of an earlier lease in the same window are kept too. */
  grant(keyId: string, limit: number, lease: Lease): void {
    const key = `${limit}:${keyId}`;
    const earlier = this.leases.get(key);
    if (earlier && earlier.endsAt > Date.now() && Math.abs(earlier.endsAt - lease.endsAt) < 1_000)
      lease = { ...lease, spare: lease.spare + earlier.spare };
    this.leases.delete(key);
    if (this.leases.size >= MAX_LEASES) this.leases.delete(this.leases.keys().next().value!);
    this.leases.set(key, lease);
  }
}
