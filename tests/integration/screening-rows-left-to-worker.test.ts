import { randomUUID } from 'node:crypto';
import { createApiKey } from '@sanctions/shared/auth';
import { DEFAULT_MATCH_THRESHOLD } from '@sanctions/shared/matching';
import {
  getScreening,
  markScreeningFailed,
  MatchIndexCache,
  matchScreening,
  recordScreenings,
  recordUnanswered,
  staleQueuedScreenings,
  type LoadedIndex,
  type UnrecordedScreening,
} from '@sanctions/shared/screening';
import { createSeededDatabase } from '../support/list-factories';
import { quietLogger, type TestDatabase } from '../support/test-stores';

/**
 * A waiting request's row is left to the worker (its job carries it): the group write inserts it answered, with all
 * that a recorded screening gets (matches, alert, history, events, its key's workspace); the API's queued row, written
 * only when the answer did not come in time, and the worker's row make one screening whichever comes first, and a
 * second write of either kind changes nothing.
 */
let db: TestDatabase;
let loaded: LoadedIndex;
let keyId: string;
beforeAll(async () => {
  db = await createSeededDatabase();
  loaded = await new MatchIndexCache(db.pool, quietLogger).current();
  keyId = (await createApiKey(db.pool, { name: 'desk', scopes: ['screenings:write'], workspaceId: 'desk' })).id;
  await db.pool.query(
    `INSERT INTO webhook_subscriptions (id, url, secret, events, status, workspace_id) VALUES ($1, 'https://example.com/hook', 's', ARRAY['screening.completed', 'screening.hit'], 'active', 'desk')`,
    [randomUUID()],
  );
});
afterAll(async () => {
  await db.drop();
});

const options = { threshold: DEFAULT_MATCH_THRESHOLD, limit: 10, nearMissFloor: 0.7 };
const createdAt = '2026-03-04T05:06:07.890Z';

/** A waiting request's screening: what its job carries, and what the API would record if no answer came. */
function leftToWorker(name: string, reference?: string): UnrecordedScreening {
  const id = randomUUID();
  return {
    id,
    apiKeyId: keyId,
    request: { name, ...(reference && { reference }) },
    createdAt,
    jobId: `screening-${id}`,
  };
}
function matched(s: UnrecordedScreening) {
  const { reference, ...query } = s.request;
  const row = { apiKeyId: s.apiKeyId, createdAt: s.createdAt, ...(reference && { reference }) };
  return matchScreening(loaded, { screeningId: s.id, query, row }, options);
}
async function stored(id: string) {
  const { rows } = await db.pool.query(
    `SELECT s.status, s.workspace_id, s.api_key_id, s.reference, s.created_at, s.decision, s.error, s.job_id,
            (SELECT array_agg(m.entity_id ORDER BY m.rank) FROM screening_matches m WHERE m.screening_id = s.id) AS matches,
            (SELECT count(*)::int FROM alerts a WHERE a.screening_id = s.id) AS alerts,
            (SELECT count(*)::int FROM screening_history h WHERE h.id = s.id) AS history,
            (SELECT array_agg(e.type ORDER BY e.type) FROM webhook_events e WHERE e.data -> 'screening' ->> 'id' = s.id::text) AS events
     FROM screenings s WHERE s.id = $1`,
    [id],
  );
  return rows[0];
}

