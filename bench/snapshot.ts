/**
 * Results snapshot, for checking that a refactoring changed nothing: screens a large query set (the UK list's names,
 * and the yente global negatives with and without their birth date and nationality) against OFAC SDN + Consolidated
 * + UN, and writes every answer (hits with scores and explanations, near misses with their reasons) one line per
 * query. Run it on two builds and compare the files (`cmp`, or `diff` for the lines that differ).
 *
 *   npx tsc -p bench/tsconfig.json && node bench/dist/bench/snapshot.js /tmp/after.jsonl
 *
 * Env: SHARED_DATA_DIR (default ../shared/data).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  buildMatchIndex,
  DEFAULT_MATCH_THRESHOLD,
  screenWithNearMisses,
  type ScreeningQuery,
} from '../shared/src/matching';
import { dataDir, loadBenchLists, readCsvObjects, readUkConList } from './lib/list-reader';

async function main(): Promise<void> {
  const out = process.argv[2];
  if (out === undefined) throw new Error('usage: snapshot.js <output file>');
  const { sdn, cons, un } = loadBenchLists();
  const index = buildMatchIndex([...sdn, ...cons, ...un]);
  const uk = await readUkConList(path.join(dataDir(), 'uk_ofsi_conlist', 'ConList.csv'));
  const queries: ScreeningQuery[] = uk.flatMap((e) => e.names.map((n) => ({ name: n.value })));
  for (const r of readCsvObjects(path.join(dataDir(), 'benchmark_name_matching_yente', 'negatives_global.csv'))) {
    const name = r['full_name'] ?? '';
    if (name === '') continue;
    queries.push({ name });
    const birthDate = r['date_of_birth'];
    const country = r['nationality'];
    queries.push({ name, ...(birthDate ? { birthDate } : {}), ...(country ? { country } : {}) });
  }
  const lines: string[] = [];
  const started = Date.now();
  for (const query of queries) {
    const { matches, nearMisses } = screenWithNearMisses(index, query, {
      threshold: DEFAULT_MATCH_THRESHOLD,
      limit: 10,
    });
    lines.push(JSON.stringify([query, { matches, nearMisses }]));
  }
  fs.writeFileSync(out, lines.join('\n') + '\n');
  console.log(
    `${queries.length} queries (${uk.length} UK entities' names and the yente global negatives) in ${((Date.now() - started) / 1000).toFixed(1)} s → ${out}`,
  );
}

void main();
