import { randomUUID } from 'node:crypto';
import { createPool, type Pool } from '@sanctions/shared/db';
import { DEFAULT_MATCH_THRESHOLD } from '@sanctions/shared/matching';
import { MatchIndexCache, matchScreening, recordScreenings, type LoadedIndex } from '@sanctions/shared/screening';
import { createSeededDatabase } from '../support/list-factories';
import { quietLogger, type TestDatabase } from '../support/test-stores';

/**
 * A screening group's write is planned once per connection, whatever the groups' sizes (decision 0042): with the
 * arrays' lengths in sight, Postgres could keep planning a group of one again at every execution (it did on a
 * database whose matches table had grown; not on this small one, so this guards the property rather than
 * reproducing the case). Prepared statements exist only on a server (the embedded PGlite prepares nothing).
 */
const onServer = process.env.TEST_PG_MODE === 'server' ? describe : describe.skip;

onServer("a screening group's write", () => {
  let db: TestDatabase;
  let pool: Pool;
  let loaded: LoadedIndex;
  beforeAll(async () => {
    db = await createSeededDatabase();
    // One connection: every write below runs on it, so its prepared statements count them all.
    pool = createPool(db.url, 1);
    loaded = await new MatchIndexCache(pool, quietLogger).current();
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  const options = { threshold: DEFAULT_MATCH_THRESHOLD, limit: 10, nearMissFloor: 0.7 };
  async function queued(name: string) {
    const id = randomUUID();
    await pool.query(`INSERT INTO screenings (id, status, name) VALUES ($1, 'queued', $2)`, [id, name]);
    return matchScreening(loaded, { screeningId: id, query: { name } }, options);
  }

  it('keeps one generic plan for groups of one, with and without matches', async () => {
    const decisions: string[] = [];
    for (let i = 0; i < 10; i++) {
      for (const name of ['Zebulon Quackenbush Ottersworth', 'Ri Yong Gil']) {
        const [recorded] = await recordScreenings(pool, [await queued(name)]);
        decisions.push(recorded!.decision);
      }
    }
    expect(new Set(decisions)).toEqual(new Set(['hit', 'no_hit']));
    const { rows } = await pool.query<{ generic_plans: string; custom_plans: string }>(
      `SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE '%UPDATE screenings s%'`,
    );
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      // Postgres plans the first five executions for their parameters, then keeps the generic plan.
      expect(Number(r.custom_plans)).toBeLessThanOrEqual(5);
      expect(Number(r.generic_plans)).toBeGreaterThanOrEqual(5);
    }
  });

  it("keeps one generic plan for groups of one whose rows were left to the worker (a waiting request's)", async () => {
    const before = await pool.query<{ statement: string; generic_plans: string; custom_plans: string }>(
      `SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE '%UPDATE screenings s%'`,
    );
    for (let i = 0; i < 10; i++) {
      for (const name of ['Zebulon Quackenbush Ottersworth', 'Ri Yong Gil']) {
        const row = { apiKeyId: null, createdAt: new Date().toISOString() };
        const [recorded] = await recordScreenings(pool, [
          matchScreening(loaded, { screeningId: randomUUID(), query: { name }, row }, options),
        ]);
        expect(recorded!.outcome).toBe('recorded');
      }
    }
    const { rows } = await pool.query<{ statement: string; generic_plans: string; custom_plans: string }>(
      `SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE '%UPDATE screenings s%'`,
    );
    for (const r of rows) {
      const earlier = before.rows.find((b) => b.statement === r.statement);
      // No new custom plan: the same generic plan serves the inserted rows as it served the updated ones.
      expect(Number(r.custom_plans)).toBe(Number(earlier?.custom_plans ?? 0));
    }
  });
});
