import { Pool } from 'pg';
import { start as startApi, type RunningApi } from '@sanctions/api';
import { authenticate, createApiKey, listenForKeyChanges, VerifiedKeyCache } from '@sanctions/shared/auth';
import type { AppConfig } from '@sanctions/shared/config';
import { createRedis } from '@sanctions/shared/queues';
import { call } from '../support/http';
import { createTestDatabase, quietLogger, testConfig, testRedisUrl, type TestDatabase } from '../support/test-stores';

/** Issue 20: API processes cache verified keys, and a revoked or rotated key is refused at once by every one. */
let db: TestDatabase;
let config: AppConfig;
let first: RunningApi;
let second: RunningApi;

beforeAll(async () => {
  db = await createTestDatabase();
  config = testConfig(db.url);
  // Two API processes of one deployment: same Postgres, same Redis, same prefix.
  first = await startApi(config, quietLogger);
  second = await startApi(config, quietLogger);
});
afterAll(async () => {
  await first?.stop();
  await second?.stop();
  await db?.drop();
});

const missingScreening = '/v1/screenings/00000000-0000-4000-8000-000000000000';
/** 404 once the key is accepted (nothing to find), 401 when it is refused. */
const statusOn = async (api: RunningApi, key: string) =>
  (await call(api.url, 'GET', missingScreening, { apiKey: key })).status;

async function newKey(name: string): Promise<{ id: string; key: string }> {
  const created = await call(first.url, 'POST', '/v1/keys', { body: { name, scopes: ['screenings:read'] } });
  expect(created.status).toBe(201);
  return { id: created.body.id, key: created.body.key };
}

it('a key revoked through one API process is refused on the very next request to the other', async () => {
  const { id, key } = await newKey('revoked soon');
  // Twice on each process, so both have it cached.
  expect([await statusOn(first, key), await statusOn(second, key)]).toEqual([404, 404]);
  expect([await statusOn(first, key), await statusOn(second, key)]).toEqual([404, 404]);

  expect((await call(first.url, 'DELETE', `/v1/keys/${id}`)).status).toBe(204);

  expect(await statusOn(second, key)).toBe(401);
  expect(await statusOn(first, key)).toBe(401);
});

it("a rotated key's old secret is refused at once by both processes, and the new one works on both", async () => {
  const { id, key: oldKey } = await newKey('rotated');
  expect([await statusOn(first, oldKey), await statusOn(second, oldKey)]).toEqual([404, 404]);

  const rotated = await call(second.url, 'POST', `/v1/keys/${id}/rotate`);
  expect(rotated.status).toBe(200);
  const newKeySecret = rotated.body.key as string;

  expect([await statusOn(first, oldKey), await statusOn(second, oldKey)]).toEqual([401, 401]);
  expect([await statusOn(first, newKeySecret), await statusOn(second, newKeySecret)]).toEqual([404, 404]);
});

it('after its subscriber reconnects a process re-reads every key, so a change announced meanwhile is not missed', async () => {
  const pool = new Pool({ connectionString: db.url, max: 2 });
  const subscriber = createRedis(testRedisUrl(), { logger: quietLogger });
  const channel = `${config.queuePrefix}:api-key-changed-reconnect`;
  const cache = new VerifiedKeyCache();
  const listener = await listenForKeyChanges(subscriber, channel, cache, quietLogger);
  try {
    const { id, key } = await createApiKey(pool, { name: 'missed message', scopes: ['screenings:read'] });
    expect(await authenticate(pool, key, cache)).toMatchObject({ keyId: id });
    expect(cache.size).toBe(1);

    // Revoked with no announcement at all: what a message lost while disconnected looks like.
    await pool.query('UPDATE api_keys SET revoked_at = now() WHERE id = $1', [id]);
    const readyAgain = new Promise<void>((resolve) => subscriber.once('ready', () => resolve()));
    subscriber.disconnect(true);
    await readyAgain;
    expect(await authenticate(pool, key, cache)).toBeUndefined();
  } finally {
    await listener.stop();
    await pool.end();
  }
});
