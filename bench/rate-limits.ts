/**
 * What the per-key rate limit costs a request: KeyRateLimiter.consume (one Lua increment in Redis) against its peer, a
 * bare INCR on the same Redis, measured in the same run, one request at a time and 32 at once. Also the cost of one
 * /metrics text render of a process registry with every metric defined.
 *
 *   npm run bench:rate-limits
 *
 * Env: REDIS_URL (default redis://127.0.0.1:6379), BENCH_RATE_LIMIT_OPS (default 5000).
 */
import { randomBytes } from 'node:crypto';
import IORedis from 'ioredis';
import { ProcessMetrics } from '../shared/src/metrics';
import { KeyRateLimiter } from '../shared/src/rate-limits';

const REDIS = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const OPS = Number(process.env['BENCH_RATE_LIMIT_OPS'] ?? 5000);

async function timed(ops: number, concurrency: number, op: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < ops) await op(next++);
    }),
  );
  return Number(process.hrtime.bigint() - started) / 1000 / ops;
}

async function main(): Promise<void> {
  const redis = new IORedis(REDIS, { maxRetriesPerRequest: 3 });
  const prefix = `{bench-rl-${randomBytes(3).toString('hex')}}`;
  const limiter = new KeyRateLimiter(redis, prefix);
  const keys = Array.from({ length: 100 }, (_, i) => `key-${i}`);
  try {
    await timed(500, 8, (i) => limiter.consume(keys[i % keys.length]!, 1_000_000));
    const rows: string[][] = [];
    for (const concurrency of [1, 32]) {
      const consume = await timed(OPS, concurrency, (i) => limiter.consume(keys[i % keys.length]!, 1_000_000));
      const incr = await timed(OPS, concurrency, (i) => redis.incr(`${prefix}:peer:${keys[i % keys.length]}`));
      rows.push([String(concurrency), consume.toFixed(1), incr.toFixed(1), (consume / incr).toFixed(2)]);
    }
    console.log(`rate limit check, ${OPS} requests over ${keys.length} keys (µs per request, wall clock)`);
    console.log(['in flight', 'consume µs', 'INCR µs (peer)', 'ratio'].join('\t'));
    for (const row of rows) console.log(row.join('\t'));

    const metrics = new ProcessMetrics();
    for (let i = 0; i < 1000; i++)
      metrics.httpRequestDuration.observe({ method: 'GET', route: `/v1/route-${i % 20}`, status: '200' }, 0.01);
    await metrics.text();
    const render = await timed(200, 1, () => metrics.text());
    const bytes = (await metrics.text()).length;
    console.log(
      `/metrics render (20 routes, default metrics, no stores watched): ${render.toFixed(0)} µs, ${bytes} bytes`,
    );
  } finally {
    await redis.quit();
  }
}

void main();
