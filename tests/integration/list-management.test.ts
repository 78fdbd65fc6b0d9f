import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createApiKey } from '@sanctions/shared/auth';
import { call } from '../support/http';
import { createSeededDatabase } from '../support/list-factories';
import { startService, type RunningService } from '../support/running-service';
import { testConfig, TEST_API_KEY, type TestDatabase } from '../support/test-stores';

const FIXTURES = path.resolve(__dirname, '../fixtures/lists');
const UPLOAD_LIMIT = 4 * 1024 * 1024;

let db: TestDatabase;
let service: RunningService;

beforeAll(async () => {
  db = await createSeededDatabase();
  service = await startService(testConfig(db.url, { MAX_LIST_UPLOAD_BYTES: String(UPLOAD_LIMIT) }));
});
afterAll(async () => {
  await service?.stop();
  await db?.drop();
});

/** POST the files as a multipart form, as `curl -F file=@…` does. */
async function upload(
  source: string,
  files: { name: string; content: string | Buffer }[],
  options: { query?: string; format?: string; apiKey?: string } = {},
) {
  const form = new FormData();
  if (options.format) form.append('format', options.format);
  for (const f of files) form.append('file', new Blob([f.content]), f.name);
  const res = await fetch(`${service.url}/v1/lists/${source}/versions${options.query ?? ''}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${options.apiKey ?? TEST_API_KEY}` },
    body: form,
  });
  const text = await res.text();
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    body: text ? JSON.parse(text) : undefined,
  };
}

const fixture = (file: string) => ({ name: path.basename(file), content: readFileSync(path.join(FIXTURES, file)) });

