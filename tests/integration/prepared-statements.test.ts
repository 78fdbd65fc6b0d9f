import { createPool, SHARED_SESSION_PARAMETER, withTransaction, type Pool } from '@sanctions/shared/db';
import { createTestDatabase, type TestDatabase } from '../support/test-stores';

const PREPARED = 'SELECT statement FROM pg_prepared_statements ORDER BY statement';
const onServer = process.env.TEST_PG_MODE === 'server' ? describe : describe.skip;

onServer('statements sent with parameters', () => {
  let db: TestDatabase;
  const pools: Pool[] = [];
  const pool = (url: string) => {
    const p = createPool(url, 1);
    pools.push(p);
    return p;
  };
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    for (const p of pools) await p.end();
    await db.drop();
  });

  it('are prepared once per connection and answer as before, in and out of transactions', async () => {
    const p = pool(db.url);
    for (let i = 0; i < 3; i++) expect((await p.query('SELECT $1::int + 1 AS n', [i])).rows).toEqual([{ n: i + 1 }]);
    const inTransaction = await withTransaction(
      p,
      async (tx) => (await tx.query('SELECT $1::text AS label', ['in a transaction'])).rows,
    );
    expect(inTransaction).toEqual([{ label: 'in a transaction' }]);
    const { rows } = await p.query<{ statement: string }>(PREPARED);
    expect(rows.map((r) => r.statement)).toEqual(['SELECT $1::int + 1 AS n', 'SELECT $1::text AS label']);
  });

  it('are not prepared on a server whose connections share one session', async () => {
    const p = pool(`${db.url}?${SHARED_SESSION_PARAMETER}=1`);
    expect((await p.query('SELECT $1::int * 2 AS n', [21])).rows).toEqual([{ n: 42 }]);
    expect((await p.query(PREPARED)).rows).toEqual([]);
  });
});
