import { importEntities, listedEntity } from '../support/list-factories';
import { withMonitoringService } from '../support/monitoring-service';
import { eventually } from '../support/webhook-receiver';

const { stores, api, runOf: runOfSource, alertsOfRun } = withMonitoringService();
const runOf = (version: number) => runOfSource('un-sc', version);

const WILHELMINA = listedEntity({ sourceEntityId: 'MS-1', name: 'Wilhelmina Quarterfold Testperson' });
const BARTHOLOMEW = listedEntity({ sourceEntityId: 'MS-2', name: 'Bartholomew Lintwhistle Example' });

describe('monitoring runs apply the suppressions a normal screening applies', () => {
  it('a suppressed (customer, record as cleared) makes no alert; another customer of the same name does; a changed record lapses its suppression and alerts', async () => {
    // The records are listed, each cleared for one customer, then delisted while the customers are registered.
    await importEntities(stores.db.pool, 'un-sc', [WILHELMINA, BARTHOLOMEW], 'sup-1');
    for (const [reference, entityId] of [
      ['sup-a', 'un-sc:MS-1'],
      ['sup-c', 'un-sc:MS-2'],
    ]) {
      const made = await api('POST', '/v1/suppressions', { reference, entityId, note: 'cleared elsewhere' });
      expect(made.status).toBe(201);
    }
    const delisted = await importEntities(
      stores.db.pool,
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
      stores.db.pool,
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
