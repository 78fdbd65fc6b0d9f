import { createApiKey } from '@sanctions/shared/auth';
import { call } from '../support/http';
import { importEntities, listedEntity } from '../support/list-factories';
import { createSeededDatabase } from '../support/list-factories';
import { startService, type RunningService } from '../support/running-service';
import { TEST_API_KEY, testConfig, type TestDatabase } from '../support/test-stores';

/** The seed list, the API and a worker, with four-eyes review: a decided alert closes only on a second key's approval. */
const stores = {} as { db: TestDatabase; service: RunningService };
beforeAll(async () => {
  stores.db = await createSeededDatabase();
  stores.service = await startService(testConfig(stores.db.url, { REVIEW_FOUR_EYES: 'true' }));
});
afterAll(async () => {
  await stores.service?.stop();
  await stores.db?.drop();
});

const WANDA = listedEntity({
  sourceEntityId: 'QDi.901',
  name: 'Wanda Falsepositive Testperson',
  birthDates: ['1970'],
  remarks: 'Listed for testing.',
});
const OSKAR = listedEntity({ sourceEntityId: 'QDi.902', name: 'Oskar Clearedname Testperson' });
const WANDA_ID = 'un-sc:QDi.901';
const OSKAR_ID = 'un-sc:QDi.902';

const screen = (body: Record<string, string>, apiKey = TEST_API_KEY) =>
  call(stores.service.url, 'POST', '/v1/screenings?wait=true', { body, apiKey });
const alertsOf = async (screeningId: string) =>
  (await stores.db.pool.query('SELECT id FROM alerts WHERE screening_id = $1', [screeningId])).rows;

async function uploadAndWait(csv: string) {
  const res = await fetch(`${stores.service.url}/v1/batches`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'text/csv' },
    body: csv,
  });
  const { id } = (await res.json()) as { id: string };
  let batch = await call(stores.service.url, 'GET', `/v1/batches/${id}`);
  for (let i = 0; i < 200 && batch.body.status !== 'done'; i++) {
    await new Promise((r) => setTimeout(r, 50));
    batch = await call(stores.service.url, 'GET', `/v1/batches/${id}`);
  }
  return id;
}

let suppressionId: string;

beforeAll(async () => {
  await importEntities(stores.db.pool, 'un-sc', [WANDA, OSKAR]);
  await stores.service.worker.indexCache.refreshIfStale();
});

