import { createApiKey } from '@sanctions/shared/auth';
import { call } from '../support/http';
import { seededServicePerFile } from '../support/running-service';

const REUTERS_URL =
  'https://www.reuters.com/world/asia-pacific/us-issues-human-rights-related-sanctions-adds-sensetime-blacklist-2021-12-10/';

const stores = seededServicePerFile();

const screen = (body: unknown, query = '?wait=true') =>
  call(stores.service.url, 'POST', `/v1/screenings${query}`, { body });

describe('screening a name over HTTP', () => {
  it.each([
    ['Sense Time Group', 'seed:ofac-33114', 'SENSETIME GROUP LIMITED'],
    ['Ri Yong-gil', 'seed:ofac-33936', 'RI, Yong Gil'],
    ['Rapid Action Batallion', 'seed:ofac-33951', 'RAPID ACTION BATTALION'],
    ['Myo Swe Winn', 'seed:ofac-33973', 'WIN, Myo Swe'],
    ['Benazir Ahmad', 'seed:ofac-33952', 'AHMED, Benazir'],
    ['S.E.K. Studio', 'seed:ofac-34022', 'SEK STUDIO'],
  ])('finds %s as a hit on the designated entity, with its citations', async (name, entityId, listedName) => {
    const res = await screen({ name });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'done', decision: 'hit', listVersion: 'seed@1', query: { name } });
    const match = res.body.matches[0];
    expect(match).toMatchObject({ entityId, name: listedName, lists: ['seed'] });
    expect(match.score).toBeGreaterThanOrEqual(res.body.threshold);
    expect(match.explanation.length).toBeGreaterThan(0);
    expect(match.programs.length).toBeGreaterThan(0);
    const ofac = match.citations.find(
      (c: { sourceRowId?: string }) => c.sourceRowId === entityId.replace('seed:ofac-', ''),
    );
    expect(ofac).toMatchObject({ listedOn: '2021-12-10', url: expect.stringContaining('ofac.treas.gov') });
  });

  it.each([
    ['CPPO', 'seed:ofac-30184', 'CENTRAL PUBLIC PROSECUTORS OFFICE'],
    ['MWVO', 'seed:ofac-33536', 'MYANMAR WAR VETERANS ORGANIZATION'],
  ])('reads %s as the initials of a listed organisation, and says so', async (name, entityId, listedName) => {
    const res = await screen({ name, type: 'organization' });
    expect(res.body).toMatchObject({ status: 'done', decision: 'hit' });
    expect(res.body.matches[0]).toMatchObject({ entityId, name: listedName });
    expect(res.body.matches[0].explanation.join(' ')).toContain(
      `"${name.toLowerCase()}" is the initials of "${listedName.toLowerCase()}"`,
    );
    // Never for a person: initials that spell an organisation's acronym are a person's by chance.
    const person = await screen({ name, type: 'person' });
    expect(person.body.matches.map((m: { entityId: string }) => m.entityId)).not.toContain(entityId);
  });

  it('cites the Reuters report on SenseTime', async () => {
    const res = await screen({ name: 'SenseTime' });
    expect(res.body.decision).toBe('hit');
    expect(res.body.matches[0].citations).toEqual(
      expect.arrayContaining([expect.objectContaining({ url: REUTERS_URL, publisher: 'Reuters' })]),
    );
  });

  it.each(['Jane Doe', 'John Smith', 'Maria Garcia', 'Acme Trading Ltd'])('answers no-hit for %s', async (name) => {
    const res = await screen({ name });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'done', decision: 'no_hit', matches: [] });
  });

  it('queues without ?wait and serves the result at its location', async () => {
    const accepted = await screen({ name: 'Ri Yong Gil', reference: 'customer-42' }, '');
    expect(accepted.status).toBe(202);
    expect(accepted.body).toEqual({
      id: expect.any(String),
      status: 'queued',
      links: { self: `/v1/screenings/${accepted.body.id}` },
    });
    expect(accepted.headers.get('location')).toBe(`/v1/screenings/${accepted.body.id}`);
    let result = await call(stores.service.url, 'GET', `/v1/screenings/${accepted.body.id}`);
    for (let i = 0; i < 100 && result.body.status === 'queued'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      result = await call(stores.service.url, 'GET', `/v1/screenings/${accepted.body.id}`);
    }
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      status: 'done',
      decision: 'hit',
      reference: 'customer-42',
      screenedAt: expect.any(String),
    });
  });

  it('lowers the score, and says so, when the query type contradicts the listed type', async () => {
    const untyped = await screen({ name: 'Rapid Action Battalion' });
    const asPerson = await screen({ name: 'Rapid Action Battalion', type: 'person' });
    expect(asPerson.body.matches[0].score).toBeLessThan(untyped.body.matches[0].score);
    expect(asPerson.body.matches[0].explanation.join(' ')).toMatch(/person/);
  });

  it('uses the birth date: a contradicting year lowers the score of a person', async () => {
    const matching = await screen({ name: 'Ri Yong Gil', birthDate: '1955' });
    const contradicting = await screen({ name: 'Ri Yong Gil', birthDate: '1990' });
    expect(matching.body.decision).toBe('hit');
    const scoreOf = (r: typeof matching) => (r.body.matches[0]?.score ?? 0) as number;
    expect(scoreOf(contradicting)).toBeLessThan(scoreOf(matching));
  });
});

