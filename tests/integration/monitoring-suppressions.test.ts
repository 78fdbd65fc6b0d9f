import { call } from '../support/http';
import { createSeededDatabase, importEntities, listedEntity } from '../support/list-factories';
import { startService, type RunningService } from '../support/running-service';
import { testConfig, type TestDatabase } from '../support/test-stores';
import { eventually } from '../support/webhook-receiver';

let db: TestDatabase;
let service: RunningService;

beforeAll(async () => {
  db = await createSeededDatabase();
  service = await startService(testConfig(db.url, { RECONCILE_INTERVAL_MS: '200' }));
}, 60_000);

afterAll(async () => {
  await service?.stop();
  await db?.drop();
});

const api = (method: string, path: string, body?: unknown) =>
  call(service.url, method, path, body !== undefined ? { body } : {});

async function runOf(version: number) {
  return eventually(
    async () => {
      const { body } = await api('GET', '/v1/monitoring/runs');
      const run = body.runs.find(
        (r: { source: string; version: number }) => r.source === 'un-sc' && r.version === version,
      );
      return run?.status === 'done' && run;
    },
    30_000,
    `monitoring run un-sc@${version} done`,
  );
}

const alertsOfRun = async (runId: string) =>
  (
    await db.pool.query(
      `SELECT a.customer_reference, array_agg(m.entity_id ORDER BY m.entity_id) AS entities FROM alerts a JOIN alert_matches m ON m.alert_id = a.id WHERE a.run_id = $1 GROUP BY 1 ORDER BY 1`,
      [runId],
    )
  ).rows;

const WILHELMINA = listedEntity({ sourceEntityId: 'MS-1', name: 'Wilhelmina Quarterfold Testperson' });
const BARTHOLOMEW = listedEntity({ sourceEntityId: 'MS-2', name: 'Bartholomew Lintwhistle Example' });

describe('monitoring runs apply the suppressions a normal screening applies', () => {
  it('a suppressed (customer, record as cleared) makes no alert; another customer of the same name does; a changed record lapses its suppression and alerts', async () => {
    // The records are listed, each cleared for one customer, then delisted while the customers are registered.
    await importEntities(db.pool, 'un-sc', [WILHELMINA, BARTHOLOMEW], 'sup-1');
    for (const [reference, entityId] of [
      ['sup-a', 'un-sc:MS-1'],
      ['sup-c', 'un-sc:MS-2'],
    ]) {
      const made = await api('POST', '/v1/suppressions', { reference, entityId, note: 'cleared elsewhere' });
      expect(made.status).toBe(201);
    }
    const delisted = await importEntities(
      db.pool,
      'un-sc',
      [listedEntity({ sourceEntityId: 'MS-9', name: 'Nobody Matches Thisname' })],
      'sup-2',
    );
    await runOf(delisted.version);
    for (const [reference, name] of [
      ['sup-a', 'Wilhelmina Quarterfold Testperson'],
      ['sup-b', 'Wilhelmina Quarterfold Testperson'],
      ['sup-c', 'Bartholomew Lintwhistle Example'],
    ]) {
      const put = await api('PUT', `/v1/customers/${reference}`, { name });
      expect(put.status).toBe(201);
      const screening = await eventually(async () => {
        const s = await api('GET', `/v1/screenings/${put.body.lastScreeningId}`);
        return s.body.status === 'done' && s.body;
      });
      expect(screening.decision).toBe('no_hit');
    }

    // Relisted: MS-1 exactly as it was cleared, MS-2 with a new alias (its record's hash changes).
    const relisted = await importEntities(
      db.pool,
      'un-sc',
      [WILHELMINA, { ...BARTHOLOMEW, names: [...BARTHOLOMEW.names, { value: 'Bart Lintwhistle', kind: 'alias' }] }],
      'sup-3',
    );
    expect(relisted.delta).toMatchObject({ added: 2 });
    const run = await runOf(relisted.version);
    expect(await alertsOfRun(run.id)).toEqual([
      { customer_reference: 'sup-b', entities: ['un-sc:MS-1'] },
      { customer_reference: 'sup-c', entities: ['un-sc:MS-2'] },
    ]);
    expect(run.alerts).toBe(2);

    const live = await api('GET', '/v1/suppressions?reference=sup-a');
    expect(live.body.suppressions).toEqual([expect.objectContaining({ entityId: 'un-sc:MS-1', lapsedAt: null })]);
    const lapsed = await api('GET', '/v1/suppressions?reference=sup-c');
    expect(lapsed.body.suppressions).toEqual([
      expect.objectContaining({ entityId: 'un-sc:MS-2', lapsedAt: expect.any(String) }),
    ]);
  });
});
