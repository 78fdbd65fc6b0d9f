/**
 * Accuracy benchmark: recall and false-positive rate per variation class, for our index and for a naive fuse.js scan
 * measured in the same run, plus the yente open benchmark (UN names with typos; 100,000 synthetic non-matches).
 *
 *   npx tsc -p bench/tsconfig.json && node bench/dist/bench/accuracy.js
 *
 * Env: SHARED_DATA_DIR (default ../shared/data), BENCH_PER_CLASS (400), BENCH_FUSE_SAMPLE (50 per class, 0 = skip),
 * BENCH_THRESHOLD (DEFAULT_MATCH_THRESHOLD), BENCH_VERBOSE=1 to print misses and false positives.
 */
import * as path from 'node:path';
import Fuse from 'fuse.js';
import { buildMatchIndex, DEFAULT_MATCH_THRESHOLD, type MatchableEntity, type MatchIndex, type ScreeningQuery } from '../shared/src/matching';
import { dataDir, loadBenchLists, readCsvObjects } from './lib/list-reader';
import { generateClass, seededRng, VARIATION_CLASSES, type LabelledQuery } from './lib/variations';

const PER_CLASS = Number(process.env['BENCH_PER_CLASS'] ?? 400);
const FUSE_SAMPLE = Number(process.env['BENCH_FUSE_SAMPLE'] ?? 50);
const THRESHOLD = Number(process.env['BENCH_THRESHOLD'] ?? DEFAULT_MATCH_THRESHOLD);
const VERBOSE = process.env['BENCH_VERBOSE'] === '1';
/** The naive peer: fuse.js defaults with threshold 0.3, one Fuse over every name and alias. */
const FUSE_THRESHOLD = 0.3;
/** Hits considered per query: a positive counts as found when its entity is among them. */
const LIMIT = 10;

interface Case {
  query: ScreeningQuery;
  expected?: string;
  source: string;
}

interface Row {
  name: string;
  positive: boolean;
  n: number;
  ours: number;
  oursWithAttributes?: number;
  fuseN: number;
  fuse?: number;
  msPerQuery: number;
}

function sample<T>(items: readonly T[], n: number, seed: number): T[] {
  if (items.length <= n) return [...items];
  const rng = seededRng(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, n);
}

function outcome(index: MatchIndex, c: Case): boolean {
  const hits = index.screen(c.query, { threshold: THRESHOLD, limit: LIMIT });
  return c.expected === undefined ? hits.length > 0 : hits.some((h) => h.entityId === c.expected);
}

function scriptOf(name: string): string {
  for (const script of ['Hangul', 'Han', 'Arabic', 'Hebrew', 'Cyrillic', 'Devanagari', 'Thai', 'Hiragana', 'Greek'] as const) {
    if (new RegExp(`\\p{Script=${script}}`, 'u').test(name)) return script === 'Hiragana' ? 'Han' : script;
  }
  return 'Latin';
}

