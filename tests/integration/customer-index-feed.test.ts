import { registerCustomers } from '@sanctions/shared/customers';
import { CustomerIndex } from '@sanctions/shared/monitoring';
import { createTestDatabase, type TestDatabase } from '../support/test-stores';

/**
 * The customer index follows the customers by the id of the transaction that changed them (migration 0052): a change
 * committed late is caught however long its transaction ran. (How much a catch-up reads again depends on the oldest
 * transaction open anywhere on the server, other tests' included, so the counts here are lower bounds.)
 */
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

const idOf = async (reference: string) =>
  Number((await db.pool.query(`SELECT id FROM customers WHERE reference = $1`, [reference])).rows[0].id);

it('a customer written in a transaction still open during the build and a later catch-up is caught once it commits', async () => {
  await registerCustomers(db.pool, 'default', [{ reference: 'feed-early', name: 'Margaret Oyelaran' }]);
  const slow = await db.pool.connect();
  try {
    await slow.query('BEGIN');
    await slow.query(
      `INSERT INTO customers (workspace_id, reference, name) VALUES ('default', 'feed-late', 'Ri Yong Gil')`,
    );
    const index = await CustomerIndex.load(db.pool);
    // Committed after the slow transaction began, and before it commits.
    await registerCustomers(db.pool, 'default', [{ reference: 'feed-quick', name: 'Kim Chol Su' }]);
    expect(await index.catchUp(db.pool)).toBeGreaterThanOrEqual(1);
    expect(index.candidates('KIM Chol Su')).toEqual([await idOf('feed-quick')]);
    expect(index.candidates('RI Yong Gil')).toEqual([]);
    await slow.query('COMMIT');
    expect(await index.catchUp(db.pool)).toBeGreaterThanOrEqual(1);
    expect(index.candidates('RI Yong Gil')).toEqual([await idOf('feed-late')]);
    expect(index.candidates('Margaret Oyelaran')).toEqual([await idOf('feed-early')]);
  } finally {
    slow.release();
  }
});

it('a renamed customer is found by the new name only, one no longer monitored not at all; other writes do not move it in the feed', async () => {
  await registerCustomers(db.pool, 'default', [
    { reference: 'feed-renamed', name: 'Olumide Bankole' },
    { reference: 'feed-stopped', name: 'Zhang Wei Ming' },
  ]);
  const index = await CustomerIndex.load(db.pool);
  await registerCustomers(db.pool, 'default', [{ reference: 'feed-renamed', name: 'Chiamaka Nwosu Eze' }]);
  await db.pool.query(`UPDATE customers SET monitored = false WHERE reference = 'feed-stopped'`);
  expect(await index.catchUp(db.pool)).toBeGreaterThanOrEqual(2);
  expect(index.candidates('Olumide Bankole')).toEqual([]);
  expect(index.candidates('Chiamaka Nwosu Eze')).toEqual([await idOf('feed-renamed')]);
  expect(index.candidates('Zhang Wei Ming')).toEqual([]);
  // The same name again with another field, and a column the index does not hold, leave its feed position alone.
  const feedXid = async () =>
    (await db.pool.query(`SELECT change_xid::text FROM customers WHERE reference = 'feed-renamed'`)).rows[0].change_xid;
  const renamedAt = await feedXid();
  await registerCustomers(db.pool, 'default', [
    { reference: 'feed-renamed', name: 'Chiamaka Nwosu Eze', country: 'NG' },
  ]);
  await db.pool.query(`UPDATE customers SET birth_date = '1980' WHERE reference = 'feed-renamed'`);
  expect(await feedXid()).toBe(renamedAt);
  await index.catchUp(db.pool);
  expect(index.candidates('Chiamaka Nwosu Eze')).toEqual([await idOf('feed-renamed')]);
});

it('warming up asks the index with some of its own names and changes nothing it answers', async () => {
  const index = await CustomerIndex.load(db.pool);
  const before = index.candidates('Margaret Oyelaran');
  expect(index.warmUp()).toBeGreaterThan(0);
  expect(index.candidates('Margaret Oyelaran')).toEqual(before);
  expect(before).toEqual([await idOf('feed-early')]);
});
