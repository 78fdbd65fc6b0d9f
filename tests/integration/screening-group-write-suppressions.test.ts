import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { DEFAULT_MATCH_THRESHOLD } from '@sanctions/shared/matching';
import { MatchIndexCache, matchScreening, recordScreenings, type LoadedIndex } from '@sanctions/shared/screening';
import { createSeededDatabase } from '../support/list-factories';
import { quietLogger, type TestDatabase } from '../support/test-stores';

/**
 * The group write looks up its hits' suppressions in its own statement: a hit without one is one statement, and a
 * group where one is in force is written once, sifted, after a refused first try that wrote nothing.
 */
let db: TestDatabase;
let loaded: LoadedIndex;
beforeAll(async () => {
  db = await createSeededDatabase();
  loaded = await new MatchIndexCache(db.pool, quietLogger).current();
});
afterAll(async () => {
  await db.drop();
});

const options = { threshold: DEFAULT_MATCH_THRESHOLD, limit: 10, nearMissFloor: 0.7 };
async function queued(name: string, reference: string) {
  const id = randomUUID();
  await db.pool.query(`INSERT INTO screenings (id, status, name, reference) VALUES ($1, 'queued', $2, $3)`, [
    id,
    name,
    reference,
  ]);
  return matchScreening(loaded, { screeningId: id, query: { name } }, options);
}

/** The statements `run` sends through the pool it is given (a real pool whose clients note what they send). */
async function statementsOf(run: (pool: Pool) => Promise<unknown>): Promise<string[]> {
  const texts: string[] = [];
  const noting = {
    connect: async () => {
      const client: PoolClient = await db.pool.connect();
      const { query, release } = client;
      client.query = ((text: string | { text: string }, values?: unknown[]) => {
        texts.push(typeof text === 'string' ? text : text.text);
        return (query as (text: unknown, values?: unknown[]) => Promise<unknown>).call(client, text, values);
      }) as typeof client.query;
      client.release = (error?: Error | boolean) => {
        Object.assign(client, { query, release });
        return release.call(client, error);
      };
      return client;
    },
  } as unknown as Pool;
  await run(noting);
  return texts.filter((t) => !t.startsWith('SET jit'));
}

/** A new customer reference whose officer cleared the listed record `entityId` (a live suppression of it). */
async function clearedFor(entityId: string): Promise<string> {
  const reference = `cust-${randomUUID()}`;
  await db.pool.query(
    `INSERT INTO suppressions (id, workspace_id, reference, customer_key, entity_id, entity_hash)
     SELECT $1, 'default', $2, 'ref:' || $2, e.id, e.content_hash FROM entities e WHERE e.id = $3`,
    [randomUUID(), reference, entityId],
  );
  return reference;
}

async function stored(id: string) {
  const { rows } = await db.pool.query(
    `SELECT s.decision, s.suppressed_matches,
            (SELECT count(*)::int FROM screening_matches m WHERE m.screening_id = s.id) AS matches,
            (SELECT count(*)::int FROM alerts a WHERE a.screening_id = s.id) AS alerts,
            (SELECT count(*)::int FROM screening_history h WHERE h.id = s.id) AS history
     FROM screenings s WHERE s.id = $1`,
    [id],
  );
  return rows[0];
}

describe('the group write and the suppressions of its hits', () => {
  it('writes a group where nothing matched with one statement, looking nothing up', async () => {
    const noHit = await queued('Zebulon Quackenbush Ottersworth', `cust-${randomUUID()}`);
    let results: Awaited<ReturnType<typeof recordScreenings>> = [];
    const sent = await statementsOf(async (pool) => (results = await recordScreenings(pool, [noHit])));
    expect(sent).toHaveLength(1);
    expect(sent[0]).not.toContain('JOIN suppressions');
    expect(results[0]).toMatchObject({ outcome: 'recorded', decision: 'no_hit' });
  });

  it('writes a hit whose customer has no suppression in force with one statement', async () => {
    const hit = await queued('Ri Yong Gil', `cust-${randomUUID()}`);
    let results: Awaited<ReturnType<typeof recordScreenings>> = [];
    const sent = await statementsOf(async (pool) => (results = await recordScreenings(pool, [hit])));
    expect(sent).toHaveLength(1);
    // The one statement is the write, with the lookup inside it.
    expect(sent[0]).toContain('JOIN suppressions');
    expect(results[0]).toMatchObject({ outcome: 'recorded', decision: 'hit' });
    expect(await stored(hit.job.screeningId)).toMatchObject({ decision: 'hit', matches: 1, alerts: 1, history: 1 });
  });

  it('sets aside a cleared match once: the first try writes nothing, the second writes the group sifted', async () => {
    const reference = await clearedFor('seed:ofac-33936');
    const cleared = await queued('Ri Yong Gil', reference);
    const other = await queued('Ri Yong Gil', `cust-${randomUUID()}`);
    let results: Awaited<ReturnType<typeof recordScreenings>> = [];
    const sent = await statementsOf(async (pool) => (results = await recordScreenings(pool, [cleared, other])));
    expect(sent).toHaveLength(2);
    expect(results.map((r) => [r.outcome, r.decision])).toEqual([
      ['recorded', 'no_hit'],
      ['recorded', 'hit'],
    ]);
    expect(results[0]!.view?.suppressedMatches).toEqual([expect.objectContaining({ entityId: 'seed:ofac-33936' })]);
    expect(await stored(cleared.job.screeningId)).toMatchObject({
      decision: 'no_hit',
      matches: 0,
      alerts: 0,
      history: 1,
      suppressed_matches: [expect.objectContaining({ entityId: 'seed:ofac-33936' })],
    });
    expect(await stored(other.job.screeningId)).toMatchObject({ decision: 'hit', matches: 1, alerts: 1, history: 1 });
    // Written again, nothing is: both are recorded already.
    const again = await recordScreenings(db.pool, [cleared, other]);
    expect(again.map((r) => r.outcome)).toEqual(['already-recorded', 'already-recorded']);
    expect(await stored(other.job.screeningId)).toMatchObject({ alerts: 1, history: 1 });
  });

  it('keeps a match of a record the suppression did not clear, writing it after the refused try', async () => {
    // Cleared for another record: Ri Yong Gil's match stays.
    const reference = await clearedFor('seed:ofac-33114');
    const hit = await queued('Ri Yong Gil', reference);
    let result: Awaited<ReturnType<typeof recordScreenings>>[number] | undefined;
    const sent = await statementsOf(async (pool) => ([result] = await recordScreenings(pool, [hit])));
    expect(sent).toHaveLength(2);
    expect(result).toMatchObject({ outcome: 'recorded', decision: 'hit' });
    expect(result!.view?.suppressedMatches).toEqual([]);
    expect(await stored(hit.job.screeningId)).toMatchObject({ decision: 'hit', matches: 1, alerts: 1, history: 1 });
  });
});
