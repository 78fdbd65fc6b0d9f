import { DEFAULT_NEAR_MISS_FLOOR } from '@sanctions/shared/matching';
import { call } from '../support/http';
import { seededServicePerFile } from '../support/running-service';
import { TEST_API_KEY } from '../support/test-stores';

const stores = seededServicePerFile();

const screen = (body: unknown, query = '?wait=true') =>
  call(stores.service.url, 'POST', `/v1/screenings${query}`, { body });

/** The listed "RI, Yong Gil" (born 1955, North Korea) written exactly, with a birth date and a country that disagree. */
const OTHER_RI = { name: 'Ri Yong Gil', birthDate: '1990', country: 'FR' };

describe('near misses', () => {
  it('answers no_hit for an exact listed name with another birth date, and names the birth date as the reason', async () => {
    const res = await screen(OTHER_RI);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'done', decision: 'no_hit', matches: [] });
    const [first] = res.body.nearMisses;
    expect(first).toMatchObject({
      entityId: 'seed:ofac-33936',
      name: 'RI, Yong Gil',
      matchedName: 'RI, Yong Gil',
      matchedNameKind: 'primary',
    });
    expect(first.score).toBeLessThan(res.body.threshold);
    expect(first.score).toBeGreaterThanOrEqual(DEFAULT_NEAR_MISS_FLOOR);
    expect(first.reason).toContain('birth date differs: 1990 against 1955');
    expect(first.reason).toContain('country differs: FR against KP');
  });

  it('serves the same near misses at the screening location', async () => {
    const accepted = await screen(OTHER_RI, '');
    expect(accepted.status).toBe(202);
    let result = await call(stores.service.url, 'GET', `/v1/screenings/${accepted.body.id}`);
    expect(result.body.nearMisses).toEqual(result.body.status === 'done' ? expect.any(Array) : []);
    for (let i = 0; i < 100 && result.body.status === 'queued'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      result = await call(stores.service.url, 'GET', `/v1/screenings/${accepted.body.id}`);
    }
    expect(result.body).toMatchObject({ status: 'done', decision: 'no_hit' });
    expect(result.body.nearMisses[0]).toMatchObject({
      entityId: 'seed:ofac-33936',
      reason: expect.stringContaining('birth date differs'),
    });
  });

  it('never shows a hit as a near miss', async () => {
    const res = await screen({ name: 'Ri Yong Gil', birthDate: '1955' });
    expect(res.body.decision).toBe('hit');
    const hits = new Set(res.body.matches.map((m: { entityId: string }) => m.entityId));
    for (const near of res.body.nearMisses) {
      expect(hits.has(near.entityId)).toBe(false);
      expect(near.score).toBeLessThan(res.body.threshold);
    }
  });

  it('carries near misses on each batch result row', async () => {
    const csv = 'Full Name;DOB;Country;Customer ID\r\nRi Yong Gil;1990;FR;C-1\r\nSense Time Group;;;C-2\r\n';
    const accepted = await fetch(`${stores.service.url}/v1/batches`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(accepted.status).toBe(202);
    const { id } = (await accepted.json()) as { id: string };
    let batch = await call(stores.service.url, 'GET', `/v1/batches/${id}`);
    for (let i = 0; i < 200 && ['receiving', 'queued', 'running'].includes(batch.body.status); i++) {
      await new Promise((r) => setTimeout(r, 50));
      batch = await call(stores.service.url, 'GET', `/v1/batches/${id}`);
    }
    expect(batch.body.status).toBe('done');
    const results = await call(stores.service.url, 'GET', `/v1/batches/${id}/results`);
    const [ri, sensetime] = results.body.results;
    expect(ri).toMatchObject({ line: 2, decision: 'no_hit', matches: [] });
    expect(ri.nearMisses[0]).toMatchObject({
      entityId: 'seed:ofac-33936',
      reason: expect.stringContaining('birth date differs: 1990 against 1955'),
    });
    expect(sensetime).toMatchObject({ line: 3, decision: 'hit', nearMisses: expect.any(Array) });
    expect(sensetime.nearMisses.map((n: { entityId: string }) => n.entityId)).not.toContain(sensetime.entityId);
  });
});
