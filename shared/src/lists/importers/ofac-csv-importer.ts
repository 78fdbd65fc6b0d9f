import type { EntityType, ListedEntity } from '../entity-model';
import { countryCode, countryOrText } from '../../countries';
import { EntityBuilder, listCitations } from './entity-builder';
import { ListFileError } from './list-file-error';
import { digestAll, ListFile, ProgressCounter, type CsvRecord } from './list-file';
import { findInDirectory, isDirectory } from './list-folders';
import { parseOfacRemarks } from './ofac-remarks';
import type { ImportStats, ImportWarning, OpenListOptions, ParsedList } from './parsed-list';

type Variant = 'ofac-sdn-csv' | 'ofac-cons-csv';
type Part = 'main' | 'alt' | 'add' | 'comments';

/** OFAC's legacy CSV layout: no header row, so the column count is the only structural check there is. */
const COLUMNS: Record<Part, readonly string[]> = {
  main: [
    'ent_num',
    'SDN_Name',
    'SDN_Type',
    'Program',
    'Title',
    'Call_Sign',
    'Vess_type',
    'Tonnage',
    'GRT',
    'Vess_flag',
    'Vess_owner',
    'Remarks',
  ],
  alt: ['ent_num', 'alt_num', 'alt_type', 'alt_name', 'alt_remarks'],
  add: ['ent_num', 'add_num', 'address', 'city_state_postal', 'country', 'add_remarks'],
  comments: ['ent_num', 'remarks_extended'],
};

const FILE_NAMES: Record<Variant, Record<Part, string>> = {
  'ofac-sdn-csv': { main: 'sdn.csv', alt: 'alt.csv', add: 'add.csv', comments: 'sdn_comments.csv' },
  'ofac-cons-csv': { main: 'cons_prim.csv', alt: 'cons_alt.csv', add: 'cons_add.csv', comments: 'cons_comments.csv' },
};

const TYPES: Record<string, EntityType> = {
  '': 'organization',
  entity: 'organization',
  individual: 'person',
  vessel: 'vessel',
  aircraft: 'aircraft',
};

export const OFAC_ENTRY_URL = 'https://sanctionssearch.ofac.treas.gov/Details.aspx?id=';

/** OFAC writes an empty field as `-0-` (usually with a trailing space). */
const value = (field: string | undefined) => {
  const text = (field ?? '').trim();
  return text === '-0-' ? '' : text;
};

/** A field untrimmed, for text that continues in another file. */
const raw = (field: string | undefined) => ((field ?? '').trim() === '-0-' ? '' : (field ?? ''));

type OfacFiles = Partial<Record<Part, string>> & { main: string };

async function resolveFiles(variant: Variant, path: string): Promise<OfacFiles> {
  if (!(await isDirectory(path))) return { main: path };
  const names = FILE_NAMES[variant];
  const found = await findInDirectory(path, Object.values(names));
  const main = found.get(names.main);
  if (!main)
    throw new ListFileError(
      { file: path },
      `holds no ${names.main}; expected an OFAC ${variant === 'ofac-sdn-csv' ? 'SDN' : 'Consolidated'} CSV directory`,
    );
  const files: OfacFiles = { main };
  for (const part of ['alt', 'add', 'comments'] as const) {
    const file = found.get(names[part]);
    if (file) files[part] = file;
  }
  return files;
}

function checkRecord(file: string, part: Part, record: CsvRecord): void {
  const columns = COLUMNS[part];
  if (record.fields.length !== columns.length) {
    throw new ListFileError(
      { file, line: record.line },
      `has ${record.fields.length} column${record.fields.length === 1 ? '' : 's'}; an OFAC ${part === 'main' ? 'primary' : part} file has ${columns.length} (${columns.join(', ')})`,
    );
  }
  const entNum = record.fields[0]!.trim();
  if (!/^\d+$/.test(entNum)) {
    throw new ListFileError(
      { file, line: record.line, field: 'ent_num' },
      `ent_num is "${entNum.slice(0, 40)}"; expected a number (not an OFAC legacy CSV file?)`,
    );
  }
}

