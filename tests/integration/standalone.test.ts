import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startStandalone, banner } from '@sanctions/standalone';
import { call } from '../support/http';
import { quietLogger, uniqueQueuePrefix } from '../support/test-stores';

describe('npm start on a machine with no Postgres configured', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'sanctions-pglite-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const env = () => ({ PORT: '0', EMBEDDED_PG_DIR: dataDir, QUEUE_PREFIX: uniqueQueuePrefix(), LOG_LEVEL: 'silent' as const });

  it('boots on an embedded Postgres and a private redis-server, loads the seed list and screens a name', async () => {
    const s = await startStandalone(env(), quietLogger);
    try {
      expect(s.infrastructure.postgres).toMatch(/embedded PGlite/);
      expect(s.infrastructure.redis).toMatch(/local redis-server/);
      expect(s.lists).toEqual(['seed@1']);
      expect(s.generatedApiKey).toMatch(/^ssk_/);
      expect(banner(s)).toContain(s.generatedApiKey);
      expect(banner(s)).toContain(`curl -s -X POST '${s.url}/v1/screenings?wait=true'`);
      expect(banner(s)).toContain(`The screening page: ${s.url}/`);
      const res = await call(s.url, 'POST', '/v1/screenings?wait=true', { body: { name: 'Sense Time Group' }, apiKey: s.generatedApiKey });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ decision: 'hit', matches: [expect.objectContaining({ entityId: 'seed:ofac-33114' })] });
    } finally {
      await s.stop();
    }
  });

  it('keeps its data between starts: no second admin key, the seed list is not reloaded', async () => {
    const s = await startStandalone(env(), quietLogger);
    try {
      expect(s.generatedApiKey).toBeUndefined();
      expect(s.lists).toEqual(['seed@1']);
    } finally {
      await s.stop();
    }
  });
});
