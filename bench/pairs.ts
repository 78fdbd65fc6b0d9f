/**
 * Labelled pairs benchmark: precision, recall and F1 of `compare` (the public scoring path, the calibrated scorer that
 * screening runs) and of the rules it replaced (`rulesCompare`) on the development half of
 * a public set of hard name pairs (`name_pairs_dev/pairs.csv`, PROVENANCE.md section 9), per case group, with the scorer
 * version. The other half is held out: never tune on this one case by case, and read the figures as a development
 * estimate, not a result.
 *
 *   npm run bench:pairs
 *
 * Env: SHARED_DATA_DIR (default ../shared/data), BENCH_THRESHOLD (DEFAULT_MATCH_THRESHOLD, the calibrated one), BENCH_VERBOSE=1 to print
 * the wrong answers, BENCH_CV=0 to skip the k-fold figures on the generated pairs (they read every list, about a minute).
 */
import * as path from 'node:path';
import {
  compare,
  DEFAULT_MATCH_THRESHOLD,
  RULES_SCORER_VERSION,
  RULES_THRESHOLD,
  rulesCompare,
  SCORER_VERSION,
  type ScreeningQuery,
} from '../shared/src/matching';
import { dataDir, readCsvObjects } from './lib/list-reader';
import { pairFigures, type ScoredPair } from './lib/pair-figures';
import { crossValidate } from './lib/scorer-training';
import { generatedRows } from './train-scorer';

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

async function main(): Promise<void> {
  const pairs = readPairs();
  const started = process.hrtime.bigint();
  const calibrated: (ScoredPair & { pair: LabelledPair })[] = pairs.map((pair) => {
    const type = SCHEMA_TYPES[pair.schema];
    const typed = type === undefined ? {} : { type };
    const result = compare({ name: pair.left, ...typed }, { name: pair.right, ...typed }, THRESHOLD);
    return { pair, score: result.score, predicted: result.match, actual: pair.match };
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rules: (ScoredPair & { pair: LabelledPair })[] = pairs.map((pair) => {
    const type = SCHEMA_TYPES[pair.schema];
    const typed = type === undefined ? {} : { type };
    const result = rulesCompare({ name: pair.left, ...typed }, { name: pair.right, ...typed }, RULES_THRESHOLD);
    return { pair, score: result.score, predicted: result.match, actual: pair.match };
  });
  console.log(
    `${pairs.length} labelled dev pairs (${pairs.filter((p) => p.match).length} matches); compare ${(ms / pairs.length).toFixed(3)} ms per pair`,
  );
  console.log('');
  console.log('| scorer | pairs | n | precision | recall | F1 | accuracy |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  const row = (scorer: string, label: string, rows: ScoredPair[]): void => {
    const f = pairFigures(rows);
    console.log(
      `| ${scorer} | ${label} | ${rows.length} | ${f.precision.toFixed(3)} | ${f.recall.toFixed(3)} | ${f.f1.toFixed(3)} | ${f.accuracy.toFixed(3)} |`,
    );
  };
  const groups = [...new Set(pairs.map((p) => p.group))].sort();
  for (const [name, rows] of [
    [`${SCORER_VERSION} (fitted, screening's, threshold ${THRESHOLD.toFixed(3)})`, calibrated],
    [`${RULES_SCORER_VERSION} (rules, threshold ${RULES_THRESHOLD})`, rules],
  ] as const) {
    row(name, 'all', [...rows]);
    for (const group of groups)
      row(
        name,
        group,
        rows.filter((s) => s.pair.group === group),
      );
  }
  if (process.env['BENCH_CV'] !== '0') {
    const { rows } = await generatedRows();
    const cv = crossValidate(rows, 5, 7);
    const f = (x: { precision: number; recall: number; f1: number }): string =>
      `P ${x.precision.toFixed(3)} R ${x.recall.toFixed(3)} F1 ${x.f1.toFixed(3)}`;
    console.log('');
    console.log(
      `5-fold CV on ${rows.length} generated pairs: ${SCORER_VERSION} fitted per fold ${f(cv.fitted)}; ${RULES_SCORER_VERSION} ${f(cv.rules)}`,
    );
  }
  if (VERBOSE) {
    console.log('');
    for (const s of calibrated.filter((x) => x.predicted !== x.actual)) {
      console.log(
        `${s.actual ? 'missed' : 'false hit'} ${s.score.toFixed(3)} [${s.pair.group}/${s.pair.schema}] ${s.pair.left} | ${s.pair.right}`,
      );
    }
  }
}

void main();
