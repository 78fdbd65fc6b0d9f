/**
 * npm run bench:history — GET /v1/screenings over a 10M-row screening history (BENCH_HISTORY_ROWS), read through the
 * service's own listScreeningHistory, for the queries an officer or an auditor makes: one customer's history, a name
 * anywhere in it, the hits of a week, one batch's rows, the newest page, and paging deep with the cursor. Peers in the
 * same run: the same statements on a 1M-row sample of the same rows without any index (extrapolate ×10 for 10M), and
 * OFFSET paging to the same depth. Rows are made by generate_series in SQL, in a scratch database dropped at the end.
 * Postgres: DATABASE_URL, else 127.0.0.1:5432.
 */
import { createHash } from 'node:crypto';
import type { Pool } from '../shared/src/db';
import {
  historyPageStatement,
  listScreeningHistory,
  screeningHistoryQuerySchema,
  toHistoryQuery,
  type HistoryCursor,
  type ScreeningHistoryQuery,
} from '../shared/src/history';
import { openMigratedScratch } from './lib/scratch-database';

const ROWS = Number(process.env.BENCH_HISTORY_ROWS ?? 10_000_000);
const SAMPLE = Math.min(1_000_000, ROWS);
const RUNS = Number(process.env.BENCH_HISTORY_RUNS ?? 200);
const PEER_RUNS = 7;
const WORKSPACE = 'bench';
/** Days the rows are spread over, newest first. */
const DAYS = 365;
const REFERENCES = Math.max(1, Math.floor(ROWS / 5));
const BATCH_ROWS = 100_000;
const SURNAMES = 100_000;
const FIRST_NAMES = ['maria', 'mohammed', 'wei', 'olga', 'james', 'fatima', 'ivan', 'ana', 'li', 'john'];

/**
 * Every 10th row is another workspace's. Sources: 1 in 20 a single screening, 1 in 500 a monitoring result, the rest
 * batch rows (100,000 per batch). A reference is screened 5 times; 1 in 1,000 rows is a hit. Names are a first name of
 * ten and one of 100,000 made-up surnames: a surname is in about 100 rows, a first name in a tenth of them.
 */
async function fill(pool: Pool): Promise<void> {
  await pool.query(`SET maintenance_work_mem = '1GB'`);
  await pool.query(
    `INSERT INTO screening_history (id, workspace_id, source, screened_at, reference, name, name_key, entity_type, birth_date,
                                    country, decision, top_score, match_count, batch_id, line, list_version)
     SELECT md5(g::text)::uuid,
            CASE WHEN g % 10 = 9 THEN 'bench-other' ELSE 'bench' END,
            s.source,
            now() - make_interval(secs => g * ($3 * 86400.0 / $1)),
            'cust-' || (g % $2),
            n.name, n.name, 'person', NULL, NULL,
            CASE WHEN s.source = 'monitoring' OR g % 1000 = 3 THEN 'hit' ELSE 'no_hit' END,
            CASE WHEN s.source = 'monitoring' OR g % 1000 = 3 THEN 0.9 END,
            CASE WHEN s.source = 'monitoring' OR g % 1000 = 3 THEN 1 ELSE 0 END,
            CASE WHEN s.source = 'batch' THEN md5('batch-' || (g / $4))::uuid END,
            CASE WHEN s.source = 'batch' THEN (g % $4)::int + 2 END,
            'ofac-sdn@3+un-sc@2'
     FROM generate_series(1, $1) g
     CROSS JOIN LATERAL (SELECT CASE WHEN g % 500 = 7 THEN 'monitoring' WHEN g % 20 = 0 THEN 'screening' ELSE 'batch' END AS source) s
     CROSS JOIN LATERAL (SELECT ($5::text[])[1 + g % 10] || ' ' || translate(substr(md5('s' || (g % $6)), 1, 9), '0123456789', 'ghijklmnop') AS name) n`,
    [ROWS, REFERENCES, DAYS, BATCH_ROWS, FIRST_NAMES, SURNAMES],
  );
}

