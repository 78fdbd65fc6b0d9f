/**
 * npm run bench:parse — the parse path alone, no database: each list file through `openList` (open, recognise,
 * hash, decode, parse, map to entities) and a generated 200,000-row upload through `csvRows` and `jsonRecords`.
 * Each measure runs in a process of its own (a cold start, as an import is), and its CPU time (user + sys, what
 * a shared machine's load moves least) and wall time are printed.
 *
 * BENCH_PARSE_BASE=<checkout>: the same measures alternated with another build's compiled copy of this script
 * (`<checkout>/bench/dist/bench/parse.js`; copy this file there and run `npx tsc -p bench/tsconfig.json`), so both
 * builds see the same load. BENCH_PARSE_RUNS (5) runs of each; BENCH_PARSE_ONLY=<regex> picks measures.
 * Data: SHARED_DATA_DIR (default ../shared/data).
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { csvRows } from '../shared/src/batches/csv-rows';
import { jsonRecords } from '../shared/src/batches/json-records';
import { openList, type ImportFormat } from '../shared/src/lists/importers';
// From variations, where older builds this script is copied into (BENCH_PARSE_BASE) have it too.
import { seededRng } from './lib/variations';

const DATA_DIR = process.env.SHARED_DATA_DIR ?? resolve(__dirname, '../../../../shared/data');
const RUNS = Number(process.env.BENCH_PARSE_RUNS ?? 5);
const UPLOAD_ROWS = 200_000;
const UPLOAD_CHUNK_BYTES = 64 * 1024;

const list = (format: ImportFormat, path: string) => async () => {
  let count = 0;
  const parsed = await openList(format, resolve(DATA_DIR, path));
  for await (const entity of parsed.entities) if (entity) count++;
  return count;
};

const GIVEN = ['Maria', 'José', 'Aleksandr', 'Li', 'Fatima', 'Jean-Luc', 'Søren', 'Ngozi', 'Hiroshi', 'Ayşe'];
const FAMILY = ['García', 'Ivanov', 'Wang', "O'Brien", 'Al-Sayed', 'Müller', 'Nakamura', 'Okafor', 'Smith, Jr.'];
const COUNTRIES = ['US', 'GB', 'DE', 'RU', 'CN', 'NG', 'TR', 'JP', 'FR', 'BR'];

interface Customer {
  reference: string;
  name: string;
  birthDate: string;
  country: string;
  address: string;
}

function* customers(): Generator<Customer> {
  const random = seededRng(20);
  const pick = (values: string[]) => values[Math.floor(random() * values.length)] as string;
  for (let i = 0; i < UPLOAD_ROWS; i++) {
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    yield {
      reference: `C${String(i).padStart(8, '0')}`,
      name: `${pick(GIVEN)} ${pick(FAMILY)}`,
      birthDate: `${1940 + Math.floor(random() * 60)}-${month}-1${Math.floor(random() * 9)}`,
      country: pick(COUNTRIES),
      address: `${1 + Math.floor(random() * 400)} ${pick(FAMILY)} Street, "Unit ${i % 50}"`,
    };
  }
}

const csvField = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function uploadCsv(): Buffer {
  const lines = ['reference,name,birth_date,country,address'];
  for (const c of customers())
    lines.push([c.reference, c.name, c.birthDate, c.country, c.address].map(csvField).join(','));
  return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
}

function uploadJson(): Buffer {
  return Buffer.from(JSON.stringify([...customers()]), 'utf8');
}

function* chunksOf(bytes: Buffer): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += UPLOAD_CHUNK_BYTES) yield bytes.subarray(at, at + UPLOAD_CHUNK_BYTES);
}

const upload = (make: () => Buffer, read: typeof csvRows | typeof jsonRecords) => {
  const bytes = make();
  return async () => {
    let count = 0;
    for await (const record of read(chunksOf(bytes))) if (record) count++;
    return count;
  };
};

const MEASURES: Record<string, () => () => Promise<number>> = {
  'OFAC SDN 2024-05-03 (sdn.csv)': () => list('ofac-sdn-csv', 'ofac_sdn/2024-05-03'),
  'OFAC SDN 2021-07-07 folder (4 CSV files)': () => list('ofac-sdn-csv', 'ofac_sdn/2021-07-07_complete'),
  'OFAC Consolidated CSV folder': () => list('ofac-cons-csv', 'ofac_consolidated'),
  'UK OFSI ConList.csv': () => list('uk-ofsi-csv', 'uk_ofsi_conlist'),
  'UN consolidated.xml': () => list('un-xml', 'un_consolidated'),
  'EU FSF XML': () => list('eu-fsf-xml', 'eu_fsf'),
  'Canada SEMA XML': () => list('ca-sema-xml', 'ca_sema'),
  '200,000-row CSV upload (csvRows)': () => upload(uploadCsv, csvRows),
  '200,000-record JSON upload (jsonRecords)': () => upload(uploadJson, jsonRecords),
};

/** One measure in this process: prints {records, cpuMs, wallMs} as JSON. */
async function measureHere(name: string): Promise<void> {
  const make = MEASURES[name];
  if (!make) throw new Error(`no measure "${name}"`);
  const run = make();
  const cpu = process.cpuUsage();
  const wall = process.hrtime.bigint();
  const records = await run();
  const used = process.cpuUsage(cpu);
  const wallMs = Number(process.hrtime.bigint() - wall) / 1e6;
  console.log(JSON.stringify({ records, cpuMs: (used.user + used.system) / 1000, wallMs }));
}

