import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { QueueEvents } from 'bullmq';
import { start as startListsWorker, type RunningListsWorker } from '@sanctions/lists-worker';
import {
  LIST_UPDATE_JOB_NAME,
  LIST_UPDATE_SCHEDULER_ID,
  resolveDownload,
  updateLists,
  type ListUpdateOptions,
} from '@sanctions/shared/list-updates';
import { activeListVersions } from '@sanctions/shared/lists';
import { channels, createQueue, createRedis, QUEUE_NAMES, redisConnectionOptions } from '@sanctions/shared/queues';
import { createTestDatabase, quietLogger, testConfig, testRedisUrl, type TestDatabase } from '../support/test-stores';

const FIXTURES = path.resolve(__dirname, '../fixtures/lists');
const SDN_FILES = ['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'];

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const serveFile =
  (file: string): Handler =>
  (_req, res) =>
    createReadStream(path.join(FIXTURES, file)).pipe(res);
const answer =
  (status: number, body = ''): Handler =>
  (_req, res) =>
    res.writeHead(status).end(body);

/** A stand-in for the publishers' servers: each path answers as the test says; requests are recorded. */
class ListServer {
  readonly routes = new Map<string, Handler>();
  readonly requests: string[] = [];
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.requests.push(req.url ?? '');
      const handler = this.routes.get((req.url ?? '').split('?')[0]!) ?? answer(404, 'not found');
      handler(req, res);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  serveOfacSdn(): void {
    for (const file of SDN_FILES) this.routes.set(`/ofac/${file}`, serveFile(`ofac-sdn/${file}`));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const listServer = new ListServer();
beforeAll(() => listServer.start());
afterAll(() => listServer.stop());
beforeEach(() => {
  listServer.routes.clear();
  listServer.requests.length = 0;
});

describe('updating lists from their publishers', () => {
  let db: TestDatabase;
  const published: string[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());
  beforeEach(() => {
    published.length = 0;
  });

  const update = (options: Partial<ListUpdateOptions> = {}) =>
    updateLists(db.pool, {
      sources: ['ofac-sdn'],
      urls: { 'ofac-sdn': `${listServer.url}/ofac/`, 'un-sc': `${listServer.url}/un/consolidated.xml` },
      logger: quietLogger,
      publish: async (sourceId) => published.push(sourceId),
      ...options,
    });
  const versionCount = async (sourceId: string) =>
    (
      await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM list_versions WHERE source_id = $1', [
        sourceId,
      ])
    ).rows[0]!.n;

  it('downloads every OFAC SDN file, activates a version and tells the workers', async () => {
    listServer.serveOfacSdn();
    const [result] = await update();
    expect(result).toMatchObject({
      source: 'ofac-sdn',
      status: 'updated',
      version: 1,
      delta: { removed: 0, changed: 0 },
    });
    expect(result!.delta!.added).toBe(result!.entityCount);
    expect(result!.entityCount).toBeGreaterThan(5);
    expect(listServer.requests.sort()).toEqual(SDN_FILES.map((f) => `/ofac/${f}`).sort());
    expect(published).toEqual(['ofac-sdn']);
    const { rows } = await db.pool.query<{ files: { path: string }[]; warnings: { file: string }[] }>(
      `SELECT files, warnings FROM list_versions WHERE source_id = 'ofac-sdn' AND status = 'active'`,
    );
    expect(rows[0]!.files.map((f) => f.path).sort()).toEqual(
      SDN_FILES.map((f) => `${listServer.url}/ofac/${f}`).sort(),
    );
    expect(rows[0]!.warnings.length).toBeGreaterThan(0);
    expect(rows[0]!.warnings.map((w) => w.file)).toEqual(
      rows[0]!.warnings.map(() => expect.stringMatching(`^${listServer.url}/ofac/`)),
    );
  });

  it('leaves the list alone when the publisher serves the same files again', async () => {
    listServer.serveOfacSdn();
    const [result] = await update();
    expect(result).toMatchObject({ source: 'ofac-sdn', status: 'unchanged', version: 1 });
    expect(published).toEqual([]);
    expect(await versionCount('ofac-sdn')).toBe(1);
  });

  it('when the publisher answers 500, the list fails with the status and its version stays active', async () => {
    listServer.serveOfacSdn();
    listServer.routes.set('/ofac/alt.csv', answer(500, 'upstream exploded'));
    const before = await activeListVersions(db.pool);
    const [result] = await update();
    expect(result).toEqual({
      source: 'ofac-sdn',
      status: 'failed',
      error: `${listServer.url}/ofac/alt.csv: HTTP 500 Internal Server Error`,
    });
    expect(await activeListVersions(db.pool)).toEqual(before);
    expect(await versionCount('ofac-sdn')).toBe(1);
    expect(published).toEqual([]);
  });

  it('when the connection is refused, the list fails saying so and its version stays active', async () => {
    const before = await activeListVersions(db.pool);
    const port = await closedPort();
    const [result] = await update({ urls: { 'ofac-sdn': `http://127.0.0.1:${port}/ofac` } });
    expect(result).toMatchObject({ source: 'ofac-sdn', status: 'failed' });
    expect(result!.error).toMatch(/sdn\.csv: fetch failed \(ECONNREFUSED\)/);
    expect(await activeListVersions(db.pool)).toEqual(before);
  });

  it('gives up on a publisher that stops sending after the timeout', async () => {
    listServer.serveOfacSdn();
    listServer.routes.set('/ofac/sdn.csv', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.write('36,"AEROCARIBBEAN AIRLINES",');
    });
    const [result] = await update({ timeoutMs: 300 });
    expect(result).toMatchObject({
      source: 'ofac-sdn',
      status: 'failed',
      error: `${listServer.url}/ofac/sdn.csv: no complete answer within 300 ms`,
    });
  });