describe('suppressions remember a false positive per customer', () => {
  it('a hit on C-100 is cleared by an imported decision, and C-100 screened again is no_hit with the match set aside and no alert', async () => {
    const first = await screen({ name: 'Wanda Falsepositive Testperson', reference: 'C-100' });
    expect(first.body).toMatchObject({
      decision: 'hit',
      matches: [expect.objectContaining({ entityId: WANDA_ID })],
      suppressedMatches: [],
    });
    expect(await alertsOf(first.body.id)).toHaveLength(1);

    const made = await call(stores.service.url, 'POST', '/v1/suppressions', {
      body: { reference: 'C-100', entityId: WANDA_ID, note: 'Different person: born 1988, Canadian' },
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      reference: 'C-100',
      entityId: WANDA_ID,
      note: 'Different person: born 1988, Canadian',
      createdBy: 'bootstrap',
      approvedBy: 'bootstrap',
      lapsedAt: null,
      endedAt: null,
      workspace: 'default',
    });
    expect(made.body.entityHash).toMatch(/^[0-9a-f]{64}$/);
    suppressionId = made.body.id;
    const again = await call(stores.service.url, 'POST', '/v1/suppressions', {
      body: { reference: 'C-100', entityId: WANDA_ID },
    });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(suppressionId);

    const second = await screen({ name: 'Wanda Falsepositive Testperson', reference: 'C-100' });
    expect(second.body.decision).toBe('no_hit');
    expect(second.body.matches).toEqual([]);
    expect(second.body.suppressedMatches).toEqual([
      { entityId: WANDA_ID, name: 'Wanda Falsepositive Testperson', score: expect.any(Number), suppressionId },
    ]);
    expect(await alertsOf(second.body.id)).toHaveLength(0);
  });

  it('does not suppress a different customer with the same name, nor the same name without a reference', async () => {
    const other = await screen({ name: 'Wanda Falsepositive Testperson', reference: 'C-200' });
    expect(other.body).toMatchObject({ decision: 'hit', suppressedMatches: [] });
    expect(await alertsOf(other.body.id)).toHaveLength(1);
    const unreferenced = await screen({ name: 'Wanda Falsepositive Testperson' });
    expect(unreferenced.body.decision).toBe('hit');
  });

  it('batch rows of the same customer carry suppressedMatches, and the CSV counts them', async () => {
    const id = await uploadAndWait(
      'name,reference\nWanda Falsepositive Testperson,C-100\nWanda Falsepositive Testperson,C-201\n',
    );
    const results = await call(stores.service.url, 'GET', `/v1/batches/${id}/results`);
    expect(results.body.results).toEqual([
      expect.objectContaining({
        line: 2,
        reference: 'C-100',
        decision: 'no_hit',
        suppressedMatches: [expect.objectContaining({ entityId: WANDA_ID, suppressionId })],
      }),
      expect.objectContaining({ line: 3, reference: 'C-201', decision: 'hit', suppressedMatches: [] }),
    ]);
    const batch = await call(stores.service.url, 'GET', `/v1/batches/${id}`);
    expect(batch.body.hits).toBe(1);
    const { rows } = await stores.db.pool.query('SELECT line FROM alerts WHERE batch_id = $1', [id]);
    expect(rows).toEqual([{ line: 3 }]);
    const csv = await fetch(`${stores.service.url}/v1/batches/${id}/results`, {
      headers: { authorization: `Bearer ${TEST_API_KEY}`, accept: 'text/csv' },
    });
    const lines = (await csv.text()).trimEnd().split('\r\n');
    const column = lines[0]!.split(',').indexOf('suppressed_matches');
    expect(column).toBeGreaterThan(0);
    expect(lines[1]!.split(',')[column]).toBe('1');
    expect(lines[2]).toContain(',0,');
  });

  it('lists the workspace suppressions by reference, entity and lapse, paged, to alerts:read keys only', async () => {
    const listed = await call(stores.service.url, 'GET', '/v1/suppressions?reference=C-100');
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({
      suppressions: [expect.objectContaining({ id: suppressionId, entityName: 'Wanda Falsepositive Testperson' })],
      links: { next: null },
    });
    expect(
      (await call(stores.service.url, 'GET', `/v1/suppressions?entityId=${WANDA_ID}&lapsed=false`)).body.suppressions,
    ).toHaveLength(1);
    expect((await call(stores.service.url, 'GET', '/v1/suppressions?lapsed=true')).body.suppressions).toHaveLength(0);
    await call(stores.service.url, 'POST', '/v1/suppressions', { body: { reference: 'C-300', entityId: OSKAR_ID } });
    const page = await call(stores.service.url, 'GET', '/v1/suppressions?limit=1');
    expect(page.body.suppressions).toHaveLength(1);
    const next = await call(stores.service.url, 'GET', page.body.links.next);
    expect(next.body.suppressions[0].id).not.toBe(page.body.suppressions[0].id);

    const bad = await call(stores.service.url, 'GET', '/v1/suppressions?lapsed=maybe');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('lapsed');
    const noScope = await createApiKey(stores.db.pool, { name: 'screener', scopes: ['screenings:read'] });
    expect((await call(stores.service.url, 'GET', '/v1/suppressions', { apiKey: noScope.key })).status).toBe(403);
    const other = await createApiKey(stores.db.pool, {
      name: 'elsewhere',
      scopes: ['alerts:read', 'alerts:approve'],
      workspaceId: 'suppression-other',
    });
    expect(
      (await call(stores.service.url, 'GET', '/v1/suppressions', { apiKey: other.key })).body.suppressions,
    ).toEqual([]);
    expect(
      (await call(stores.service.url, 'DELETE', `/v1/suppressions/${suppressionId}`, { apiKey: other.key })).status,
    ).toBe(404);
  });

  it('refuses an import without a reference or of an unknown entity, naming the field', async () => {
    const missing = await call(stores.service.url, 'POST', '/v1/suppressions', { body: { entityId: WANDA_ID } });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('reference');
    const unknown = await call(stores.service.url, 'POST', '/v1/suppressions', {
      body: { reference: 'C-1', entityId: 'un-sc:nobody' },
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('entityId');
    const reviewer = await createApiKey(stores.db.pool, { name: 'reviewer', scopes: ['alerts:read', 'alerts:review'] });
    expect(
      (
        await call(stores.service.url, 'POST', '/v1/suppressions', {
          body: { reference: 'C-1', entityId: WANDA_ID },
          apiKey: reviewer.key,
        })
      ).status,
    ).toBe(403);
    expect(
      (await call(stores.service.url, 'DELETE', `/v1/suppressions/${suppressionId}`, { apiKey: reviewer.key })).status,
    ).toBe(403);
  });
});

describe('a closed false-positive alert', () => {
  it('suppresses its matches for the same name and birth date when there was no reference, and its history records the end', async () => {
    const first = await screen({ name: 'Oskar Clearedname Testperson', birthDate: '1980' });
    const [alert] = await alertsOf(first.body.id);
    const decider = await createApiKey(stores.db.pool, {
      name: 'officer one',
      scopes: ['alerts:read', 'alerts:review'],
    });
    const approver = await createApiKey(stores.db.pool, {
      name: 'officer two',
      scopes: ['alerts:read', 'alerts:approve'],
    });
    const decided = await call(stores.service.url, 'POST', `/v1/alerts/${alert.id}/decisions`, {
      body: { entityId: OSKAR_ID, disposition: 'false_positive', note: 'Born 1980 in Oslo, not listed' },
      apiKey: decider.key,
    });
    expect(decided.body.status).toBe('pending_approval');
    // Decided but not approved yet: nothing is suppressed.
    expect((await screen({ name: 'Oskar Clearedname Testperson', birthDate: '1980' })).body.decision).toBe('hit');
    const approved = await call(stores.service.url, 'POST', `/v1/alerts/${alert.id}/approve`, {
      body: {},
      apiKey: approver.key,
    });
    expect(approved.body).toMatchObject({ status: 'closed', outcome: 'false_positive' });
    const made = (await call(stores.service.url, 'GET', `/v1/suppressions?entityId=${OSKAR_ID}`)).body.suppressions
      .filter((s: any) => s.alertId === alert.id)
      .map((s: any) => s.id);
    expect(made).toHaveLength(1);

    const listed = (
      await call(stores.service.url, 'GET', `/v1/suppressions?entityId=${OSKAR_ID}`)
    ).body.suppressions.find((s: any) => s.id === made[0]);
    expect(listed).toMatchObject({
      alertId: alert.id,
      reference: null,
      subject: 'oskar clearedname testperson|1980',
      createdBy: 'officer one',
      approvedBy: 'officer two',
      note: 'Born 1980 in Oslo, not listed',
    });

    expect((await screen({ name: 'Oskar Clearedname Testperson', birthDate: '1980' })).body.decision).toBe('no_hit');
    expect((await screen({ name: 'oskar  CLEAREDNAME testperson', birthDate: '1980' })).body.decision).toBe('no_hit');
    expect((await screen({ name: 'Oskar Clearedname Testperson', birthDate: '1981' })).body.decision).toBe('hit');
    expect(
      (await screen({ name: 'Oskar Clearedname Testperson', birthDate: '1980', reference: 'C-999' })).body.decision,
    ).toBe('hit');

    const ended = await call(stores.service.url, 'DELETE', `/v1/suppressions/${made[0]}`, { apiKey: approver.key });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ endedBy: 'officer two', endedAt: expect.any(String) });
    expect(
      (await call(stores.service.url, 'DELETE', `/v1/suppressions/${made[0]}`, { apiKey: approver.key })).status,
    ).toBe(409);
    const { rows } = await stores.db.pool.query(
      `SELECT actor_name, details FROM alert_events WHERE alert_id = $1 AND action = 'suppression_ended'`,
      [alert.id],
    );
    expect(rows).toEqual([{ actor_name: 'officer two', details: { suppressionId: made[0], entityId: OSKAR_ID } }]);
    expect((await screen({ name: 'Oskar Clearedname Testperson', birthDate: '1980' })).body.decision).toBe('hit');
  });
});

describe('a list version that changes the record', () => {
  it('ends the suppression’s effect: the match is back with an alert, and the suppression shows lapsedAt', async () => {
    await importEntities(stores.db.pool, 'un-sc', [
      { ...WANDA, remarks: 'Listed for testing; now with a passport.' },
      OSKAR,
    ]);
    await stores.service.worker.indexCache.refreshIfStale();
    const after = await screen({ name: 'Wanda Falsepositive Testperson', reference: 'C-100' });
    expect(after.body).toMatchObject({ decision: 'hit', suppressedMatches: [] });
    expect(await alertsOf(after.body.id)).toHaveLength(1);
    const lapsed = await call(stores.service.url, 'GET', '/v1/suppressions?lapsed=true');
    expect(lapsed.body.suppressions).toEqual([
      expect.objectContaining({ id: suppressionId, lapsedAt: expect.any(String) }),
    ]);
    expect(
      (await call(stores.service.url, 'GET', '/v1/suppressions?reference=C-100&lapsed=false')).body.suppressions,
    ).toEqual([]);
  });
});