/** Opens each file and recognises it from its first record before anything is hashed or streamed. */
async function sniff(path: string, part: Part): Promise<ListFile> {
  const file = await ListFile.open(path, {
    encoding: 'latin1',
    expected: 'an OFAC legacy CSV file',
    dropTrailingEof: true,
    blankAllowed: part !== 'main',
  });
  if (file.blank) return file;
  const [first] = await file.headCsvRecords(1);
  if (!first) throw new ListFileError({ file: path, line: 1 }, 'holds no record; expected an OFAC legacy CSV file');
  checkRecord(path, part, first);
  return file;
}

/** The file's records, checked, as the records each read completed: one await a chunk rather than one a record. */
async function* recordChunks(file: ListFile, part: Part, progress: ProgressCounter): AsyncGenerator<CsvRecord[]> {
  for await (const chunk of file.csvRecordChunks(progress.add)) {
    const records: CsvRecord[] = [];
    for (const record of chunk) {
      if (record.fields.length === 1 && record.fields[0]!.trim() === '') continue;
      checkRecord(file.path, part, record);
      records.push(record);
    }
    yield records;
  }
}

interface Pending<T> {
  items: T[];
  lines: number[];
}

function pushPending<T>(map: Map<string, Pending<T>>, entNum: string, item: T, line: number) {
  const pending = map.get(entNum) ?? { items: [], lines: [] };
  pending.items.push(item);
  pending.lines.push(line);
  map.set(entNum, pending);
}

interface AltRow {
  name: string;
  weak: boolean;
}

interface AddRow {
  full: string;
  city?: string;
  country?: string;
}

const COMPANION_ROLE: Record<Exclude<Part, 'main'>, string> = {
  alt: 'aliases (a.k.a. names), which screening matches on',
  add: 'addresses and their countries',
  comments: 'the end of remarks longer than the primary file holds (birth dates, identifiers)',
};

/**
 * OFAC splits a list over four files; given the primary file alone (or a folder without the others)
 * the import still works, but every alias is missing and screening misses names it should hit.
 * Say so, naming the file to add, rather than import less than the list without a word.
 */
function missingCompanions(variant: Variant, files: OfacFiles): ImportWarning[] {
  return (['alt', 'add', 'comments'] as const)
    .filter((part) => !files[part])
    .map((part) => ({
      file: FILE_NAMES[variant][part],
      message: `${FILE_NAMES[variant][part]} was not given, so this version has no ${COMPANION_ROLE[part]}; put it in the same folder as ${FILE_NAMES[variant].main} and pass the folder`,
    }));
}

/**
 * OFAC's legacy CSV files: sdn.csv (or cons_prim.csv) streamed row by row, joined by ent_num with the
 * smaller alt/add/comments files, which are indexed first. Rows of those files whose ent_num is not
 * in the primary file become warnings.
 */