  it('refuses a file larger than the size limit, declared or not', async () => {
    listServer.serveOfacSdn();
    const [streamed] = await update({ maxBytes: 1000 });
    expect(streamed).toMatchObject({
      status: 'failed',
      error: `${listServer.url}/ofac/sdn.csv: more than the 1000-byte limit`,
    });
    listServer.routes.set('/ofac/sdn.csv', (_req, res) =>
      res.writeHead(200, { 'content-length': '5000' }).end('x'.repeat(5000)),
    );
    const [declared] = await update({ maxBytes: 1000 });
    expect(declared).toMatchObject({
      status: 'failed',
      error: `${listServer.url}/ofac/sdn.csv: 5000 bytes is over the 1000-byte limit`,
    });
  });

  it('when the publisher serves an error page instead of the list, the list fails naming the file', async () => {
    listServer.serveOfacSdn();
    listServer.routes.set(
      '/ofac/sdn.csv',
      answer(200, '<!DOCTYPE html><html><body>Service temporarily unavailable</body></html>'),
    );
    const before = await activeListVersions(db.pool);
    const [result] = await update();
    expect(result).toMatchObject({ source: 'ofac-sdn', status: 'failed' });
    expect(result!.error).toMatch(
      new RegExp(`^${listServer.url}/ofac/sdn\\.csv, line 1: has 1 column; an OFAC primary file has 12`),
    );
    expect(await activeListVersions(db.pool)).toEqual(before);
  });

  it('one list failing does not stop the others', async () => {
    listServer.routes.set('/un/consolidated.xml', serveFile('un-consolidated.xml'));
    const results = await update({ sources: ['ofac-sdn', 'un-sc'] });
    expect(results.map((r) => [r.source, r.status])).toEqual([
      ['ofac-sdn', 'failed'],
      ['un-sc', 'updated'],
    ]);
    expect(published).toEqual(['un-sc']);
  });

