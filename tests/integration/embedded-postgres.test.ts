import { createPool, withTransaction, type Pool } from '@sanctions/shared/db';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@sanctions/shared/local-infra';

describe('the embedded Postgres served to many connections', () => {
  let pg: EmbeddedPostgres;
  let pool: Pool;
  beforeAll(async () => {
    pg = await startEmbeddedPostgres();
    pool = createPool(pg.url, 8);
    await pool.query('CREATE TABLE counters (id int PRIMARY KEY, n int NOT NULL)');
  });
  afterAll(async () => {
    await pool.end();
    await pg.stop();
  });

  it('gives every concurrent parameterised query its own result', async () => {
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        pool.query<{ n: number; label: string }>('SELECT $1::int AS n, $2::text AS label', [i, `q${i}`]),
      ),
    );
    results.forEach((r, i) => expect(r.rows).toEqual([{ n: i, label: `q${i}` }]));
  });

  it('keeps concurrent transactions apart: each sees only its own uncommitted writes, and rollbacks leave nothing', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        withTransaction(pool, async (tx) => {
          await tx.query('INSERT INTO counters (id, n) VALUES ($1, $2)', [i, i * 10]);
          const { rows } = await tx.query<{ n: number }>('SELECT n FROM counters WHERE id = $1', [i]);
          expect(rows).toEqual([{ n: i * 10 }]);
          if (i % 2 === 1) throw new Error('roll back the odd ones');
        }).catch((error: Error) => expect(error.message).toBe('roll back the odd ones')),
      ),
    );
    const { rows } = await pool.query<{ id: number }>('SELECT id FROM counters ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 20 }, (_, i) => i * 2));
  });
});