export async function openOfacCsv(variant: Variant, path: string, options: OpenListOptions = {}): Promise<ParsedList> {
  const files = await resolveFiles(variant, path);
  const parts = (['main', 'alt', 'add', 'comments'] as const).filter((p) => files[p]);
  const opened: Partial<Record<Part, ListFile>> = {};
  for (const part of parts) opened[part] = await sniff(files[part]!, part);
  const digests = await digestAll(parts.map((p) => opened[p]!));
  const total = digests.reduce((sum, d) => sum + d.bytes, 0);
  const sourceId = variant === 'ofac-sdn-csv' ? 'ofac-sdn' : 'ofac-cons';
  const warnings: ImportWarning[] = [];
  const stats: ImportStats = { recordsRead: 0, entities: 0 };

  async function* entities(): AsyncGenerator<ListedEntity> {
    warnings.length = 0;
    stats.recordsRead = 0;
    warnings.push(...missingCompanions(variant, files));
    const progress = new ProgressCounter(total, options.onProgress);
    const comments = new Map<string, Pending<string>>();
    const alts = new Map<string, Pending<AltRow>>();
    const adds = new Map<string, Pending<AddRow>>();
    if (opened.comments) {
      for await (const chunk of recordChunks(opened.comments, 'comments', progress))
        for (const r of chunk) pushPending(comments, r.fields[0]!.trim(), raw(r.fields[1]), r.line);
    }
    if (opened.alt) {
      for await (const chunk of recordChunks(opened.alt, 'alt', progress))
        for (const r of chunk) {
          const name = value(r.fields[3]);
          if (!name) continue;
          const weak = /weak/i.test(r.fields[2]!) || /weak/i.test(value(r.fields[4]));
          pushPending(alts, r.fields[0]!.trim(), { name, weak }, r.line);
        }
    }
    if (opened.add) {
      for await (const chunk of recordChunks(opened.add, 'add', progress))
        for (const r of chunk) {
          const [address, city, country] = [value(r.fields[2]), value(r.fields[3]), value(r.fields[4])];
          const full = [address, city, country].filter(Boolean).join(', ');
          if (!full) continue;
          const code = countryOrText(country);
          pushPending(
            adds,
            r.fields[0]!.trim(),
            { full, ...(city ? { city } : {}), ...(code ? { country: code } : {}) },
            r.line,
          );
        }
    }

    const seen = new Map<string, number>();
    for await (const chunk of recordChunks(opened.main!, 'main', progress))
      for (const row of chunk) {
        stats.recordsRead++;
        const f = row.fields;
        const entNum = f[0]!.trim();
        const earlier = seen.get(entNum);
        if (earlier !== undefined)
          throw new ListFileError(
            { file: files.main, line: row.line, field: 'ent_num' },
            `ent_num ${entNum} is listed twice (lines ${earlier} and ${row.line})`,
          );
        seen.set(entNum, row.line);
        const sdnType = value(f[2]).toLowerCase();
        const type = TYPES[sdnType];
        if (!type)
          throw new ListFileError(
            { file: files.main, line: row.line, field: 'SDN_Type' },
            `SDN_Type is "${sdnType}"; expected individual, vessel, aircraft or -0-`,
          );
        const name = value(f[1]);
        if (!name)
          throw new ListFileError(
            { file: files.main, line: row.line, field: 'SDN_Name' },
            `ent_num ${entNum} has no name`,
          );

        // Overflow continues the Remarks mid-word: join the raw texts, trim only the whole.
        const remarks = (raw(f[11]) + (comments.get(entNum)?.items.join('') ?? '')).trim();
        comments.delete(entNum);
        const facts = parseOfacRemarks(remarks);
        const entity = new EntityBuilder(entNum, type).addName(name, 'primary');
        for (const alt of alts.get(entNum)?.items ?? []) entity.addName(alt.name, alt.weak ? 'weak_alias' : 'alias');
        alts.delete(entNum);
        for (const weak of facts.weakAliases) entity.addName(weak, 'weak_alias');
        for (const program of value(f[3]).split(/\]\s*\[/)) entity.addProgram(program.replace(/[[\]]/g, ''));
        entity.addBirthDates(facts.birthDates);
        for (const n of facts.nationalities) entity.addNationality(n);
        for (const c of facts.countries) entity.addCountry(c);
        for (const id of facts.identifiers) entity.addIdentifier(id);
        const callSign = value(f[5]);
        if (callSign) entity.addIdentifier({ type: 'call_sign', value: callSign });
        const flag = countryCode(value(f[9]));
        if (flag) entity.addCountry(flag);
        for (const address of adds.get(entNum)?.items ?? []) entity.addAddress(address);
        adds.delete(entNum);
        if (remarks) entity.remarks = remarks;
        for (const phrase of facts.unreadable) {
          warnings.push({
            file: files.main,
            line: row.line,
            field: 'Remarks',
            message: `ent_num ${entNum}: cannot read "${phrase}"`,
          });
        }
        const listedOn = variant === 'ofac-cons-csv' ? facts.listedOn : undefined;
        entity.citations = listCitations({
          sourceId,
          sourceRowId: entNum,
          rowLabel: 'ent_num',
          name,
          programs: entity.programList,
          ...(listedOn ? { listedOn } : {}),
          entryUrl: `${OFAC_ENTRY_URL}${entNum}`,
        });
        yield entity.build();
      }

    const orphans = (file: string | undefined, kind: string, map: Map<string, Pending<unknown>>) => {
      for (const [entNum, pending] of map) {
        for (const line of pending.lines) {
          warnings.push({
            file: file!,
            line,
            field: 'ent_num',
            message: `${kind} row for ent_num ${entNum}, which is not in ${FILE_NAMES[variant].main}: skipped`,
          });
        }
      }
    };
    orphans(files.alt, 'alias', alts);
    orphans(files.add, 'address', adds);
    orphans(files.comments, 'remarks', comments);
  }

  return { sourceId, format: variant, files: digests, entities: { [Symbol.asyncIterator]: entities }, warnings, stats };
}