interface Case {
  label: string;
  /** Query strings, one per run (varied so the cache does not answer from one page). */
  queries: (i: number) => Promise<Record<string, string>> | Record<string, string>;
}

async function cases(pool: Pool): Promise<Case[]> {
  // Surnames of the generated rows, each with the first name its rows carry (both follow from the row number).
  const names = (
    await pool.query<{ first: string; s: string }>(
      `SELECT ($2::text[])[1 + ((g * 997) % $1) % 10] AS first,
              translate(substr(md5('s' || (g * 997) % $1), 1, 9), '0123456789', 'ghijklmnop') AS s
       FROM generate_series(1, 50) g`,
      [SURNAMES, FIRST_NAMES],
    )
  ).rows;
  const surnames = names.map((n) => n.s);
  const weekAgo = (i: number) => new Date(Date.now() - (7 + (i % 300)) * 86_400_000);
  return [
    { label: 'newest page', queries: () => ({}) },
    { label: 'one customer (`reference=`)', queries: (i) => ({ reference: `cust-${(i * 7919) % REFERENCES}` }) },
    { label: 'a surname anywhere (`name=`, ~100 rows)', queries: (i) => ({ name: surnames[i % surnames.length]! }) },
    {
      label: 'first name and part of a surname (`name=`)',
      queries: (i) => ({ name: `${names[i % names.length]!.first} ${names[i % names.length]!.s.slice(0, 4)}` }),
    },
    {
      label: 'hits of a week (`decision=hit&from=&to=`)',
      queries: (i) => ({
        decision: 'hit',
        from: weekAgo(i).toISOString(),
        to: new Date(weekAgo(i).getTime() + 7 * 86_400_000).toISOString(),
      }),
    },
    {
      label: 'one batch (`batchId=`)',
      queries: (i) => ({ batchId: md5Uuid(`batch-${i % Math.max(1, Math.floor(ROWS / BATCH_ROWS))}`) }),
    },
    { label: 'monitoring results (`source=monitoring`)', queries: () => ({ source: 'monitoring' }) },
  ];
}

function md5Uuid(text: string): string {
  const h = createHash('md5').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const parse = (raw: Record<string, string>): ScreeningHistoryQuery =>
  toHistoryQuery(screeningHistoryQuerySchema.parse(raw));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function measureIndexed(pool: Pool, c: Case): Promise<{ p50: number; p99: number; rows: number }> {
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    const query = parse(await c.queries(i));
    times.push(
      await time(async () => (rows += (await listScreeningHistory(pool, WORKSPACE, query)).screenings.length)),
    );
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), rows: rows / RUNS };
}

/** The same statement on the unindexed sample table. */
async function measurePeer(pool: Pool, c: Case): Promise<{ p50: number; max: number }> {
  const times: number[] = [];
  for (let i = 0; i < PEER_RUNS; i++) {
    const statement = historyPageStatement(WORKSPACE, parse(await c.queries(i)));
    const text = statement.text.replace('FROM screening_history h', 'FROM history_sample h');
    times.push(await time(() => pool.query(text, statement.values)));
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), max: times[times.length - 1]! };
}

/** Pages 1..depth of the newest listing by the cursor, timing each `every`th page; and OFFSET to the same pages. */
async function paging(
  pool: Pool,
  depth: number,
  every: number,
): Promise<{ page: number; cursor: number; offset: number }[]> {
  const out: { page: number; cursor: number; offset: number }[] = [];
  let cursor: HistoryCursor | undefined;
  for (let page = 1; page <= depth; page++) {
    const query: ScreeningHistoryQuery = { filters: {}, limit: 100, ...(cursor && { cursor }) };
    let next: HistoryCursor | undefined;
    const ms = await time(async () => (next = (await listScreeningHistory(pool, WORKSPACE, query)).next));
    if (page % every === 0 || page === 1) {
      const offsetMs = await time(() =>
        pool.query(
          `SELECT id FROM screening_history h WHERE h.workspace_id = $1 ORDER BY h.screened_at DESC, h.id DESC OFFSET $2 LIMIT 101`,
          [WORKSPACE, (page - 1) * 100],
        ),
      );
      out.push({ page, cursor: ms, offset: offsetMs });
    }
    cursor = next;
    if (!cursor) break;
  }
  return out;
}