  it('a list without a public URL (EU FSF) fails until one is configured, and its token is never stored', async () => {
    const [unconfigured] = await update({ sources: ['eu-fsf'] });
    expect(unconfigured).toEqual({
      source: 'eu-fsf',
      status: 'failed',
      error: 'no download URL for eu-fsf.xml; set one in LIST_UPDATE_URLS',
    });

    listServer.routes.set('/fsf/content', serveFile('eu-fsf-export.xml'));
    const [configured] = await update({
      sources: ['eu-fsf'],
      urls: { 'eu-fsf': `${listServer.url}/fsf/content?token=s3cret-token` },
    });
    expect(configured).toMatchObject({ source: 'eu-fsf', status: 'updated', version: 1 });
    expect(listServer.requests).toEqual(['/fsf/content?token=s3cret-token']);
    const { rows } = await db.pool.query<{ files: unknown }>(
      `SELECT files FROM list_versions WHERE source_id = 'eu-fsf'`,
    );
    expect(JSON.stringify(rows)).not.toContain('s3cret');
  });
});

describe('the lists worker', () => {
  let db: TestDatabase;
  let worker: RunningListsWorker | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
  });

  const workerConfig = () =>
    testConfig(db.url, {
      LIST_UPDATE_SOURCES: 'un-sc',
      LIST_UPDATE_URLS: JSON.stringify({ 'un-sc': `${listServer.url}/un/consolidated.xml` }),
      LIST_UPDATE_CRON: '15 4 * * *',
    });

  async function withQueue<T>(
    prefix: string,
    use: (queue: ReturnType<typeof createQueue>, events: QueueEvents) => Promise<T>,
  ): Promise<T> {
    const queue = createQueue(QUEUE_NAMES.listUpdates, testRedisUrl(), prefix);
    const events = new QueueEvents(QUEUE_NAMES.listUpdates, {
      connection: redisConnectionOptions(testRedisUrl()),
      prefix,
    });
    await events.waitUntilReady();
    try {
      return await use(queue, events);
    } finally {
      await queue.obliterate({ force: true }).catch(() => undefined);
      await events.close();
      await queue.close();
    }
  }

  it('schedules the refresh with the configured cron, once however many workers start', async () => {
    const config = workerConfig();
    worker = await startListsWorker(config, quietLogger);
    const second = await startListsWorker(config, quietLogger);
    await second.stop();
    await withQueue(config.queuePrefix, async (queue) => {
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers).toHaveLength(1);
      expect(schedulers[0]).toMatchObject({
        key: LIST_UPDATE_SCHEDULER_ID,
        name: LIST_UPDATE_JOB_NAME,
        pattern: '15 4 * * *',
      });
    });
  });

  it('a queued update job downloads and activates the lists and tells the screening workers', async () => {
    listServer.routes.set('/un/consolidated.xml', serveFile('un-consolidated.xml'));
    const config = workerConfig();
    const subscriber = createRedis(testRedisUrl());
    const messages: string[] = [];
    subscriber.on('message', (_channel, message: string) => messages.push(message));
    await subscriber.subscribe(channels(config.queuePrefix).listVersionChanged);
    try {
      worker = await startListsWorker(config, quietLogger);
      await withQueue(config.queuePrefix, async (queue, events) => {
        const job = await queue.add(LIST_UPDATE_JOB_NAME, {}, { jobId: 'update-now' });
        const results = await job.waitUntilFinished(events, 20_000);
        expect(results).toEqual([expect.objectContaining({ source: 'un-sc', status: 'updated', version: 1 })]);
      });
      expect((await activeListVersions(db.pool)).map((v) => v.sourceId)).toEqual(['un-sc']);
      expect(listServer.requests).toEqual(['/un/consolidated.xml']);
      for (let i = 0; i < 50 && messages.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(messages).toEqual(['un-sc']);
    } finally {
      await subscriber.quit();
    }
  });

  it('a job whose download fails is marked failed with the reason, and the version stays active', async () => {
    listServer.routes.set('/un/consolidated.xml', answer(503));
    const config = workerConfig();
    const before = await activeListVersions(db.pool);
    worker = await startListsWorker(config, quietLogger);
    await withQueue(config.queuePrefix, async (queue, events) => {
      const job = await queue.add(LIST_UPDATE_JOB_NAME, {}, { jobId: 'update-fails', attempts: 1 });
      await expect(job.waitUntilFinished(events, 20_000)).rejects.toThrow(/un-sc \(.*consolidated\.xml: HTTP 503/);
    });
    expect(await activeListVersions(db.pool)).toEqual(before);
  });

  it('refuses to start on a cron pattern it cannot read, naming the setting', async () => {
    await expect(
      startListsWorker(
        testConfig(db.url, { LIST_UPDATE_SOURCES: 'un-sc', LIST_UPDATE_CRON: 'every six hours' }),
        quietLogger,
      ),
    ).rejects.toThrow(/^LIST_UPDATE_CRON "every six hours" is not a cron pattern/);
  });

  it('refuses to start when a configured list has no URL', async () => {
    await expect(
      startListsWorker(testConfig(db.url, { LIST_UPDATE_SOURCES: 'un-sc,eu-fsf' }), quietLogger),
    ).rejects.toThrow(/eu-fsf.*LIST_UPDATE_URLS/);
  });
});

