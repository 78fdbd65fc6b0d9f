import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { channels, createRedis } from '@sanctions/shared/queues';
import { announceLocally, announcementOf, ScreeningWaiter } from '@sanctions/shared/screening';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../support/test-stores';

/**
 * The waiter behind `?wait=true`: one subscriber for every waiting request. An announcement (published by a worker
 * after its commit) settles a screening without a Postgres read; without one, Postgres decides at the fallback poll.
 * A wait shorter than the fallback poll (500 ms) tells the two apart without timing anything.
 */
describe('waiting for a screening to settle', () => {
  let db: TestDatabase;
  let publisher: Redis;
  let waiter: ScreeningWaiter;
  const channel = channels(uniqueQueuePrefix()).screeningDone;

  const screening = async (status: 'queued' | 'done') => {
    const id = randomUUID();
    await db.pool.query(
      `INSERT INTO screenings (id, workspace_id, status, name) VALUES ($1, 'default', $2, 'Jane Doe')`,
      [id, status],
    );
    return id;
  };
  /** Resolves once the waiter's own subscriber has received the message: a round trip through Redis on a second publish. */
  const announce = async (id: string) => {
    await publisher.publish(channel, id);
    const marker = await screening('queued');
    const heard = waiter.waitUntilSettled(marker, 5_000);
    await publisher.publish(channel, marker);
    await heard;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    publisher = createRedis(testRedisUrl());
    waiter = await ScreeningWaiter.start(db.pool, createRedis(testRedisUrl()), channel);
  });
  afterAll(async () => {
    await waiter.stop();
    await publisher.quit();
    await db.drop();
  });

  it('settles when the announcement comes while the request waits', async () => {
    const id = await screening('queued');
    const settled = waiter.waitUntilSettled(id, 5_000);
    await publisher.publish(channel, id);
    await expect(settled).resolves.toBe(true);
  });

  it('hears an announcement a worker of this process makes, without Redis, and only on its own channel', async () => {
    const id = await screening('queued');
    const answer = { id, status: 'done', decision: 'no_hit' };
    const settled = waiter.waitForAnswer(id, 300);
    announceLocally(`${channel}-other-deployment`, `${id} ${JSON.stringify(answer)}`);
    announceLocally(channel, `${id} ${JSON.stringify(answer)}`);
    // Within the wait and before any fallback poll: only the local announcement can have settled it.
    await expect(settled).resolves.toEqual({ settled: true, answer: JSON.stringify(answer) });
    const other = await screening('queued');
    announceLocally(`${channel}-other-deployment`, other);
    await expect(waiter.waitUntilSettled(other, 100)).resolves.toBe(false);
  });

  it('settles every screening of a group a worker announces in one message', async () => {
    const [a, b] = [await screening('queued'), await screening('queued')];
    const settled = Promise.all([waiter.waitUntilSettled(a, 5_000), waiter.waitUntilSettled(b, 5_000)]);
    await publisher.publish(channel, `${a},${b}`);
    await expect(settled).resolves.toEqual([true, true]);
  });

  it("hands over the answer a worker's announcement carries, and settles the others of its message", async () => {
    const [a, b] = [await screening('queued'), await screening('queued')];
    const answer = JSON.stringify({ id: a, status: 'done', note: 'multi\nline' });
    const outcomes = Promise.all([waiter.waitForAnswer(a, 5_000), waiter.waitForAnswer(b, 5_000)]);
    await publisher.publish(channel, announcementOf([{ id: a, view: JSON.parse(answer) }, { id: b }]));
    await expect(outcomes).resolves.toEqual([{ settled: true, answer }, { settled: true }]);
  });

  it('settles at once when the announcement came just before the request started waiting', async () => {
    const id = await screening('queued');
    await announce(id);
    await expect(waiter.waitUntilSettled(id, 200)).resolves.toBe(true);
  });

  it('asks Postgres when no announcement comes: a lost message only delays the answer', async () => {
    const id = await screening('done');
    await expect(waiter.waitUntilSettled(id, 2_000)).resolves.toBe(true);
  });

  it('gives up at the deadline while the screening is still queued and nothing was announced', async () => {
    const id = await screening('queued');
    await expect(waiter.waitUntilSettled(id, 200)).resolves.toBe(false);
  });

  it('is not settled by the announcement of another screening', async () => {
    const id = await screening('queued');
    await announce(await screening('queued'));
    await expect(waiter.waitUntilSettled(id, 200)).resolves.toBe(false);
  });

  it('is not settled by the fallback poll while the screening has no row yet (a waiting request leaves it to the worker)', async () => {
    await expect(waiter.waitUntilSettled(randomUUID(), 700)).resolves.toBe(false);
  });
});