describe('rows left to the worker', () => {
  it('are inserted answered by the group write, beside rows the API recorded, and once only', async () => {
    const hit = leftToWorker('Ri Yong Gil', 'cust-7');
    const noHit = leftToWorker('Zebulon Quackenbush Ottersworth');
    const recordedId = randomUUID();
    await db.pool.query(`INSERT INTO screenings (id, status, name) VALUES ($1, 'queued', 'Sense Time Group')`, [
      recordedId,
    ]);
    const recorded = matchScreening(loaded, { screeningId: recordedId, query: { name: 'Sense Time Group' } }, options);
    const group = [matched(hit), recorded, matched(noHit)];

    const first = await recordScreenings(db.pool, group);
    expect(first.map((r) => [r.outcome, r.decision])).toEqual([
      ['recorded', 'hit'],
      ['recorded', 'hit'],
      ['recorded', 'no_hit'],
    ]);
    expect((await recordScreenings(db.pool, group)).map((r) => r.outcome)).toEqual([
      'already-recorded',
      'already-recorded',
      'already-recorded',
    ]);

    expect(await stored(hit.id)).toMatchObject({
      status: 'done',
      workspace_id: 'desk',
      api_key_id: keyId,
      reference: 'cust-7',
      created_at: new Date(createdAt),
      decision: 'hit',
      matches: ['seed:ofac-33936'],
      alerts: 1,
      history: 1,
      events: ['screening.completed', 'screening.hit'],
    });
    expect(await stored(noHit.id)).toMatchObject({ status: 'done', decision: 'no_hit', alerts: 0, history: 1 });
    expect(await stored(recordedId)).toMatchObject({
      status: 'done',
      workspace_id: 'default',
      matches: ['seed:ofac-33114'],
    });
    // The answer announced is the one GET shows, in the key's workspace only.
    expect(JSON.parse(JSON.stringify(first[0]!.view))).toEqual(
      JSON.parse(JSON.stringify(await getScreening(db.pool, hit.id, 'desk'))),
    );
    expect(await getScreening(db.pool, hit.id, 'default')).toBeUndefined();
  });

  it("the API's queued row after the worker's answer writes nothing: the answer stays", async () => {
    const s = leftToWorker('Sense Time Group');
    await recordScreenings(db.pool, [matched(s)]);
    await expect(recordUnanswered(db.pool, s)).resolves.toBe(false);
    expect(await stored(s.id)).toMatchObject({ status: 'done', decision: 'hit', history: 1 });
  });

  it("the API's queued row before the worker's answer is found by the reconciler, then flipped once", async () => {
    const s = leftToWorker('Sense Time Group', 'cust-9');
    await expect(recordUnanswered(db.pool, s)).resolves.toBe(true);
    expect(await stored(s.id)).toMatchObject({ status: 'queued', workspace_id: 'desk', job_id: s.jobId });
    const stale = await staleQueuedScreenings(db.pool, 0);
    expect(stale.find((x) => x.id === s.id)).toEqual({ id: s.id, jobId: s.jobId, query: { name: 'Sense Time Group' } });

    const [result] = await recordScreenings(db.pool, [matched(s)]);
    expect(result!.outcome).toBe('recorded');
    expect(await stored(s.id)).toMatchObject({
      status: 'done',
      reference: 'cust-9',
      matches: ['seed:ofac-33114'],
      alerts: 1,
      history: 1,
    });
    // The reconciler's job for the same screening (no row in it: the row exists) records nothing again.
    const requeued = matchScreening(loaded, { screeningId: s.id, query: { name: 'Sense Time Group' } }, options);
    expect((await recordScreenings(db.pool, [requeued]))[0]!.outcome).toBe('already-recorded');
    expect(await stored(s.id)).toMatchObject({ alerts: 1, history: 1 });
  });

  it('a job that fails for good stores its screening failed, row and all, but never over an answer', async () => {
    const s = leftToWorker('Jane Doe', 'cust-f');
    const { row } = matched(s).job;
    await markScreeningFailed(db.pool, s.id, 'kept failing', { row: row!, query: { name: 'Jane Doe' } });
    expect(await stored(s.id)).toMatchObject({
      status: 'failed',
      error: 'kept failing',
      workspace_id: 'desk',
      reference: 'cust-f',
    });
    await expect(recordUnanswered(db.pool, s)).resolves.toBe(false);
    expect((await recordScreenings(db.pool, [matched(s)]))[0]!.outcome).toBe('already-recorded');

    const answered = leftToWorker('Jane Doe');
    await recordScreenings(db.pool, [matched(answered)]);
    await markScreeningFailed(db.pool, answered.id, 'late failure', {
      row: matched(answered).job.row!,
      query: { name: 'Jane Doe' },
    });
    expect(await stored(answered.id)).toMatchObject({ status: 'done', error: null });
  });

  it("are sifted by their key's workspace's suppressions for their reference, though no row is stored yet", async () => {
    await db.pool.query(
      `INSERT INTO suppressions (id, workspace_id, reference, customer_key, entity_id, entity_hash)
       SELECT $1, 'desk', 'cust-cleared', 'ref:cust-cleared', e.id, e.content_hash FROM entities e WHERE e.id = 'seed:ofac-33936'`,
      [randomUUID()],
    );
    const cleared = leftToWorker('Ri Yong Gil', 'cust-cleared');
    const otherWorkspace = { ...leftToWorker('Ri Yong Gil', 'cust-cleared'), apiKeyId: null };
    const [a, b] = await recordScreenings(db.pool, [matched(cleared), matched(otherWorkspace)]);
    expect(a).toMatchObject({ outcome: 'recorded', decision: 'no_hit', matches: [] });
    expect(a!.view?.suppressedMatches).toEqual([expect.objectContaining({ entityId: 'seed:ofac-33936' })]);
    expect(b).toMatchObject({ outcome: 'recorded', decision: 'hit' });
    expect(await stored(cleared.id)).toMatchObject({ decision: 'no_hit', alerts: 0, workspace_id: 'desk' });
    expect(await stored(otherWorkspace.id)).toMatchObject({ decision: 'hit', alerts: 1, workspace_id: 'default' });
  });
});