async function waitUntilDone(source: string, version: number) {
  const seen: { status: string; percent: number; entitiesStaged: number }[] = [];
  for (let i = 0; i < 600; i++) {
    const res = await call(service.url, 'GET', `/v1/lists/${source}/versions/${version}`);
    seen.push({ status: res.body.status, percent: res.body.percent, entitiesStaged: res.body.progress.entitiesStaged });
    if (res.body.status !== 'importing') return { view: res.body, seen };
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${source}@${version} still importing`);
}

const screen = (name: string) => call(service.url, 'POST', '/v1/screenings?wait=true', { body: { name } });

/**
 * Screens until the decision is the one expected: the worker rebuilds its index in the background
 * when told of the change. The periodic check is a minute away (the default), so an answer within
 * seconds came through the list-version-changed message.
 */
async function screenUntil(name: string, decision: 'hit' | 'no_hit') {
  const deadline = Date.now() + 5000;
  for (;;) {
    const res = await screen(name);
    if (res.body.decision === decision || Date.now() > deadline) return res;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function uploadDirsLeft(): Promise<string[]> {
  return (await readdir(os.tmpdir())).filter((d) => d.startsWith('list-upload-'));
}

describe('POST /v1/lists/:source/versions', () => {
  it('imports uploaded files as a new version, with progress readable while it runs, and the workers pick it up', async () => {
    const before = await screen('Saddam Hussein');
    expect(before.body.decision).toBe('no_hit');

    const res = await upload('un-sc', [fixture('un-consolidated.xml')]);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({
      source: 'un-sc',
      version: 1,
      links: { self: '/v1/lists/un-sc/versions/1', warnings: '/v1/lists/un-sc/versions/1/warnings' },
    });
    expect(['importing', 'active']).toContain(res.body.status);
    const { view } = await waitUntilDone('un-sc', 1);
    expect(view).toMatchObject({
      status: 'active',
      percent: 100,
      format: 'un-xml',
      files: [expect.objectContaining({ path: 'un-consolidated.xml' })],
    });
    expect(view.entityCount).toBeGreaterThan(0);

    // The worker was told through the list-version-changed message: no waiting for its periodic check.
    const after = await screenUntil('Saddam Hussein', 'hit');
    expect(after.body.decision).toBe('hit');
    expect(after.body.listVersion).toContain('un-sc@1');

    // The same files again change nothing.
    const again = await upload('un-sc', [fixture('un-consolidated.xml')]);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'unchanged', version: 1 });
  });

  it('shows percent and staged entities of a large import while it runs, then 100', async () => {
    // Names of distinct made-up words, as a real list's are (10,000 entities sharing two words would be no list at all).
    const word = (n: number) =>
      Array.from({ length: 6 }, (_, k) => String.fromCharCode(97 + (Math.floor(n / 26 ** k) % 26))).join('');
    const rows = Array.from(
      { length: 10_000 },
      (_, i) =>
        `${900000 + i},"${word(i * 7919 + 13)}, ${word(i * 104729 + 7)}","individual","TEST",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- `,
    );
    const res = await upload('ofac-cons', [{ name: 'cons_prim.csv', content: `${rows.join('\r\n')}\r\n` }]);
    expect(res.status).toBe(202);
    const { view, seen } = await waitUntilDone('ofac-cons', res.body.version);
    expect(view).toMatchObject({ status: 'active', percent: 100, entityCount: 10_000 });
    // Out of the index again, so the tests after this one screen a small index.
    expect((await call(service.url, 'POST', `/v1/lists/ofac-cons/disable`)).status).toBe(200);
    expect(seen.some((s) => s.status === 'importing' && s.percent > 0 && s.percent < 100 && s.entitiesStaged > 0)).toBe(
      true,
    );
  });

  it('waits for the result with ?wait=true', async () => {
    const res = await upload(
      'ofac-sdn',
      ['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'].map((f) => fixture(`ofac-sdn/${f}`)),
      { query: '?wait=true' },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ source: 'ofac-sdn', status: 'active', percent: 100 });
  });

  it('warns when an SDN folder has no alias file: the version would have no aliases', async () => {
    const res = await upload('ofac-sdn', [fixture('ofac-sdn-only/sdn.csv')], { query: '?wait=true' });
    expect(res.status).toBe(201);
    const warnings = await call(service.url, 'GET', `/v1/lists/ofac-sdn/versions/${res.body.version}/warnings`);
    expect(warnings.body.warnings.slice(0, 3).map((w: { file: string }) => w.file)).toEqual([
      'alt.csv',
      'add.csv',
      'sdn_comments.csv',
    ]);
    expect(warnings.body.warnings[0].message).toBe(
      'alt.csv was not given, so this version has no aliases (a.k.a. names), which screening matches on; put it in the same folder as sdn.csv and pass the folder',
    );
  });

  it('refuses a file that is not the list, naming the file and the reason, and leaves nothing behind', async () => {
    const res = await upload('un-sc', [{ name: 'consolidated.xml', content: 'name,dob\nJohn,1970\n' }]);
    expect(res.status).toBe(400);
    expect(res.contentType).toContain('application/problem+json');
    expect(res.body.detail).toMatch(/^consolidated\.xml/);
    expect(res.body.detail).not.toContain(os.tmpdir());
    const versions = await call(service.url, 'GET', '/v1/lists/un-sc/versions');
    expect(versions.body.versions.map((v: { version: number }) => v.version)).toEqual([1]);
    expect(await uploadDirsLeft()).toEqual([]);
  });

  it('refuses files of another list, saying where to send them', async () => {
    const res = await upload('ofac-sdn', [fixture('un-consolidated.xml')], { format: 'un-xml' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'file', message: 'send them to POST /v1/lists/un-sc/versions' }]);
  });

  it('bounds each file (413) and the number of files', async () => {
    const big = await upload('un-sc', [{ name: 'consolidated.xml', content: Buffer.alloc(UPLOAD_LIMIT + 1, 'a') }]);
    expect(big.status).toBe(413);
    const many = await upload(
      'ofac-sdn',
      Array.from({ length: 9 }, (_, i) => ({ name: `f${i}.csv`, content: 'x' })),
    );
    expect(many.status).toBe(413);
    expect(await uploadDirsLeft()).toEqual([]);
  });

  it('needs lists:write, multipart, and a known list', async () => {
    const { key } = await createApiKey(db.pool, { name: 'reader', scopes: ['lists:read'] });
    expect((await upload('un-sc', [fixture('un-consolidated.xml')], { apiKey: key })).status).toBe(403);
    expect((await call(service.url, 'POST', '/v1/lists/un-sc/versions', { body: { file: 'x' } })).status).toBe(415);
    expect((await upload('narnia-list', [fixture('un-consolidated.xml')])).status).toBe(404);
  });
});

describe('GET /v1/lists/:source/versions/:version/warnings', () => {
  it('stores every warning of an import and pages through them in order', async () => {
    // 1,200 alias rows for entities the primary file does not hold: one warning each, past the 500 kept on the version row.
    const alt = Array.from({ length: 1200 }, (_, i) => `${800000 + i},${i + 1},"aka","GHOST ${i}",-0- `).join('\r\n');
    const sdn = `36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n`;
    const res = await upload(
      'ofac-sdn',
      [
        { name: 'sdn.csv', content: sdn },
        { name: 'alt.csv', content: `${alt}\r\n` },
      ],
      { query: '?wait=true' },
    );
    expect(res.status).toBe(201);
    const version = res.body.version;
    // The two companion files not sent (add.csv, sdn_comments.csv) warn too.
    expect(res.body.warningCount).toBe(1202);

    const first = await call(service.url, 'GET', `/v1/lists/ofac-sdn/versions/${version}/warnings?limit=1000`);
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(1202);
    expect(first.body.warnings).toHaveLength(1000);
    expect(first.body.warnings[0]).toMatchObject({ position: 1, file: 'add.csv' });
    expect(first.body.warnings[2]).toEqual({
      position: 3,
      file: 'alt.csv',
      line: 1,
      field: 'ent_num',
      message: 'alias row for ent_num 800000, which is not in sdn.csv: skipped',
    });
    const second = await call(service.url, 'GET', first.body.next);
    expect(second.body.warnings).toHaveLength(202);
    expect(second.body.warnings[201].message).toContain('ent_num 801199');
    expect(second.body.next).toBeUndefined();

    const bad = await call(service.url, 'GET', `/v1/lists/ofac-sdn/versions/${version}/warnings?limit=5000`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'limit', message: 'must be an integer from 1 to 1000' }]);
    expect((await call(service.url, 'GET', '/v1/lists/ofac-sdn/versions/999/warnings')).status).toBe(404);
  });
});

describe('POST /v1/lists/:source/disable and /enable', () => {
  it('takes a list out of screening at once and back, shown in GET /v1/lists', async () => {
    expect((await screen('Sense Time Group')).body.decision).toBe('hit');

    const off = await call(service.url, 'POST', '/v1/lists/seed/disable', {
      body: { reason: 'official lists loaded' },
    });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ source: 'seed', enabled: false, changed: true });
    const hidden = await screenUntil('Sense Time Group', 'no_hit');
    expect(hidden.body.decision).toBe('no_hit');
    expect(hidden.body.listVersion).not.toContain('seed');
    const lists = await call(service.url, 'GET', '/v1/lists');
    expect(lists.body.lists.find((l: { id: string }) => l.id === 'seed')).toMatchObject({
      enabled: false,
      disabledAt: expect.any(String),
      activeVersion: expect.objectContaining({ version: 1 }),
    });
    expect(lists.body.lists.find((l: { id: string }) => l.id === 'un-sc')).toMatchObject({
      enabled: true,
      disabledAt: null,
    });

    const twice = await call(service.url, 'POST', '/v1/lists/seed/disable');
    expect(twice.body).toMatchObject({ enabled: false, changed: false });

    const on = await call(service.url, 'POST', '/v1/lists/seed/enable');
    expect(on.body).toMatchObject({ source: 'seed', enabled: true, changed: true });
    expect((await screenUntil('Sense Time Group', 'hit')).body.decision).toBe('hit');
  });

  it('refuses to disable the last list screened against, and lists never loaded', async () => {
    for (const source of ['un-sc', 'ofac-sdn'])
      expect((await call(service.url, 'POST', `/v1/lists/${source}/disable`)).status).toBe(200);
    const last = await call(service.url, 'POST', '/v1/lists/seed/disable');
    expect(last.status).toBe(409);
    expect(last.body.detail).toMatch(/seed is the only list screened against/);
    expect((await call(service.url, 'POST', '/v1/lists/eu-fsf/disable')).status).toBe(404);
    for (const source of ['un-sc', 'ofac-sdn'])
      expect((await call(service.url, 'POST', `/v1/lists/${source}/enable`)).status).toBe(200);
  });

  it('needs lists:write', async () => {
    const { key } = await createApiKey(db.pool, { name: 'reader 2', scopes: ['lists:read'] });
    expect((await call(service.url, 'POST', '/v1/lists/seed/disable', { apiKey: key })).status).toBe(403);
  });
});
