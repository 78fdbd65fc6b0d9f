/**
 * Labelled pairs benchmark: precision, recall and F1 of `compare` (the public scoring path) on the development half of
 * a public set of hard name pairs (`name_pairs_dev/pairs.csv`, PROVENANCE.md section 9), per case group, with the scorer
 * version. The other half is held out: never tune on this one case by case, and read the figures as a development
 * estimate, not a result.
 *
 *   npm run bench:pairs
 *
 * Env: SHARED_DATA_DIR (default ../shared/data), BENCH_THRESHOLD (DEFAULT_MATCH_THRESHOLD), BENCH_VERBOSE=1 to print
 * the wrong answers.
 */
import * as path from 'node:path';
import { compare, DEFAULT_MATCH_THRESHOLD, SCORER_VERSION, type ScreeningQuery } from '../shared/src/matching';
import { dataDir, readCsvObjects } from './lib/list-reader';
import { pairFigures, type ScoredPair } from './lib/pair-figures';

const THRESHOLD = Number(process.env['BENCH_THRESHOLD'] ?? DEFAULT_MATCH_THRESHOLD);
const VERBOSE = process.env['BENCH_VERBOSE'] === '1';

/** FollowTheMoney schemata of the pairs, as our entity types; a schema we do not know leaves the type open. */
const SCHEMA_TYPES: Record<string, ScreeningQuery['type']> = {
  Person: 'person',
  Company: 'organization',
  Organization: 'organization',
  LegalEntity: 'organization',
  Vessel: 'vessel',
};

interface LabelledPair {
  group: string;
  schema: string;
  left: string;
  right: string;
  match: boolean;
}

function readPairs(): LabelledPair[] {
  return readCsvObjects(path.join(dataDir(), 'name_pairs_dev', 'pairs.csv')).map((r) => ({
    group: r['case_group'] ?? '',
    schema: r['schema'] ?? '',
    left: r['name1'] ?? '',
    right: r['name2'] ?? '',
    match: r['is_match'] === 'true',
  }));
}

function main(): void {
  const pairs = readPairs();
  const started = process.hrtime.bigint();
  const scored: (ScoredPair & { pair: LabelledPair })[] = pairs.map((pair) => {
    const type = SCHEMA_TYPES[pair.schema];
    const typed = type === undefined ? {} : { type };
    const result = compare({ name: pair.left, ...typed }, { name: pair.right, ...typed }, THRESHOLD);
    return { pair, score: result.score, predicted: result.match, actual: pair.match };
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(
    `scorer ${SCORER_VERSION}, threshold ${THRESHOLD}, ${pairs.length} labelled pairs (${pairs.filter((p) => p.match).length} matches), ${(ms / pairs.length).toFixed(3)} ms per pair`,
  );
  console.log('');
  console.log('| pairs | n | precision | recall | F1 | accuracy |');
  console.log('|---|---:|---:|---:|---:|---:|');
  const row = (label: string, rows: ScoredPair[]): void => {
    const f = pairFigures(rows);
    console.log(
      `| ${label} | ${rows.length} | ${f.precision.toFixed(3)} | ${f.recall.toFixed(3)} | ${f.f1.toFixed(3)} | ${f.accuracy.toFixed(3)} |`,
    );
  };
  row('all', scored);
  for (const group of [...new Set(pairs.map((p) => p.group))].sort())
    row(
      group,
      scored.filter((s) => s.pair.group === group),
    );
  if (VERBOSE) {
    console.log('');
    for (const s of scored.filter((x) => x.predicted !== x.actual)) {
      console.log(
        `${s.actual ? 'missed' : 'false hit'} ${s.score.toFixed(3)} [${s.pair.group}/${s.pair.schema}] ${s.pair.left} | ${s.pair.right}`,
      );
    }
  }
}

main();