describe('bad requests', () => {
  const expectProblem = (res: { status: number; contentType: string; body: any }, status: number) => {
    expect(res.status).toBe(status);
    expect(res.contentType).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  };

  it('names the failing fields', async () => {
    const res = await screen({ name: '', birthDate: '1955-13-01', type: 'ship' });
    expectProblem(res, 400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['birthDate', 'name', 'type']);
  });

  it('refuses an unknown country, naming the field and the forms accepted', async () => {
    const res = await screen({ name: 'Ri Yong-gil', country: 'Narnia' });
    expectProblem(res, 400);
    expect(res.body.errors).toEqual([
      {
        field: 'country',
        message:
          'is not a country we know; use an ISO 3166 alpha-2 code (e.g. "KP") or an English country name (e.g. "North Korea")',
      },
    ]);
    expect((await screen({ name: 'Ri Yong-gil', country: 'North Korea' })).status).toBe(200);
    expect((await screen({ name: 'Ri Yong-gil', country: 'kp' })).status).toBe(200);
  });

  it('speaks the product: an array goes to /v1/batches, an unknown field suggests the one meant', async () => {
    const array = await call(stores.service.url, 'POST', '/v1/screenings', {
      body: [{ name: 'Ri Yong-gil' }, { name: 'Jane Doe' }],
    });
    expectProblem(array, 400);
    expect(array.body.detail).toContain('to screen many, send the array to POST /v1/batches');
    const typo = await screen({ fullName: 'Ri Yong-gil' });
    expectProblem(typo, 400);
    expect(typo.body.errors).toEqual(
      expect.arrayContaining([{ field: 'fullName', message: 'is not a field of a screening; did you mean "name"?' }]),
    );
    const misspelt = await screen({ name: 'Ri Yong-gil', contry: 'KP' });
    expect(misspelt.body.errors).toEqual([
      { field: 'contry', message: 'is not a field of a screening; did you mean "country"?' },
    ]);
    const unknown = await screen({ name: 'Ri Yong-gil', favouriteColour: 'red' });
    expect(unknown.body.errors).toEqual([
      {
        field: 'favouriteColour',
        message: 'is not a field of a screening; the fields are name, type, birthDate, country, reference',
      },
    ]);
  });

  it('refuses a body that is not JSON', async () => {
    expectProblem(
      await call(stores.service.url, 'POST', '/v1/screenings', {
        rawBody: '{"name": ',
        contentType: 'application/json',
      }),
      400,
    );
    expectProblem(
      await call(stores.service.url, 'POST', '/v1/screenings', {
        rawBody: 'name=x',
        contentType: 'application/x-www-form-urlencoded',
      }),
      415,
    );
  });

  it('bounds the request size', async () => {
    const res = await call(stores.service.url, 'POST', '/v1/screenings', { body: { name: 'x'.repeat(100_000) } });
    expectProblem(res, 413);
  });

  it('answers unknown routes and unknown screenings with 404 problems', async () => {
    expectProblem(await call(stores.service.url, 'GET', '/v1/nothing-here'), 404);
    expectProblem(await call(stores.service.url, 'GET', '/v1/screenings/00000000-0000-4000-8000-000000000000'), 404);
    expectProblem(await call(stores.service.url, 'GET', '/v1/screenings/not-a-uuid'), 404);
  });
});

