import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startStandalone, banner } from '@sanctions/standalone';
import { call } from '../support/http';
import { sampleValue } from '../support/prometheus';
import { quietLogger, uniqueQueuePrefix } from '../support/test-stores';

describe('npm start on a machine with no Postgres configured', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'sanctions-pglite-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  // .data/pglite's place: the service publishes its stores beside it, in service.json.
  const env = () => ({
    PORT: '0',
    EMBEDDED_PG_DIR: path.join(dataDir, 'pglite'),
    QUEUE_PREFIX: uniqueQueuePrefix(),
    LOG_LEVEL: 'silent' as const,
  });

  it('boots on an embedded Postgres and a private redis-server, loads the seed list and screens a name', async () => {
    const s = await startStandalone({ ...env(), METRICS_PORT: '0' }, quietLogger);
    try {
      expect(s.infrastructure.postgres).toMatch(/embedded PGlite/);
      expect(s.infrastructure.redis).toMatch(/local redis-server/);
      expect(s.lists).toEqual(['seed@1']);
      expect(s.generatedApiKey).toMatch(/^ssk_/);
      expect(banner(s)).toContain(s.generatedApiKey);
      expect(banner(s)).toContain(`curl -s -X POST '${s.url}/v1/screenings?wait=true'`);
      expect(banner(s)).toContain(`The screening page: ${s.url}/`);
      // Where the data lives, and the command that loads a list into it.
      expect(banner(s)).toContain(`Data:     ${path.join(dataDir, 'pglite')}`);
      expect(banner(s)).toContain('npm run lists -- import --format un-xml --path consolidated.xml');
      expect(banner(s)).not.toContain('Postgres: DATABASE_URL');
      const published = JSON.parse(await readFile(path.join(dataDir, 'service.json'), 'utf8'));
      expect(published).toMatchObject({
        pid: process.pid,
        apiUrl: s.url,
        databaseUrl: s.config.databaseUrl,
        redisUrl: s.config.redisUrl,
      });
      expect((await stat(path.join(dataDir, 'service.json'))).mode & 0o077).toBe(0);
      const res = await call(s.url, 'POST', '/v1/screenings?wait=true', {
        body: { name: 'Sense Time Group' },
        apiKey: s.generatedApiKey,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        decision: 'hit',
        matches: [expect.objectContaining({ entityId: 'seed:ofac-33114' })],
      });
      // One process, one registry: the API's requests and the worker's screenings on one /metrics, without a key on METRICS_PORT.
      expect(banner(s)).toContain(`Metrics:  ${s.metricsUrl}`);
      const metrics = await (await fetch(s.metricsUrl!)).text();
      expect(
        sampleValue(metrics, 'http_request_duration_seconds_count', {
          method: 'POST',
          route: '/v1/screenings',
          status: '200',
        }),
      ).toBe(1);
      expect(sampleValue(metrics, 'screenings_total', { decision: 'hit', source: 'screening' })).toBe(1);
      expect(sampleValue(metrics, 'list_version', { source: 'seed' })).toBe(1);
      expect(sampleValue(metrics, 'queue_jobs', { queue: 'webhook-deliveries', state: 'failed' })).toBe(0);
      const viaApi = await call(s.url, 'GET', '/metrics', { apiKey: s.generatedApiKey });
      expect(sampleValue(viaApi.body, 'screenings_total', { decision: 'hit', source: 'screening' })).toBe(1);
    } finally {
      await s.stop();
    }
    await expect(stat(path.join(dataDir, 'service.json'))).rejects.toThrow(/ENOENT/);
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
