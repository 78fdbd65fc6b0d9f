/**
 * BENCH-ONLY list readers: just enough of the OFAC legacy CSV and the UN XML to feed the matcher's benchmarks.
 * Not the importers (those live in shared/lists and handle every field, version and delta); do not reuse these.
 * The UK list, read only by the accuracy benchmark's held-out classes, goes through its importer.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { indexableEntity } from '../../shared/src/lists';
import { openUkOfsiCsv } from '../../shared/src/lists/importers/uk-ofsi-csv-importer';
import type { MatchableEntity } from '../../shared/src/matching';
import { CsvReader } from '../../shared/src/text-input';

/** The shared data directory: env SHARED_DATA_DIR, else ../shared/data relative to the repository root. */
export function dataDir(): string {
  const fromEnv = process.env['SHARED_DATA_DIR'];
  if (fromEnv !== undefined && fromEnv !== '') return path.resolve(fromEnv);
  return path.resolve(__dirname, repoRootFromHere(), '..', 'shared', 'data');
}

/** bench/lib (source) or bench/dist/bench/lib (compiled): walk up to the folder that holds package.json and bench/. */
function repoRootFromHere(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'bench')))
      return path.relative(__dirname, dir) || '.';
    dir = path.dirname(dir);
  }
  throw new Error(`cannot find the repository root above ${__dirname}`);
}

/** The records of a whole CSV text, through the product's own reader (Papa Parse behind shared/src/text-input). */
function csvLines(text: string): string[][] {
  // OFAC's legacy files end with a DOS end-of-file mark (Ctrl-Z).
  if (text.endsWith('\x1a')) text = text.slice(0, -1);
  const reader = new CsvReader({ maxRecordChars: 1024 * 1024 });
  return [...reader.push(text), ...reader.end()].map((r) => r.fields);
}

const empty = (v: string | undefined): boolean => v === undefined || v.trim() === '-0-' || v.trim() === '';
const MONTHS: Record<string, string> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
};

function ofacDates(remarks: string): string[] {
  const dates: string[] = [];
  for (const m of remarks.matchAll(/DOB (?:circa )?(?:(\d{2}) )?(?:([A-Z][a-z]{2}) )?(\d{4})(?: to (\d{4}))?/g)) {
    const [, day, month, year, toYear] = m;
    if (toYear !== undefined) {
      for (let y = Number(year); y <= Number(toYear); y++) dates.push(String(y));
    } else if (month !== undefined && MONTHS[month.toLowerCase()] !== undefined) {
      dates.push(
        day !== undefined ? `${year}-${MONTHS[month.toLowerCase()]}-${day}` : `${year}-${MONTHS[month.toLowerCase()]}`,
      );
    } else dates.push(year as string);
  }
  return dates;
}

/**
 * OFAC legacy CSV (sdn.csv / cons_prim.csv: Latin-1, CRLF, no header, "-0- " for empty) plus aliases from the
 * remarks ("a.k.a. '...'", "f.k.a.", "n.k.a.") and, when given, the alt.csv alias file keyed by ent_num.
 */
