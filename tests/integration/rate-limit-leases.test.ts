import { Redis } from 'ioredis';
import { KeyRateLimiter } from '@sanctions/shared/rate-limits';
import { testRedisUrl, uniqueQueuePrefix } from '../support/test-stores';

/** Issue 20: a busy key takes its requests from Redis a few at a time; the shared count is never exceeded. */
let redis: Redis;
beforeAll(async () => {
  redis = new Redis(testRedisUrl());
  // Not ready, the limiter counts in memory (decision 0018): these tests are about Redis.
  await redis.ping();
});
afterAll(async () => {
  await redis.quit();
});

const counted = async (prefix: string, keyId: string) => Number(await redis.get(`${prefix}:rate-limit:${keyId}`));

it('a key with the default limit asks Redis once per 32 requests, and says what is left after each', async () => {
  const prefix = uniqueQueuePrefix();
  const limiter = new KeyRateLimiter(redis, prefix);
  const remaining: number[] = [];
  for (let i = 0; i < 32; i++) remaining.push((await limiter.consume('busy', 6000)).remaining);
  expect(await counted(prefix, 'busy')).toBe(32);
  expect(remaining).toEqual(Array.from({ length: 32 }, (_, i) => 5999 - i));
  const next = await limiter.consume('busy', 6000);
  expect(next).toMatchObject({ allowed: true, limit: 6000, remaining: 5967 });
  expect(await counted(prefix, 'busy')).toBe(64);
});

it('two processes sharing a key never allow more than its limit between them, and refuse past it', async () => {
  const prefix = uniqueQueuePrefix();
  const processes = [new KeyRateLimiter(redis, prefix), new KeyRateLimiter(redis, prefix)];
  const limit = 400;
  let allowed = 0;
  // Four requests at a time from each process, until both are refused.
  for (let round = 0; round < 200; round++) {
    const answers = await Promise.all(processes.flatMap((p) => [1, 2, 3, 4].map(() => p.consume('shared', limit))));
    allowed += answers.filter((a) => a.allowed).length;
    if (answers.every((a) => !a.allowed)) break;
  }
  expect(allowed).toBeLessThanOrEqual(limit);
  // Leases near the limit are one request, so what a process leaves unspent is a few requests at most.
  expect(allowed).toBeGreaterThanOrEqual(limit - 8);
  expect(await counted(prefix, 'shared')).toBeGreaterThanOrEqual(limit);
  for (const p of processes) expect((await p.consume('shared', limit)).allowed).toBe(false);
});

it('a small limit stays exact: each request is counted in Redis as it comes', async () => {
  const prefix = uniqueQueuePrefix();
  const [a, b] = [new KeyRateLimiter(redis, prefix), new KeyRateLimiter(redis, prefix)];
  const answers = [await a.consume('small', 3), await b.consume('small', 3), await a.consume('small', 3)];
  expect(answers.map((x) => [x.allowed, x.remaining])).toEqual([
    [true, 2],
    [true, 1],
    [true, 0],
  ]);
  expect(await counted(prefix, 'small')).toBe(3);
  expect((await b.consume('small', 3)).allowed).toBe(false);
});