interface Sample {
  records: number;
  cpuMs: number;
  wallMs: number;
}

function runChild(script: string, name: string): Sample {
  const child = spawnSync(process.execPath, [script], {
    env: { ...process.env, BENCH_PARSE_MEASURE: name, SHARED_DATA_DIR: DATA_DIR },
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`${script} "${name}" failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() as string) as Sample;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

async function compare(): Promise<void> {
  const base = process.env.BENCH_PARSE_BASE;
  const only = process.env.BENCH_PARSE_ONLY ? new RegExp(process.env.BENCH_PARSE_ONLY) : undefined;
  const builds: { label: string; script: string }[] = [{ label: 'this build', script: __filename }];
  if (base) builds.push({ label: 'base', script: resolve(base, 'bench/dist/bench/parse.js') });
  const names = Object.keys(MEASURES).filter((name) => !only || only.test(name));
  const samples = new Map<string, Sample[]>(
    names.flatMap((name) => builds.map((b) => [`${name}\0${b.label}`, []] as [string, Sample[]])),
  );
  const loads: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    loads.push(loadavg()[0] as number);
    for (const name of names) {
      // Alternate which build goes first, so neither always runs on a cache the other warmed.
      const order = run % 2 ? [...builds].reverse() : builds;
      for (const build of order) samples.get(`${name}\0${build.label}`)!.push(runChild(build.script, name));
    }
  }
  loads.push(loadavg()[0] as number);
  console.log(
    `\nParse only, ${RUNS} runs of each in a process of its own, alternated; load (1 min) ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}\n`,
  );
  const header = ['measure', 'records', ...builds.flatMap((b) => [`${b.label} CPU`, `${b.label} wall`])];
  if (base) header.push('change (CPU median)');
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
  for (const name of names) {
    const per = builds.map((b) => samples.get(`${name}\0${b.label}`)!);
    const cells = [name, String(per[0]![0]!.records)];
    for (const s of per) cells.push(seconds(median(s.map((x) => x.cpuMs))), seconds(median(s.map((x) => x.wallMs))));
    if (base) {
      const ours = median(per[0]!.map((x) => x.cpuMs));
      const theirs = median(per[1]!.map((x) => x.cpuMs));
      cells.push(`${ours >= theirs ? '+' : '−'}${Math.abs((ours / theirs - 1) * 100).toFixed(0)}%`);
    }
    console.log(`| ${cells.join(' | ')} |`);
  }
}

const measure = process.env.BENCH_PARSE_MEASURE;
(measure ? measureHere(measure) : compare()).catch((error) => {
  console.error(error);
  process.exit(1);
});
