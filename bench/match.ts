/**
 * Speed benchmark: build time, index memory, names screened per second on one core, p50/p99 per name, on OFAC SDN +
 * Consolidated and on a list scaled to about a million names; and the ratio to a naive fuse.js scan in the same run.
 *
 *   npx tsc -p bench/tsconfig.json && node --expose-gc bench/dist/bench/match.js
 *
 * Env: SHARED_DATA_DIR, BENCH_QUERIES (10000), BENCH_SCALED_NAMES (1000000, 0 = skip), BENCH_FUSE_QUERIES (40),
 * BENCH_WITH_UN (1; 0 skips the SDN + Consolidated + UN row).
 */
import * as path from 'node:path';
import Fuse from 'fuse.js';
import {
  buildMatchIndex,
  DEFAULT_MATCH_THRESHOLD,
  type MatchableEntity,
  type MatchIndex,
} from '../shared/src/matching';
import { dataDir, loadBenchLists, readCsvObjects } from './lib/list-reader';
import { scaleList } from './lib/scale-list';
import { generateClass, seededRng, VARIATION_CLASSES } from './lib/variations';

const QUERIES = Number(process.env['BENCH_QUERIES'] ?? 10_000);
const SCALED_NAMES = Number(process.env['BENCH_SCALED_NAMES'] ?? 1_000_000);
const FUSE_QUERIES = Number(process.env['BENCH_FUSE_QUERIES'] ?? 40);
const WARM_UP = 1_000;
const OPTIONS = { threshold: DEFAULT_MATCH_THRESHOLD, limit: 10 };

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
/** JS heap plus off-heap memory (typed arrays live outside the heap). */
const heapUsed = (): number => {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** The screening mix: half synthetic non-matching people (most real traffic), half variations of listed names. */
function queryMix(entities: MatchableEntity[], count: number): string[] {
  const bench = path.join(dataDir(), 'benchmark_name_matching_yente');
  const negatives = [
    ...readCsvObjects(path.join(bench, 'negatives_global.csv')),
    ...readCsvObjects(path.join(bench, 'negatives_us.csv')),
  ].map((r) => r['full_name'] ?? '');
  const positives = VARIATION_CLASSES.filter((c) => c.positive).flatMap((c, i) =>
    generateClass(c, entities, Math.ceil(count / 2 / 12), 100 + i).map((q) => q.query),
  );
  const rng = seededRng(42);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const pool = i % 2 === 0 ? negatives : positives;
    out.push(pool[Math.floor(rng() * pool.length)] as string);
  }
  return out;
}

interface Timing {
  namesPerSecond: number;
  p50: number;
  p99: number;
  mean: number;
  hits: number;
}

function time(index: MatchIndex, queries: string[], warmUp = WARM_UP): Timing {
  for (const q of queries.slice(0, warmUp)) index.screen({ name: q }, OPTIONS);
  const latencies = new Float64Array(queries.length);
  let hits = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < queries.length; i++) {
    const t = process.hrtime.bigint();
    hits += index.screen({ name: queries[i] as string }, OPTIONS).length > 0 ? 1 : 0;
    latencies[i] = Number(process.hrtime.bigint() - t) / 1e6;
  }
  const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
  latencies.sort();
  return {
    namesPerSecond: (queries.length / totalMs) * 1000,
    p50: latencies[Math.floor(latencies.length * 0.5)] as number,
    p99: latencies[Math.floor(latencies.length * 0.99)] as number,
    mean: totalMs / queries.length,
    hits,
  };
}

function main(): void {
  const lists = loadBenchLists();
  const entities = [...lists.sdn, ...lists.cons];
  // Two disjoint sets from the same mix: the first is screened by a fresh index (cold look-up caches), the second right
  // after, as a worker that has been running sees its traffic (its words mostly met before).
  const mix = queryMix([...lists.sdn, ...lists.cons, ...lists.un], 2 * QUERIES);
  const queries = mix.slice(0, QUERIES);
  const laterQueries = mix.slice(QUERIES);
  const rows: string[] = [];

  const measure = (label: string, list: MatchableEntity[]): number => {
    const before = heapUsed();
    const started = process.hrtime.bigint();
    const index = buildMatchIndex(list);
    const buildMs = Number(process.hrtime.bigint() - started) / 1e6;
    const heap = heapUsed() - before;
    const t = time(index, queries);
    const later = time(index, laterQueries, 0);
    rows.push(
      `| ${label} | ${index.entityCount.toLocaleString('en')} | ${index.nameCount.toLocaleString('en')} | ${(buildMs / 1000).toFixed(1)} s | ` +
        `${mb(index.memoryBytes())} / ${mb(heap)} | ${Math.round(t.namesPerSecond).toLocaleString('en')} | ${Math.round(later.namesPerSecond).toLocaleString('en')} | ` +
        `${t.p50.toFixed(3)} ms | ${t.p99.toFixed(3)} ms | ${((t.hits / queries.length) * 100).toFixed(1)}% |`,
    );
    return t.mean;
  };

  const skipSmall = process.env['BENCH_SKIP_SMALL'] === '1';
  const oursMean = skipSmall ? 1 : measure('OFAC SDN + Consolidated', entities);
  // The service's default set: the UN list adds names written in Arabic script, which Latin queries also probe
  // (decision 0029); SDN and Consolidated hold none.
  if (!skipSmall && process.env['BENCH_WITH_UN'] !== '0')
    measure('OFAC SDN + Consolidated + UN', [...entities, ...lists.un]);

  // The naive peer: one Fuse over every name, threshold 0.3, a full scan per query.
  const names = entities.flatMap((e) => e.names.map((n) => n.value));
  const fuse = new Fuse(names, { threshold: 0.3, includeScore: true });
  const fuseQueries = queries.slice(0, FUSE_QUERIES);
  const fuseStarted = process.hrtime.bigint();
  for (const q of fuseQueries) fuse.search(q, { limit: 10 });
  const fuseMean = Number(process.hrtime.bigint() - fuseStarted) / 1e6 / Math.max(1, fuseQueries.length);
  rows.push(
    `| fuse.js full scan (same names, ${fuseQueries.length} queries) | ${entities.length.toLocaleString('en')} | ${names.length.toLocaleString('en')} | — | — | ` +
      `${Math.round(1000 / fuseMean).toLocaleString('en')} | — | ${fuseMean.toFixed(1)} ms (mean) | — | — |`,
  );

  if (SCALED_NAMES > 0) {
    const scaled = scaleList(entities, SCALED_NAMES, seededRng(9), (source, serial, names) => ({
      ...source,
      id: `synthetic:${serial}`,
      names,
    }));
    measure(`scaled to ${(SCALED_NAMES / 1e6).toFixed(1)}M names`, scaled);
  }

  console.log(
    `Node ${process.version}, one thread; ${queries.length} queries (half yente negatives, half variations of listed names), threshold ${OPTIONS.threshold}: ` +
      `first on a fresh index after ${WARM_UP} warm-up queries, then ${laterQueries.length} other queries of the same mix, as a running worker sees them. p50 and p99 are of the first.\n`,
  );
  console.log(
    '| list | entities | names | build | index memory (own estimate / measured) | names/s (1 core), first queries | names/s, next queries | p50 | p99 | queries with a hit |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(r);
  console.log(
    `\nMean per name: ours ${oursMean.toFixed(3)} ms, fuse.js ${fuseMean.toFixed(1)} ms: ${Math.round(fuseMean / oursMean).toLocaleString('en')}× faster.`,
  );
}

main();