export function readOfacCsv(prefix: string, primaryFile: string, altFile?: string): MatchableEntity[] {
  const entities = new Map<string, MatchableEntity>();
  for (const f of csvLines(fs.readFileSync(primaryFile, 'latin1'))) {
    const [entNum, name, sdnType] = f;
    if (entNum === undefined || empty(name) || !/^\d+$/.test(entNum)) continue;
    const remarks = empty(f[11]) ? '' : (f[11] as string);
    const type: MatchableEntity['type'] =
      sdnType === 'individual'
        ? 'person'
        : sdnType === 'vessel'
          ? 'vessel'
          : sdnType === 'aircraft'
            ? 'aircraft'
            : 'organization';
    const names: MatchableEntity['names'] = [{ value: name as string, kind: 'primary' }];
    for (const m of remarks.matchAll(/([afn])\.k\.a\. '(.*?)'(?=[;.]|$)/g))
      names.push({ value: m[2] as string, kind: 'alias' });
    const countries = [...remarks.matchAll(/(?:nationality|citizen) ([^;.(]+)/g)].map((m) => (m[1] as string).trim());
    if (!empty(f[9])) countries.push((f[9] as string).trim());
    const identifiers = [...remarks.matchAll(/(Passport|National ID No\.|IMO) ([A-Z0-9-]{5,})/g)].map((m) => ({
      type: m[1] === 'IMO' ? 'imo' : m[1] === 'Passport' ? 'passport' : 'national_id',
      value: m[2] as string,
    }));
    entities.set(entNum, {
      id: `${prefix}:${entNum}`,
      type,
      names,
      birthDates: ofacDates(remarks),
      countries,
      identifiers,
    });
  }
  if (altFile !== undefined && fs.existsSync(altFile)) {
    for (const [entNum, , altType, altName] of csvLines(fs.readFileSync(altFile, 'latin1'))) {
      const entity = entNum === undefined ? undefined : entities.get(entNum);
      if (entity === undefined || empty(altName)) continue;
      entity.names.push({ value: altName as string, kind: altType === 'weak aka' ? 'weak_alias' : 'alias' });
    }
  }
  return [...entities.values()];
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeXml = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : (XML_ENTITIES[e] ?? m),
  );
const tag = (xml: string, name: string): string | undefined => {
  const m = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml);
  return m === null ? undefined : decodeXml(m[1] as string).trim();
};
const blocks = (xml: string, name: string): string[] =>
  [...xml.matchAll(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`, 'g'))].map((m) => m[1] as string);

/** Options for the UN reader. */
export interface UnReadOptions {
  /** Leave out NAME_ORIGINAL_SCRIPT names (the original-script class queries them against the romanised index). */
  withoutOriginalScript?: boolean;
}

/** UN Security Council consolidated XML: INDIVIDUAL (FIRST..FOURTH_NAME, aliases, DOB, nationality) and ENTITY records. */
export function readUnXml(file: string, options: UnReadOptions = {}): MatchableEntity[] {
  const xml = fs.readFileSync(file, 'utf8');
  const out: MatchableEntity[] = [];
  for (const [recordTag, aliasTag, type] of [
    ['INDIVIDUAL', 'INDIVIDUAL_ALIAS', 'person'],
    ['ENTITY', 'ENTITY_ALIAS', 'organization'],
  ] as const) {
    for (const record of blocks(xml, recordTag)) {
      const reference = tag(record, 'REFERENCE_NUMBER') ?? tag(record, 'DATAID') ?? String(out.length);
      const primary = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME']
        .map((t) => tag(record, t))
        .filter((v): v is string => v !== undefined && v !== '')
        .join(' ');
      if (primary === '') continue;
      const names: MatchableEntity['names'] = [{ value: primary, kind: 'primary' }];
      for (const alias of blocks(record, aliasTag)) {
        const value = tag(alias, 'ALIAS_NAME');
        if (value !== undefined && value !== '')
          names.push({ value, kind: tag(alias, 'QUALITY') === 'Low' ? 'weak_alias' : 'alias' });
      }
      const script = tag(record, 'NAME_ORIGINAL_SCRIPT');
      if (script !== undefined && script !== '' && !options.withoutOriginalScript)
        names.push({ value: script, kind: 'original_script' });
      const birthDates: string[] = [];
      for (const dob of blocks(record, 'INDIVIDUAL_DATE_OF_BIRTH')) {
        const date = tag(dob, 'DATE');
        const year = tag(dob, 'YEAR');
        const from = tag(dob, 'FROM_YEAR');
        const to = tag(dob, 'TO_YEAR');
        if (date) birthDates.push(date.slice(0, 10));
        else if (year) birthDates.push(year);
        else if (from && to) for (let y = Number(from); y <= Number(to); y++) birthDates.push(String(y));
      }
      const countries = blocks(record, 'NATIONALITY').flatMap((n) =>
        blocks(n, 'VALUE').map((v) => decodeXml(v).trim()),
      );
      const identifiers = blocks(record, 'INDIVIDUAL_DOCUMENT')
        .map((d) => ({ type: (tag(d, 'TYPE_OF_DOCUMENT') ?? 'document').toLowerCase(), value: tag(d, 'NUMBER') ?? '' }))
        .filter((d) => d.value.length >= 5);
      out.push({ id: `un-sc:${reference}`, type, names, birthDates, countries, identifiers });
    }
  }
  return out;
}

/** OFAC SDN (2024-05-03 legacy CSV, aliases from remarks and from alt.csv) + OFAC Consolidated + UN. */
export function loadBenchLists(options: UnReadOptions = {}): {
  sdn: MatchableEntity[];
  cons: MatchableEntity[];
  un: MatchableEntity[];
} {
  const dir = dataDir();
  const withAltFile = process.env['BENCH_OFAC_ALT'] !== '0';
  const sdn = readOfacCsv(
    'ofac-sdn',
    path.join(dir, 'ofac_sdn', '2024-05-03', 'sdn.csv'),
    withAltFile ? path.join(dir, 'ofac_sdn', '2025-12-24_aux', 'alt.csv') : undefined,
  );
  const cons = readOfacCsv(
    'ofac-cons',
    path.join(dir, 'ofac_consolidated', 'cons_prim.csv'),
    withAltFile ? path.join(dir, 'ofac_consolidated', 'cons_alt.csv') : undefined,
  );
  const un = readUnXml(path.join(dir, 'un_consolidated', 'consolidated.xml'), options);
  return { sdn, cons, un };
}

/** Reads a CSV with a header row into objects (the yente benchmark files; fields may be quoted). */
export function readCsvObjects(file: string): Record<string, string>[] {
  const [header = [], ...rows] = csvLines(fs.readFileSync(file, 'utf8'));
  return rows.map((values) => Object.fromEntries(header.map((h, i) => [h, values[i] ?? ''])));
}

/**
 * The UK OFSI consolidated list (ConList.csv), read by the product's own importer (shared/src/lists/importers), as the
 * entities the matcher indexes: its own-script names ("Name Non-Latin Script") come as original_script names.
 */
export async function readUkConList(file: string): Promise<MatchableEntity[]> {
  const parsed = await openUkOfsiCsv(file);
  const out: MatchableEntity[] = [];
  for await (const e of parsed.entities) out.push(indexableEntity(`uk-ofsi:${e.sourceEntityId}`, e));
  return out;
}
