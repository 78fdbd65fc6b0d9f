import { randomUUID } from 'node:crypto';
import { DEFAULT_MATCH_THRESHOLD } from '@sanctions/shared/matching';
import {
  getScreening,
  MatchIndexCache,
  matchScreening,
  recordScreenings,
  type LoadedIndex,
} from '@sanctions/shared/screening';
import { createSeededDatabase } from '../support/list-factories';
import { quietLogger, type TestDatabase } from '../support/test-stores';

/**
 * Group commit: the screenings a worker runs at once are written together, each exactly once, with what one written
 * alone has (status, decision, matches in rank order, its alert, its outbox events).
 */
let db: TestDatabase;
let loaded: LoadedIndex;
beforeAll(async () => {
  db = await createSeededDatabase();
  loaded = await new MatchIndexCache(db.pool, quietLogger).current();
  // Outbox events are only written for a subscribed event type.
  await db.pool.query(
    `INSERT INTO webhook_subscriptions (id, url, secret, events, status) VALUES ($1, 'https://example.com/hook', 's', ARRAY['screening.completed', 'screening.hit'], 'active')`,
    [randomUUID()],
  );
});
afterAll(async () => {
  await db.drop();
});

const options = { threshold: DEFAULT_MATCH_THRESHOLD, limit: 10, nearMissFloor: 0.7 };
async function queued(name: string) {
  const id = randomUUID();
  await db.pool.query(`INSERT INTO screenings (id, status, name) VALUES ($1, 'queued', $2)`, [id, name]);
  return matchScreening(loaded, { screeningId: id, query: { name } }, options);
}

describe('writing a group of screenings at once', () => {
  it('records hits and no-hits together, a duplicate in the group once, and a second write of the group not at all', async () => {
    const hit = await queued('Ri Yong Gil');
    const noHit = await queued('Zebulon Quackenbush Ottersworth');
    const otherHit = await queued('Sense Time Group');
    const group = [hit, noHit, hit, otherHit];

    const first = await recordScreenings(db.pool, group);
    expect(first.map((r) => [r.outcome, r.decision])).toEqual([
      ['recorded', 'hit'],
      ['recorded', 'no_hit'],
      ['already-recorded', 'hit'],
      ['recorded', 'hit'],
    ]);
    const again = await recordScreenings(db.pool, group);
    expect(again.map((r) => r.outcome)).toEqual([
      'already-recorded',
      'already-recorded',
      'already-recorded',
      'already-recorded',
    ]);

    const ids = [hit, noHit, otherHit].map((s) => s.job.screeningId);
    const { rows } = await db.pool.query(
      `SELECT s.id, s.status, s.decision, (SELECT array_agg(m.entity_id ORDER BY m.rank) FROM screening_matches m WHERE m.screening_id = s.id) AS matches,
              (SELECT count(*)::int FROM alerts a WHERE a.screening_id = s.id) AS alerts,
              (SELECT array_agg(e.type ORDER BY e.type) FROM webhook_events e WHERE e.data -> 'screening' ->> 'id' = s.id::text) AS events
       FROM screenings s WHERE s.id = ANY ($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(hit.job.screeningId)).toMatchObject({
      status: 'done',
      decision: 'hit',
      matches: ['seed:ofac-33936'],
      alerts: 1,
      events: ['screening.completed', 'screening.hit'],
    });
    expect(byId.get(noHit.job.screeningId)).toMatchObject({
      status: 'done',
      decision: 'no_hit',
      matches: null,
      alerts: 0,
      events: ['screening.completed'],
    });
    expect(byId.get(otherHit.job.screeningId)).toMatchObject({
      status: 'done',
      decision: 'hit',
      matches: ['seed:ofac-33114'],
      alerts: 1,
    });
    // The hit event carries the matches the same statement wrote.
    const event = await db.pool.query(
      `SELECT data FROM webhook_events WHERE type = 'screening.hit' AND data -> 'screening' ->> 'id' = $1`,
      [hit.job.screeningId],
    );
    expect(event.rows[0].data.screening.matches.map((m: { entityId: string }) => m.entityId)).toEqual([
      'seed:ofac-33936',
    ]);
  });

  it('a group without a match is written as one statement, with its events', async () => {
    const a = await queued('Zebulon Quackenbush Ottersworth');
    const b = await queued('Philippa Wintermarsh Oglethorpe');
    expect((await recordScreenings(db.pool, [a, b])).map((r) => [r.outcome, r.decision])).toEqual([
      ['recorded', 'no_hit'],
      ['recorded', 'no_hit'],
    ]);
    const { rows } = await db.pool.query(
      `SELECT count(*)::int AS n FROM webhook_events WHERE data -> 'screening' ->> 'id' = ANY ($1::text[])`,
      [[a.job.screeningId, b.job.screeningId]],
    );
    expect(rows[0].n).toBe(2);
  });

  it("answers each screening it recorded as GET /v1/screenings/:id then shows it, and counts the group's outbox events", async () => {
    const hit = await queued('Ri Yong Gil');
    const noHit = await queued('Zebulon Quackenbush Ottersworth');
    const [hitResult, noHitResult, duplicate] = await recordScreenings(db.pool, [hit, noHit, hit]);
    for (const [result, s] of [
      [hitResult, hit],
      [noHitResult, noHit],
    ] as const) {
      const stored = await getScreening(db.pool, s.job.screeningId, 'default');
      expect(stored?.status).toBe('done');
      // Through JSON, as the announcement carries it to the API.
      expect(JSON.parse(JSON.stringify(result!.view))).toEqual(JSON.parse(JSON.stringify(stored)));
    }
    expect(hitResult!.view!.matches.map((m) => m.entityId)).toEqual(['seed:ofac-33936']);
    expect(hitResult!.view!.matches[0]!.citations.length).toBeGreaterThan(0);
    // Not recorded by this write: nothing to announce but its id.
    expect(duplicate!.view).toBeUndefined();
    // screening.completed twice, screening.hit once.
    // screening.completed twice, screening.hit once; alert.created has no subscriber.
    expect(hitResult!.outboxEvents).toBe(3);
    // The hit's alert carries the evidence its matches copied from the lists.
    const evidence = await db.pool.query(
      `SELECT am.entity_id, am.lists, am.programs, am.citations, am.entity_ids,
              sm.lists AS s_lists, sm.programs AS s_programs, sm.citations AS s_citations, sm.entity_ids AS s_entity_ids
       FROM alerts a JOIN alert_matches am ON am.alert_id = a.id
       JOIN screening_matches sm ON sm.screening_id = a.screening_id AND sm.entity_id = am.entity_id
       WHERE a.screening_id = $1`,
      [hit.job.screeningId],
    );
    expect(evidence.rows).toHaveLength(1);
    const [row] = evidence.rows;
    expect(row.citations.length).toBeGreaterThan(0);
    expect([row.lists, row.programs, row.citations, row.entity_ids]).toEqual([
      row.s_lists,
      row.s_programs,
      row.s_citations,
      row.s_entity_ids,
    ]);
    expect((await recordScreenings(db.pool, [hit]))[0]).toMatchObject({ outcome: 'already-recorded', outboxEvents: 0 });
  });
});