describe('list update configuration', () => {
  it('defaults to the OFAC and UN lists every six hours, with the official URLs', () => {
    expect(testConfig('postgres://localhost/x').listUpdates).toEqual({
      sources: ['ofac-sdn', 'ofac-cons', 'un-sc'],
      urls: {},
      cron: '0 */6 * * *',
      timeoutMs: 120_000,
      maxBytes: 500 * 1024 * 1024,
    });
  });

  it('reads the URL overrides as JSON and fails fast on anything else', () => {
    const urls = {
      'un-sc': 'https://mirror.example/un.xml',
      'ofac-sdn': { 'sdn.csv': 'https://mirror.example/SDN.CSV' },
    };
    expect(
      testConfig('postgres://localhost/x', {
        LIST_UPDATE_URLS: JSON.stringify(urls),
        LIST_UPDATE_SOURCES: 'un-sc, ofac-sdn',
      }).listUpdates,
    ).toMatchObject({
      sources: ['un-sc', 'ofac-sdn'],
      urls,
    });
    expect(() => testConfig('postgres://localhost/x', { LIST_UPDATE_URLS: '{un-sc: nope' })).toThrow(
      /LIST_UPDATE_URLS: must be a JSON object/,
    );
    expect(() => testConfig('postgres://localhost/x', { LIST_UPDATE_URLS: '{"un-sc": "not a url"}' })).toThrow(
      /LIST_UPDATE_URLS/,
    );
  });
});

describe('download URLs', () => {
  it('fetch OFAC from its export service and the UN from its XML, unless overridden', () => {
    expect(resolveDownload('ofac-sdn').files.map((f) => f.url)).toEqual(
      ['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'].map(
        (f) => `https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/${f}`,
      ),
    );
    expect(resolveDownload('un-sc').files).toEqual([
      { name: 'consolidated.xml', url: 'https://scsanctions.un.org/resources/xml/en/consolidated.xml' },
    ]);
  });

  it('read an override as a base URL for a list of several files, and as the file URL for a list of one', () => {
    expect(resolveDownload('ofac-cons', 'https://mirror.example/ofac/').files.map((f) => f.url)).toEqual(
      ['cons_prim.csv', 'cons_alt.csv', 'cons_add.csv', 'cons_comments.csv'].map(
        (f) => `https://mirror.example/ofac/${f}`,
      ),
    );
    expect(resolveDownload('uk-ofsi', 'https://mirror.example/ConList.csv').files[0]!.url).toBe(
      'https://mirror.example/ConList.csv',
    );
    const perFile = resolveDownload('ofac-sdn', { 'sdn.csv': 'https://mirror.example/SDN.CSV' }).files;
    expect(perFile.map((f) => f.url)).toEqual([
      'https://mirror.example/SDN.CSV',
      'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/alt.csv',
      'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/add.csv',
      'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/sdn_comments.csv',
    ]);
  });
});
