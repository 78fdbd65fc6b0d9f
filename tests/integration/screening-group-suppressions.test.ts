import { randomUUID } from 'node:crypto';
import { Client, type PoolClient } from 'pg';
import { normalizeName } from '@sanctions/shared/matching';
import { applySuppressionsToScreenings } from '@sanctions/shared/suppressions';
import { createTestDatabase, type TestDatabase } from '../support/test-stores';

/** The group lookup's answers without a suppression in force: what it keeps, and that a no-hit group asks nothing. */
let db: TestDatabase;
let client: PoolClient;
beforeAll(async () => {
  db = await createTestDatabase();
  client = await db.pool.connect();
});
afterAll(async () => {
  client.release();
  await db.drop();
});

const match = (entityId: string) => ({ entityId, score: 0.93, entityIds: [entityId] });

async function queued(name: string) {
  const id = randomUUID();
  await client.query(`INSERT INTO screenings (id, status, name) VALUES ($1, 'queued', $2)`, [id, name]);
  return id;
}

describe('suppressions for a group of screenings', () => {
  it('a group where nothing matched keeps nothing and sends no query (a closed connection serves it)', async () => {
    const closed = new Client({ connectionString: db.url });
    await closed.connect();
    await closed.end();
    await expect(closed.query('SELECT 1')).rejects.toThrow();
    const sifted = await applySuppressionsToScreenings(closed as unknown as PoolClient, [
      { screeningId: randomUUID(), query: { name: 'Nobody Listed' }, matches: [] },
      { screeningId: randomUUID(), query: { name: 'Someone Else', birthDate: '1970' }, matches: [] },
    ]);
    expect(sifted).toEqual([
      { kept: [], suppressed: [] },
      { kept: [], suppressed: [] },
    ]);
  });

  it('keeps the matches of a screening with no suppression, whether or not its normalized name is given', async () => {
    const name = 'Oskar  CLEAREDNAME Testperson';
    const id = await queued(name);
    const matches = [match('e-1'), match('e-2')];
    const given = await applySuppressionsToScreenings(client, [
      { screeningId: id, query: { name }, normalizedName: normalizeName(name), matches },
      { screeningId: randomUUID(), query: { name: 'No Hit' }, matches: [] },
    ]);
    const computed = await applySuppressionsToScreenings(client, [
      { screeningId: id, query: { name }, matches },
      { screeningId: randomUUID(), query: { name: 'No Hit' }, matches: [] },
    ]);
    expect(given).toEqual(computed);
    expect(given[0]).toEqual({ kept: matches, suppressed: [] });
    expect(given[0]!.kept).not.toBe(matches);
  });
});
