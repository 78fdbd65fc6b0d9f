import { call } from '../support/http';
import { createSeededDatabase, importEntities, listedEntity } from '../support/list-factories';
import { startService, type RunningService } from '../support/running-service';
import { testConfig, type TestDatabase } from '../support/test-stores';
import { eventually } from '../support/webhook-receiver';

const OFAC_URL = 'https://sanctionssearch.ofac.treas.gov/Details.aspx?id=';
const REUTERS =
  'https://www.reuters.com/world/asia-pacific/us-issues-human-rights-related-sanctions-adds-sensetime-blacklist-2021-12-10/';

let db: TestDatabase;
let service: RunningService;

/** The OFAC record behind the seed's SenseTime entry (Consolidated, NS-CMIC), and one designation on SDN and Consolidated alike. */
beforeAll(async () => {
  db = await createSeededDatabase();
  const record = (id: string, name: string, program: string) =>
    listedEntity({
      sourceEntityId: id,
      type: 'organization',
      name,
      programs: [program],
      citations: [{ title: `OFAC entry ${id}: ${name}`, url: `${OFAC_URL}${id}`, sourceRowId: id, program }],
    });
  await importEntities(db.pool, 'ofac-cons', [
    record('33114', 'SENSETIME GROUP LIMITED', 'CMIC-EO13959'),
    record('990001', 'ZORVAX TRADING COMPANY', 'NS-PLC'),
  ]);
  await importEntities(db.pool, 'ofac-sdn', [record('990001', 'ZORVAX TRADING COMPANY', 'SDGT')]);
  service = await startService(testConfig(db.url));
  await service.worker.indexCache.refreshIfStale();
});

afterAll(async () => {
  await service?.stop();
  await db?.drop();
});

describe('one match per designation', () => {
  it('records of one designation share its key: the OFAC id, which a seed entry restating it cites', async () => {
    const { rows } = await db.pool.query(
      `SELECT id, designation_key FROM entities WHERE id IN ('seed:ofac-33114', 'ofac-cons:33114', 'ofac-cons:990001', 'ofac-sdn:990001', 'seed:ofac-30184') ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: 'ofac-cons:33114', designation_key: 'ofac:33114' },
      { id: 'ofac-cons:990001', designation_key: 'ofac:990001' },
      { id: 'ofac-sdn:990001', designation_key: 'ofac:990001' },
      { id: 'seed:ofac-30184', designation_key: 'ofac:30184' },
      { id: 'seed:ofac-33114', designation_key: 'ofac:33114' },
    ]);
  });

  it('a screening shows the seed entry and the OFAC record as one match, with both lists and every citation', async () => {
    const res = await call(service.url, 'POST', '/v1/screenings?wait=true', {
      body: { name: 'SenseTime Group Limited', reference: 'designation-1' },
    });
    expect(res.body.decision).toBe('hit');
    const sensetime = res.body.matches.filter(
      (m: any) => m.entityIds.includes('seed:ofac-33114') || m.entityIds.includes('ofac-cons:33114'),
    );
    expect(sensetime).toHaveLength(1);
    const [match] = sensetime;
    expect([...match.entityIds].sort()).toEqual(['ofac-cons:33114', 'seed:ofac-33114']);
    expect(match.entityIds[0]).toBe(match.entityId);
    expect([...match.lists].sort()).toEqual(['ofac-cons', 'seed']);
    expect(match.programs).toContain('CMIC-EO13959');
    const urls = match.citations.map((c: any) => c.url);
    expect(urls).toEqual(expect.arrayContaining([`${OFAC_URL}33114`, REUTERS]));
    expect(new Set(match.citations.map((c: any) => JSON.stringify(c))).size).toBe(match.citations.length);

    const alerts = await call(service.url, 'GET', '/v1/alerts?reference=designation-1');
    const [alert] = alerts.body.alerts;
    expect(alert.matches.filter((m: any) => m.entityIds.includes('ofac-cons:33114'))).toEqual([
      expect.objectContaining({
        entityId: match.entityId,
        entityIds: match.entityIds,
        lists: match.lists,
        citations: match.citations,
      }),
    ]);
  });

  it('an entity on SDN and on Consolidated under one OFAC id is one match in a batch row and in its alert', async () => {
    const accepted = await call(service.url, 'POST', '/v1/batches', {
      rawBody: 'name,reference\nZorvax Trading Company,designation-2\n',
      contentType: 'text/csv',
    });
    const id = accepted.body.id;
    await eventually(async () => (await call(service.url, 'GET', `/v1/batches/${id}`)).body.status === 'done');
    const results = await call(service.url, 'GET', `/v1/batches/${id}/results`);
    const [row] = results.body.results;
    expect(row.decision).toBe('hit');
    expect(row.matches).toHaveLength(1);
    expect([...row.matches[0].entityIds].sort()).toEqual(['ofac-cons:990001', 'ofac-sdn:990001']);
    expect([...row.lists].sort()).toEqual(['ofac-cons', 'ofac-sdn']);
    expect([...row.programs].sort()).toEqual(['NS-PLC', 'SDGT']);
    expect([...row.citationUrls]).toEqual([`${OFAC_URL}990001`]);

    const [alert] = (await call(service.url, 'GET', `/v1/alerts?batchId=${id}`)).body.alerts;
    expect(alert.matches).toHaveLength(1);
    expect([...alert.matches[0].lists].sort()).toEqual(['ofac-cons', 'ofac-sdn']);

    // A decision may name any record of the designation: it settles the one match.
    const other = alert.matches[0].entityIds.find((e: string) => e !== alert.matches[0].entityId);
    const decided = await call(service.url, 'POST', `/v1/alerts/${alert.id}/decisions`, {
      body: { entityId: other, disposition: 'true_match', note: 'Same OFAC designation' },
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'closed', outcome: 'true_match' });
    const history = await call(service.url, 'GET', `/v1/alerts/${alert.id}/history`);
    expect(history.body.events[1].details).toEqual({
      entityId: alert.matches[0].entityId,
      decidedOn: other,
      disposition: 'true_match',
      note: 'Same OFAC designation',
    });
  });
});
