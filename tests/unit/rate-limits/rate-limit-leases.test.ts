import { leaseSize, RateLimitLeases } from '@sanctions/shared/rate-limits';

describe('leaseSize', () => {
  it('takes one request at a time for small limits, so they stay exact', () => {
    for (const limit of [1, 3, 5, 19, 39]) expect(leaseSize(limit, limit)).toBe(1);
  });
  it('takes at most 5% of the limit and 32 requests', () => {
    expect(leaseSize(100, 100)).toBe(5);
    expect(leaseSize(6000, 6000)).toBe(32);
    expect(leaseSize(1_000_000, 1_000_000)).toBe(32);
  });
  it('shrinks to one request as the key nears its limit', () => {
    expect(leaseSize(6000, 200)).toBe(25);
    expect(leaseSize(6000, 40)).toBe(5);
    expect(leaseSize(6000, 15)).toBe(1);
    expect(leaseSize(6000, 0)).toBe(1);
  });
});

describe('RateLimitLeases', () => {
  it('spends a lease one request at a time, counting what is left locally and in Redis', () => {
    const leases = new RateLimitLeases();
    leases.grant('k', 6000, { spare: 2, redisRemaining: 100, endsAt: 60_000 });
    expect(leases.spend('k', 6000, 1_000)).toEqual({ remaining: 101, msLeft: 59_000 });
    expect(leases.spend('k', 6000, 2_000)).toEqual({ remaining: 100, msLeft: 58_000 });
    expect(leases.spend('k', 6000, 3_000)).toBeUndefined();
  });
  it('lets spare requests lapse with their window, and keeps keys and limits apart', () => {
    const leases = new RateLimitLeases();
    leases.grant('k', 6000, { spare: 5, redisRemaining: 100, endsAt: 60_000 });
    expect(leases.spend('k', 6000, 60_000)).toBeUndefined();
    expect(leases.spend('other', 6000, 1_000)).toBeUndefined();
    expect(leases.spend('k', 50, 1_000)).toBeUndefined();
  });
  it('remembers what Redis last left only while that window lasts', () => {
    const leases = new RateLimitLeases();
    expect(leases.lastRemaining('k', 6000)).toBe(6000);
    leases.grant('k', 6000, { spare: 0, redisRemaining: 12, endsAt: Date.now() + 60_000 });
    expect(leases.lastRemaining('k', 6000)).toBe(12);
    leases.grant('k', 6000, { spare: 0, redisRemaining: 12, endsAt: Date.now() - 1 });
    expect(leases.lastRemaining('k', 6000)).toBe(6000);
  });
});
