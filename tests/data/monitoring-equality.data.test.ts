import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { registerCustomers } from '@sanctions/shared/customers';
import { mergeByDesignation } from '@sanctions/shared/designations';
import { importList, type ListImportResult } from '@sanctions/shared/lists';
import { openList } from '@sanctions/shared/lists/importers';
import { createLogger } from '@sanctions/shared/logging';
import { DEFAULT_MATCH_THRESHOLD, type ScreeningQuery } from '@sanctions/shared/matching';
import { CustomerIndex, performMonitoringRun } from '@sanctions/shared/monitoring';
import { MatchIndexCache } from '@sanctions/shared/screening';
import { createTestDatabase, type TestDatabase } from '../support/test-stores';

/**
 * The monitoring run's alerts are exactly what a full rescreen of every customer newly finds on the delta's
 * entities: no more (the forward screening decides every alert) and no less (the customer index misses no
 * candidate). Proved on two real SDN deltas with customers planted on the delta's names (exact, reordered, a typo,
 * a word left out, with and without the listed birth date), customers planted on entities outside the delta, and
 * synthetic unrelated people.
 */
const DATA_DIR = process.env['SHARED_DATA_DIR'] ?? resolve(__dirname, '../../../shared/data');
const suite = existsSync(resolve(DATA_DIR, 'ofac_sdn')) ? describe : describe.skip;
const OPTIONS = { threshold: DEFAULT_MATCH_THRESHOLD, limit: 10 };
const UNRELATED = 4_000;
const logger = createLogger('silent');

interface Customer {
  reference: string;
  name: string;
  type?: string;
  birthDate?: string;
}

const sdn = (date: string) => openList('ofac-sdn-csv', resolve(DATA_DIR, 'ofac_sdn', date, 'sdn.csv'));

function unrelatedPeople(): Customer[] {
  const file = resolve(DATA_DIR, 'benchmark_name_matching_yente', 'negatives_global.csv');
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(1, UNRELATED + 1)
    .filter(Boolean)
    .map((line, i) => ({ reference: `unrelated-${i}`, name: line.split(',')[0]!, type: 'person' }));
}

/** Deterministic variations of a listed name, the way customer records differ from listings. */
function variants(name: string): string[] {
  const words = name.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  const out = new Set<string>([name, [...words].reverse().join(' ')]);
  if (words.length >= 3) out.add(words.filter((_, i) => i !== 1).join(' '));
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
  if (longest.length >= 6) {
    const i = Math.floor(longest.length / 2);
    const typo = longest.slice(0, i) + longest[i + 1] + longest[i] + longest.slice(i + 2);
    out.add(words.map((w) => (w === longest ? typo : w)).join(' '));
  }
  return [...out];
}

async function plantedCustomers(
  db: TestDatabase,
  versionId: string,
  prefix: string,
  delta: boolean,
): Promise<Customer[]> {
  const { rows } = await db.pool.query<{ entity_id: string; name: string; type: string; birth_date: string | null }>(
    delta
      ? `SELECT c.entity_id, n.name, e.type, e.document -> 'birthDates' ->> 0 AS birth_date
         FROM list_version_changes c JOIN entities e ON e.id = c.entity_id JOIN entity_names n ON n.entity_id = c.entity_id
         WHERE c.version_id = $1 AND c.change <> 'removed' AND n.kind <> 'original_script' ORDER BY c.entity_id, n.position`
      : `SELECT e.id AS entity_id, n.name, e.type, e.document -> 'birthDates' ->> 0 AS birth_date
         FROM entities e JOIN entity_names n ON n.entity_id = e.id AND n.position = 0
         WHERE e.removed_in_version_id IS NULL AND NOT EXISTS (SELECT 1 FROM list_version_changes c WHERE c.version_id = $1 AND c.entity_id = e.id)
         ORDER BY e.id LIMIT 300`,
    [versionId],
  );
  const customers: Customer[] = [];
  for (const r of rows) {
    variants(r.name).forEach((name, i) => {
      const reference = `${prefix}-${customers.length}`;
      // Every other variant carries the listed birth date, which a forward screening adds to the name score.
      const birthDate =
        i % 2 === 1 && r.birth_date && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(r.birth_date) ? r.birth_date : undefined;
      customers.push({
        reference,
        name,
        ...(r.type === 'person' && i % 3 === 0 && { type: 'person' }),
        ...(birthDate && { birthDate }),
      });
    });
  }
  return customers;
}