async function main(): Promise<void> {
  const scratch = await openMigratedScratch('bench_history', { poolSize: 2 });
  const pool = scratch.pool;
  try {
    // Filled first and indexed after, as a restore would: the same indexes the migration made.
    const indexes = (
      await pool.query<{ indexname: string; indexdef: string }>(
        `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'screening_history'`,
      )
    ).rows;
    for (const i of indexes) await pool.query(`DROP INDEX ${i.indexname}`);
    let started = Date.now();
    await fill(pool);
    const filled = (Date.now() - started) / 1000;
    started = Date.now();
    for (const i of indexes) await pool.query(i.indexdef);
    await pool.query('VACUUM ANALYZE screening_history');
    const indexed = (Date.now() - started) / 1000;
    await pool.query(
      `CREATE TABLE history_sample AS SELECT * FROM screening_history WHERE ('x' || substr(id::text, 1, 8))::bit(32)::int % 10 = 0 LIMIT $1`.replace(
        '$1',
        String(SAMPLE),
      ),
    );
    await pool.query('ANALYZE history_sample');
    const sizes = (
      await pool.query<{ rel: string; index: string; sample: number }>(
        `SELECT pg_size_pretty(pg_relation_size('screening_history')) AS rel, pg_size_pretty(pg_indexes_size('screening_history')) AS index,
                (SELECT count(*)::int FROM history_sample) AS sample`,
      )
    ).rows[0]!;
    console.log(
      `${ROWS.toLocaleString('en')} history rows (90% in the measured workspace) filled in ${filled.toFixed(1)} s, indexed in ${indexed.toFixed(1)} s; ` +
        `table ${sizes.rel}, its indexes ${sizes.index}; peer sample ${sizes.sample.toLocaleString('en')} rows, no index`,
    );

    console.log(
      `\n| first page (100 rows) | rows | p50 | p99 | peer: same statement, 1M sample, no index (p50 / max) | ratio at p50 |`,
    );
    console.log('|---|---|---|---|---|---|');
    for (const c of await cases(pool)) {
      const ours = await measureIndexed(pool, c);
      const peer = await measurePeer(pool, c);
      console.log(
        `| ${c.label} | ${ours.rows.toFixed(0)} | ${ours.p50.toFixed(2)} ms | ${ours.p99.toFixed(2)} ms | ${peer.p50.toFixed(1)} / ${peer.max.toFixed(1)} ms | ${(peer.p50 / ours.p50).toFixed(0)}× |`,
      );
    }
    console.log(`\n${RUNS} runs each (peer ${PEER_RUNS}), query values varied per run.`);

    console.log('\n| newest listing, page n (100 rows) | cursor (keyset) | peer: OFFSET (n-1)×100 |');
    console.log('|---|---|---|');
    for (const p of await paging(pool, Number(process.env.BENCH_HISTORY_PAGES ?? 2000), 500))
      console.log(`| ${p.page.toLocaleString('en')} | ${p.cursor.toFixed(2)} ms | ${p.offset.toFixed(1)} ms |`);

    for (const [label, raw] of [
      ['reference', { reference: 'cust-12345' }],
      ['name', { name: 'olga' }],
    ] as const) {
      const plan = await pool.query({
        ...historyPageStatement(WORKSPACE, parse(raw)),
        text: `EXPLAIN (COSTS OFF) ${historyPageStatement(WORKSPACE, parse(raw)).text}`,
      });
      console.log(`\nPlan (${label}): ${plan.rows.map((r) => r['QUERY PLAN'].trim()).join(' / ')}`);
    }
  } finally {
    await scratch.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