describe('authentication', () => {
  it('refuses a request without a key, and one with an unknown key', async () => {
    const missing = await call(stores.service.url, 'POST', '/v1/screenings', { body: { name: 'x' }, apiKey: null });
    expect(missing.status).toBe(401);
    expect(missing.contentType).toContain('application/problem+json');
    expect(missing.headers.get('www-authenticate')).toMatch(/Bearer/);
    expect((await call(stores.service.url, 'GET', '/v1/lists', { apiKey: 'ssk_not-a-real-key' })).status).toBe(401);
  });

  it('checks scopes', async () => {
    const { key } = await createApiKey(stores.db.pool, { name: 'read only', scopes: ['screenings:read'] });
    const res = await call(stores.service.url, 'POST', '/v1/screenings', { body: { name: 'x' }, apiKey: key });
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/screenings:write/);
  });

  it('stores keys hashed, never in clear', async () => {
    const { key } = await createApiKey(stores.db.pool, { name: 'hash check', scopes: ['lists:read'] });
    const { rows } = await stores.db.pool.query(`SELECT key_hash FROM api_keys WHERE name = 'hash check'`);
    expect(rows[0].key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(key);
    expect((await call(stores.service.url, 'GET', '/v1/lists', { apiKey: key })).status).toBe(200);
  });
});

describe('health', () => {
  it('is alive and ready with Postgres, Redis and a loaded list', async () => {
    expect((await call(stores.service.url, 'GET', '/healthz', { apiKey: null })).body).toEqual({ status: 'ok' });
    const ready = await call(stores.service.url, 'GET', '/readyz', { apiKey: null });
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toMatchObject({
      postgres: { ok: true },
      redis: { ok: true },
      lists: { ok: true, loaded: 1 },
    });
  });

  it('lists the loaded lists', async () => {
    const res = await call(stores.service.url, 'GET', '/v1/lists');
    expect(res.body.lists.find((l: { id: string }) => l.id === 'seed')).toMatchObject({
      activeVersion: { version: 1, entityCount: 26 },
    });
  });
});

describe('lists and entities', () => {
  it('lists the versions of a source and pages through a version delta', async () => {
    const versions = await call(stores.service.url, 'GET', '/v1/lists/seed/versions');
    expect(versions.body.versions).toEqual([
      expect.objectContaining({
        version: 1,
        status: 'active',
        entityCount: 26,
        delta: { added: 26, removed: 0, changed: 0 },
      }),
    ]);
    const seen: string[] = [];
    let next: string | undefined = '/v1/lists/seed/versions/1/delta?limit=10';
    while (next) {
      const page: { status: number; body: any } = await call(stores.service.url, 'GET', next);
      expect(page.status).toBe(200);
      seen.push(...page.body.changes.map((c: { entityId: string; change: string }) => `${c.change}:${c.entityId}`));
      next = page.body.next;
    }
    expect(seen).toHaveLength(26);
    expect(new Set(seen).size).toBe(26);
    expect(seen.every((c) => c.startsWith('added:seed:'))).toBe(true);
  });

  it('searches entities by name, accent- and case-insensitively', async () => {
    const res = await call(stores.service.url, 'GET', '/v1/entities?q=sensetime%20group');
    expect(res.body.results[0]).toMatchObject({ id: 'seed:ofac-33114', name: 'SENSETIME GROUP LIMITED' });
    const bad = await call(stores.service.url, 'GET', '/v1/entities?q=a');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('q');
  });

  it('serves an entity with its citations, and 404s for an unknown list or version', async () => {
    const entity = await call(stores.service.url, 'GET', '/v1/entities/seed:ofac-33936');
    expect(entity.body).toMatchObject({
      id: 'seed:ofac-33936',
      type: 'person',
      birthDates: ['1955'],
      programs: ['DPRK2'],
    });
    expect(entity.body.citations.length).toBeGreaterThanOrEqual(2);
    expect((await call(stores.service.url, 'GET', '/v1/lists/nope/versions')).status).toBe(404);
    expect((await call(stores.service.url, 'GET', '/v1/lists/seed/versions/7/delta')).status).toBe(404);
  });
});

describe('POST /v1/compare', () => {
  it('scores two names and explains the decision', async () => {
    const close = await call(stores.service.url, 'POST', '/v1/compare', {
      body: { a: { name: 'Myo Swe Winn' }, b: { name: 'WIN, Myo Swe', type: 'person' } },
    });
    expect(close.status).toBe(200);
    expect(close.body).toMatchObject({ match: true, threshold: expect.any(Number), explanation: expect.any(Array) });
    const far = await call(stores.service.url, 'POST', '/v1/compare', {
      body: { a: { name: 'George Bush' }, b: { name: 'HABBASH, George' } },
    });
    expect(far.body.match).toBe(false);
    expect(far.body.score).toBeLessThan(close.body.score);
  });

  it('names the missing side', async () => {
    const res = await call(stores.service.url, 'POST', '/v1/compare', { body: { a: { name: 'x' } } });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('b');
  });
});