const queryOf = (c: Customer): ScreeningQuery => ({
  name: c.name,
  ...(c.type && { type: c.type as 'person' }),
  ...(c.birthDate && { birthDate: c.birthDate }),
});

async function checkEquality(
  from: string,
  to: string,
  expectedDelta: { added: number; changed: number; removed: number },
) {
  const db = await createTestDatabase();
  try {
    await importList(db.pool, await sdn(from));
    // Customers are planted on the names the next version adds or changes: import it once to read them, in a scratch database.
    const scratch = await createTestDatabase();
    let planted: Customer[];
    let outside: Customer[];
    try {
      await importList(scratch.pool, await sdn(from));
      const next: ListImportResult = await importList(scratch.pool, await sdn(to));
      planted = await plantedCustomers(scratch, next.versionId, 'planted', true);
      outside = await plantedCustomers(scratch, next.versionId, 'outside', false);
    } finally {
      await scratch.drop();
    }
    const customers = [...planted, ...outside, ...unrelatedPeople()];
    for (let i = 0; i < customers.length; i += 5_000)
      await registerCustomers(db.pool, 'default', customers.slice(i, i + 5_000));

    const imported = await importList(db.pool, await sdn(to));
    expect(imported.delta).toEqual(expectedDelta);
    const run = (
      await db.pool.query(`SELECT id FROM monitoring_runs WHERE source_id = 'ofac-sdn' AND version = $1`, [
        imported.version,
      ])
    ).rows[0];
    const lists = await new MatchIndexCache(db.pool, logger).refreshIfStale();
    const result = await performMonitoringRun(
      { pool: db.pool, logger },
      { lists, customers: await CustomerIndex.load(db.pool) },
      run.id,
      OPTIONS,
    );
    expect(result.outcome).toBe('done');

    const deltaIds = new Set(
      (
        await db.pool.query(
          `SELECT entity_id FROM list_version_changes WHERE version_id = $1 AND change <> 'removed'`,
          [imported.versionId],
        )
      ).rows.map((r) => r.entity_id),
    );
    // The peer: every customer screened forward against the whole list, keeping what it finds on the delta.
    const expected = new Map<string, string[]>();
    for (const c of customers) {
      const found = mergeByDesignation(lists.index.screen(queryOf(c), OPTIONS), lists.designations).filter((m) =>
        m.entityIds.some((id) => deltaIds.has(id)),
      );
      if (found.length > 0) expected.set(c.reference, found.map((m) => m.entityId).sort());
    }
    const { rows } = await db.pool.query(
      `SELECT a.customer_reference, array_agg(m.entity_id ORDER BY m.entity_id) AS entities
       FROM alerts a JOIN alert_matches m ON m.alert_id = a.id WHERE a.run_id = $1 GROUP BY 1`,
      [run.id],
    );
    const actual = new Map(rows.map((r) => [r.customer_reference as string, r.entities as string[]]));
    const sorted = (m: Map<string, string[]>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
    expect(sorted(actual)).toEqual(sorted(expected));
    // Not a vacuous equality: most customers planted on the delta are found.
    const plantedFound = planted.filter((c) => expected.has(c.reference)).length;
    expect(plantedFound).toBeGreaterThan(planted.length * 0.6);
    const runRow = (
      await db.pool.query(`SELECT status, entities, customers, alerts FROM monitoring_runs WHERE id = $1`, [run.id])
    ).rows[0];
    expect(runRow).toEqual({
      status: 'done',
      entities: deltaIds.size,
      customers: customers.length,
      alerts: expected.size,
    });
    console.log(
      `${from} → ${to}: ${deltaIds.size} delta entities, ${customers.length} customers (${planted.length} planted on the delta, ${outside.length} on other entities), ` +
        `${result.candidates} candidates from the customer index, ${actual.size} alerts = ${expected.size} found by a full rescreen`,
    );
  } finally {
    await db.drop();
  }
}

suite('monitoring alerts equal a full rescreen, on real SDN deltas', () => {
  it('2021-07-07 (complete) → 2021-12-09: 384 added, 55 changed, 239 removed', async () => {
    await checkEquality('2021-07-07_complete', '2021-12-09', { added: 384, changed: 55, removed: 239 });
  });

  it('2021-12-09 → 2021-12-10: the 25 Human Rights Day designations', async () => {
    await checkEquality('2021-12-09', '2021-12-10', { added: 25, changed: 0, removed: 0 });
  });
});
