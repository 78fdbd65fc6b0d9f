/**
 * npm run bench:alerts — the first page of GET /v1/alerts over 100k open alerts (BENCH_ALERTS), read through the
 * service's own listAlerts (the page and its matches), for the listings a review queue uses. The peer, in the same
 * run on the same rows: the same queries with the listing indexes dropped. Postgres: DATABASE_URL, else 127.0.0.1:5432.
 */
import type { Pool } from '../shared/src/db';
import { listAlerts, parseAlertListQuery } from '../shared/src/alerts';
import { openMigratedScratch } from './lib/scratch-database';

const COUNT = Number(process.env.BENCH_ALERTS ?? 100_000);
const RUNS = 7;
const WORKSPACE = 'bench';
const LISTING_INDEXES = [
  'alerts_by_created',
  'alerts_by_status_created',
  'alerts_by_score',
  'alerts_by_status_score',
  'alerts_by_reference',
  'alerts_by_assignee',
  'alerts_by_lists',
];

/** 100k alerts of one workspace (plus as many in another), one designation match each, spread over 100 days. */
async function fill(pool: Pool): Promise<string> {
  await pool.query(`INSERT INTO workspaces (id, parent_id) VALUES ('bench', 'default'), ('bench-other', 'default')`);
  const key = (
    await pool.query(
      `INSERT INTO api_keys (id, name, key_prefix, key_hash, scopes, workspace_id) VALUES (gen_random_uuid(), 'bench', 'x', md5(random()::text), '{admin}', 'bench') RETURNING id`,
    )
  ).rows[0].id;
  await pool.query(
    `INSERT INTO alerts (id, workspace_id, status, source, reference, query, best_score, lists, result_key, assignee, created_at, updated_at)
     SELECT gen_random_uuid(), CASE WHEN g % 2 = 0 THEN 'bench' ELSE 'bench-other' END,
            CASE WHEN g % 10 < 8 THEN 'open' ELSE 'in_review' END, 'screening', 'cust-' || g,
            jsonb_build_object('name', 'Customer ' || g), 0.8 + (g % 200) / 1000.0,
            CASE WHEN g % 5 = 0 THEN ARRAY['ofac-sdn', 'seed'] ELSE ARRAY['ofac-sdn'] END, md5(g::text),
            CASE WHEN g % 10 >= 8 THEN $2::uuid END,
            now() - make_interval(secs => (g * 86400.0 * 100) / $1), now()
     FROM generate_series(1, $1 * 2) g`,
    [COUNT, key],
  );
  await pool.query(
    `INSERT INTO alert_matches (alert_id, position, entity_id, entity_ids, designation_key, entity_name, entity_type, matched_name,
                                matched_name_kind, score, lists, programs, explanation, citations, content_hashes)
     SELECT a.id, 1, 'ofac-sdn:1', ARRAY['ofac-sdn:1'], 'ofac:1', 'LISTED NAME', 'person', 'LISTED NAME', 'primary', a.best_score,
            a.lists, ARRAY['SDGT'], '["Matched the primary name"]', '[{"title": "OFAC SDN entry 1", "url": "https://example.org/1"}]', ARRAY['h']
     FROM alerts a`,
  );
  await pool.query('ANALYZE alerts');
  await pool.query('ANALYZE alert_matches');
  return key;
}

const LISTINGS: [string, string][] = [
  ['newest open', 'status=open'],
  ['best score, open', 'status=open&sort=-score'],
  ['open on a list, min score', 'status=open&list=seed&minScore=0.9'],
  ['assigned to me', 'assignee=me'],
  ['one reference', 'reference=cust-5000'],
  [
    'the last week, oldest first',
    `from=${new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10)}&sort=created`,
  ],
];

async function measure(pool: Pool, key: string): Promise<number[]> {
  const medians: number[] = [];
  for (const [, qs] of LISTINGS) {
    const query = parseAlertListQuery(Object.fromEntries(new URLSearchParams(qs)), key);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = process.hrtime.bigint();
      await listAlerts(pool, WORKSPACE, query);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    times.sort((a, b) => a - b);
    medians.push(times[Math.floor(RUNS / 2)]!);
  }
  return medians;
}

async function main(): Promise<void> {
  const scratch = await openMigratedScratch('bench_alerts', { poolSize: 2 });
  const pool = scratch.pool;
  try {
    const filling = Date.now();
    const key = await fill(pool);
    console.log(
      `${COUNT.toLocaleString('en')} alerts in the workspace (and as many in another), filled in ${((Date.now() - filling) / 1000).toFixed(1)} s`,
    );
    const indexed = await measure(pool, key);
    const plan = await pool.query(
      `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id FROM alerts a WHERE a.workspace_id = 'bench' AND a.status = 'open' ORDER BY a.created_at DESC, a.id DESC LIMIT 100`,
    );
    for (const name of LISTING_INDEXES) await pool.query(`DROP INDEX ${name}`);
    const unindexed = await measure(pool, key);
    console.log('\n| first page (100 alerts and their matches) | with the indexes | peer: without them |');
    console.log('|---|---|---|');
    LISTINGS.forEach(([label, qs], i) =>
      console.log(`| ${label} (\`${qs}\`) | ${indexed[i]!.toFixed(1)} ms | ${unindexed[i]!.toFixed(1)} ms |`),
    );
    console.log(`\nmedian of ${RUNS} runs each. Plan of the newest-open page with the indexes:`);
    for (const row of plan.rows) console.log(`  ${row['QUERY PLAN']}`);
  } finally {
    await scratch.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