function main(): void {
  const t0 = Date.now();
  const lists = loadBenchLists();
  const entities: MatchableEntity[] = [...lists.sdn, ...lists.cons, ...lists.un];
  const romanised = loadBenchLists({ withoutOriginalScript: true });
  const index = buildMatchIndex(entities);
  const romanisedIndex = buildMatchIndex([...romanised.sdn, ...romanised.cons, ...romanised.un]);
  const names = entities.flatMap((e) => e.names.map((n) => ({ value: n.value, entity: e.id })));
  const fuse = new Fuse(
    names.map((n) => n.value),
    { threshold: FUSE_THRESHOLD, includeScore: true },
  );
  // The original-script class is measured against romanised names only, for fuse.js as for us.
  const romanisedNames = [...romanised.sdn, ...romanised.cons, ...romanised.un].flatMap((e) => e.names.map((n) => ({ value: n.value, entity: e.id })));
  const romanisedFuse = new Fuse(
    romanisedNames.map((n) => n.value),
    { threshold: FUSE_THRESHOLD, includeScore: true },
  );
  const fuseOutcome = (c: Case, idx: MatchIndex): boolean => {
    const [f, list] = idx === index ? [fuse, names] : [romanisedFuse, romanisedNames];
    const results = f.search(c.query.name, { limit: c.expected === undefined ? 1 : 50 });
    return c.expected === undefined ? results.length > 0 : results.some((r) => list[r.refIndex]?.entity === c.expected);
  };
  console.log(
    `Lists: OFAC SDN ${lists.sdn.length} entities, Consolidated ${lists.cons.length}, UN ${lists.un.length}; ${index.nameCount} names indexed ` +
      `(${names.length} before de-duplication). Threshold ${THRESHOLD}. Loaded in ${Date.now() - t0} ms.\n`,
  );

  const rows: Row[] = [];
  const scriptNotes: string[] = [];
  const run = (name: string, positive: boolean, cases: Case[], withAttributes: Case[] | undefined, idx: MatchIndex = index): void => {
    const started = process.hrtime.bigint();
    const failures: Case[] = [];
    let good = 0;
    for (const c of cases) {
      const found = outcome(idx, c);
      if (found === positive) good++;
      else failures.push(c);
    }
    const msPerQuery = Number(process.hrtime.bigint() - started) / 1e6 / Math.max(1, cases.length);
    const rate = positive ? good / cases.length : 1 - good / cases.length;
    let attributesRate: number | undefined;
    if (withAttributes !== undefined) {
      const ok = withAttributes.filter((c) => outcome(idx, c) === positive).length;
      attributesRate = positive ? ok / withAttributes.length : 1 - ok / withAttributes.length;
    }
    const fuseCases = FUSE_SAMPLE > 0 ? sample(cases, FUSE_SAMPLE, 7) : [];
    const fuseGood = fuseCases.filter((c) => fuseOutcome(c, idx) === positive).length;
    rows.push({
      name,
      positive,
      n: cases.length,
      ours: rate,
      ...(attributesRate !== undefined ? { oursWithAttributes: attributesRate } : {}),
      fuseN: fuseCases.length,
      ...(fuseCases.length > 0 ? { fuse: positive ? fuseGood / fuseCases.length : 1 - fuseGood / fuseCases.length } : {}),
      msPerQuery,
    });
    if (!positive && cases.length >= 10_000 && failures.length > 0) {
      const byScript = new Map<string, number>();
      for (const f of failures) byScript.set(scriptOf(f.query.name), (byScript.get(scriptOf(f.query.name)) ?? 0) + 1);
      const total = new Map<string, number>();
      for (const c of cases) total.set(scriptOf(c.query.name), (total.get(scriptOf(c.query.name)) ?? 0) + 1);
      scriptNotes.push(
        `${name}, name only: false positives by script: ` +
          [...total].map(([s, n]) => `${s} ${byScript.get(s) ?? 0}/${n}`).join(', '),
      );
    }
    if (VERBOSE && failures.length > 0) {
      console.log(`-- ${name}: ${failures.length} ${positive ? 'misses' : 'false positives'}`);
      for (const f of failures.slice(0, 25)) {
        const top = idx.screen(f.query, { threshold: 0, limit: 1 })[0];
        console.log(`   ${JSON.stringify(f.query.name)} (from ${JSON.stringify(f.source)}) → ${top ? `${top.matchedName} ${top.score}` : 'nothing'}`);
      }
    }
  };

  let seed = 1;
  for (const cls of VARIATION_CLASSES) {
    const cases: Case[] = generateClass(cls, entities, PER_CLASS, seed++).map((q: LabelledQuery) => ({
      query: { name: q.query },
      source: q.source,
      ...(q.expected !== undefined ? { expected: q.expected } : {}),
    }));
    run(cls.name, cls.positive, cases, undefined);
  }

  // Original script: the UN's own-script names queried against an index built without them.
  // Arabic is split by entity type: people are listed under romanisations of the same name, while organisations are
  // often listed only in translation ("الجماعة الاسلامية المقاتلة الليبية" as "LIBYAN ISLAMIC FIGHTING GROUP").
  const originalScript = lists.un.flatMap((e) =>
    e.names
      .filter((n) => n.kind === 'original_script')
      .map((n) => ({ case: { query: { name: n.value }, expected: e.id, source: e.names[0]?.value ?? '' } as Case, type: e.type })),
  );
  const byScript = new Map<string, Case[]>();
  for (const { case: c, type } of originalScript) {
    const script = /\p{Script=Han}/u.test(c.query.name) ? 'Han' : /\p{Script=Arabic}/u.test(c.query.name) ? 'Arabic' : /\p{Script=Cyrillic}/u.test(c.query.name) ? 'Cyrillic' : 'other';
    const key = script === 'Arabic' ? `Arabic, ${type === 'person' ? 'people' : 'organisations'}` : script;
    byScript.set(key, [...(byScript.get(key) ?? []), c]);
  }
  for (const [script, cases] of byScript) run(`original script (${script})`, true, cases, undefined, romanisedIndex);

  // The yente open benchmark.
  const bench = path.join(dataDir(), 'benchmark_name_matching_yente');
  const unKey = (name: string): string =>
    name
      .toUpperCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      .split(' ')
      .sort()
      .join(' ');
  const unByKey = new Map<string, string>();
  for (const e of lists.un) for (const n of e.names) unByKey.set(unKey(n.value), e.id);
  const treated = readCsvObjects(path.join(bench, 'positives_un_treated.csv'));
  const untreated = readCsvObjects(path.join(bench, 'positives_un_untreated.csv'));
  const attributes = (r: Record<string, string>): Partial<ScreeningQuery> => ({
    ...(r['date_of_birth'] ? { birthDate: r['date_of_birth'] } : {}),
    ...(r['nationality'] ? { country: r['nationality'] } : {}),
  });
  const positives: Case[] = [];
  const positivesWithAttributes: Case[] = [];
  let unmapped = 0;
  treated.forEach((r, i) => {
    const expected = unByKey.get(unKey(untreated[i]?.['full_name'] ?? ''));
    if (expected === undefined) {
      unmapped++;
      return;
    }
    const name = r['full_name'] ?? '';
    positives.push({ query: { name }, expected, source: untreated[i]?.['full_name'] ?? '' });
    positivesWithAttributes.push({ query: { name, ...attributes(r) }, expected, source: untreated[i]?.['full_name'] ?? '' });
  });
  run('yente: UN names with typos', true, positives, positivesWithAttributes);
  for (const file of ['negatives_global.csv', 'negatives_us.csv']) {
    const rowsCsv = readCsvObjects(path.join(bench, file));
    const plain = rowsCsv.map((r) => ({ query: { name: r['full_name'] ?? '' }, source: file }));
    const withAttributes = rowsCsv.map((r) => ({ query: { name: r['full_name'] ?? '', type: 'person' as const, ...attributes(r) }, source: file }));
    run(`yente: ${file.replace('.csv', '')}`, false, plain, withAttributes);
  }

  const pct = (v: number | undefined, digits = 1): string => (v === undefined ? '—' : `${(v * 100).toFixed(digits)}%`);
  console.log('| class | kind | n | ours | ours + DOB/country | fuse.js (n) | ours ms/query |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const metric = r.positive ? 'recall' : 'FPR';
    console.log(
      `| ${r.name} | ${r.positive ? 'positive' : 'negative'} | ${r.n} | ${metric} ${pct(r.ours, r.positive ? 1 : 2)} | ${pct(r.oursWithAttributes, r.positive ? 1 : 2)} | ` +
        `${pct(r.fuse, r.positive ? 1 : 2)} (${r.fuseN}) | ${r.msPerQuery.toFixed(3)} |`,
    );
  }
  for (const note of scriptNotes) console.log(`\n${note}`);
  if (unmapped > 0) console.log(`\n${unmapped} yente positives could not be mapped to a UN entity and were left out.`);
  console.log(`\nTotal time ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
}

main();
