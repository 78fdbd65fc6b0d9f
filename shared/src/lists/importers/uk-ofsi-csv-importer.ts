import type { EntityType, ListedEntity, NameKind } from '../entity-model';
import { countryCode, countryOrText } from '../../countries';
import { parseBirthDates, parsePartialDate, parseFullDate } from './dates';
import { EntityBuilder, listCitations } from './entity-builder';
import { ListFileError } from './list-file-error';
import { digestAll, ListFile, ProgressCounter, type CsvRecord } from './list-file';
import type { ImportStats, ImportWarning, OpenListOptions, ParsedList } from './parsed-list';

const EXPECTED = 'the UK OFSI consolidated list CSV (ConList.csv: a "Last Updated" row, then the header)';
const NAME_COLUMNS = ['Name 1', 'Name 2', 'Name 3', 'Name 4', 'Name 5', 'Name 6'] as const;
const REQUIRED = [...NAME_COLUMNS, 'Group ID', 'Group Type', 'Alias Type', 'Regime', 'Listed On'] as const;
const OPTIONAL = [
  'Alias Quality',
  'Name Non-Latin Script',
  'Non-Latin Script Type',
  'DOB',
  'Country of Birth',
  'Nationality',
  'Passport Number',
  'Passport Details',
  'National Identification Number',
  'National Identification Details',
  'Address 1',
  'Address 2',
  'Address 3',
  'Address 4',
  'Address 5',
  'Address 6',
  'Post/Zip Code',
  'Country',
  'Other Information',
] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];

const TYPES: Record<string, EntityType> = { individual: 'person', entity: 'organization', ship: 'vessel' };

const NON_LATIN_SCRIPTS: Record<string, string> = {
  cyrillic: 'Cyrl',
  cryillic: 'Cyrl',
  cyrilic: 'Cyrl',
  russian: 'Cyrl',
  arabic: 'Arab',
  persian: 'Arab',
  chinese: 'Hani',
  georgian: 'Geor',
  hebrew: 'Hebr',
  hangul: 'Hang',
  korean: 'Hang',
  thai: 'Thai',
  greek: 'Grek',
  burmese: 'Mymr',
};

/** OFSI numbers several values in one cell: "(1) Germany. (2) Morocco". */
function numbered(text: string): string[] {
  if (!/^\(\d+\)/.test(text.trim())) return text.trim() ? [text.trim()] : [];
  return text
    .split(/\(\d+\)\s*/)
    .map((t) =>
      t
        .trim()
        .replace(/[.,;]$/, '')
        .trim(),
    )
    .filter(Boolean);
}

/** OFSI dates are DD/MM/YYYY, with 00 for an unknown day or month. */
const ukDate = (text: string) => parsePartialDate(text);

type Header = Map<Column, number>;

function readHeader(file: string, record: CsvRecord): Header {
  const header: Header = new Map();
  record.fields.forEach((name, index) => {
    const column = name.trim() as Column;
    if ((REQUIRED as readonly string[]).includes(column) || (OPTIONAL as readonly string[]).includes(column))
      header.set(column, index);
  });
  const missing = REQUIRED.filter((c) => !header.has(c));
  if (missing.length)
    throw new ListFileError(
      { file, line: record.line },
      `the header lacks ${missing.map((m) => `"${m}"`).join(', ')}; expected ${EXPECTED}`,
    );
  return header;
}

function checkLastUpdated(file: string, record: CsvRecord | undefined): string | undefined {
  if (!record || record.fields[0]?.trim() !== 'Last Updated') {
    throw new ListFileError(
      { file, line: record?.line ?? 1 },
      `the first row is not "Last Updated,<date>"; expected ${EXPECTED}`,
    );
  }
  return parseFullDate(record.fields[1] ?? '');
}

interface Group {
  entity: EntityBuilder;
  program?: string;
  listedOn?: string;
  reference?: string;
  primary?: string;
  firstLine: number;
}

/**
 * The UK OFSI consolidated list (ConList.csv): one row per name of a designated person, entity or
 * ship, grouped into one entity by Group ID. A group's rows need not be adjacent, so a first pass
 * counts each group's rows and the second emits a group as soon as its last row is read.
 */
export async function openUkOfsiCsv(path: string, options: OpenListOptions = {}): Promise<ParsedList> {
  const file = await ListFile.open(path, { encoding: 'utf-8', expected: EXPECTED });
  const size = file.size;
  const [first, second] = await file.headCsvRecords(2);
  const publishedAt = checkLastUpdated(path, first);
  if (!second) throw new ListFileError({ file: path, line: 2 }, `has no header row; expected ${EXPECTED}`);
  readHeader(path, second);
  const files = await digestAll([file]);
  const warnings: ImportWarning[] = [];
  const stats: ImportStats = { recordsRead: 0, entities: 0 };

  type Row = { record: CsvRecord; get: (c: Column) => string };

  /** The data rows, checked, as the rows each read completed: one await a chunk rather than one a row. */
  async function* rowChunks(progress: ProgressCounter): AsyncGenerator<Row[]> {
    let header: Header | undefined;
    let width = 0;
    let index = 0;
    for await (const chunk of file.csvRecordChunks(progress.add)) {
      const rows: Row[] = [];
      for (const record of chunk) {
        index++;
        if (index === 1) {
          checkLastUpdated(path, record);
          continue;
        }
        if (index === 2) {
          header = readHeader(path, record);
          width = record.fields.length;
          continue;
        }
        if (record.fields.length !== width) {
          throw new ListFileError(
            { file: path, line: record.line },
            `has ${record.fields.length} columns; the header has ${width}`,
          );
        }
        const h = header!;
        rows.push({ record, get: (c: Column) => (h.has(c) ? (record.fields[h.get(c)!] ?? '').trim() : '') });
      }
      yield rows;
    }
  }

  async function* entities(): AsyncGenerator<ListedEntity> {
    warnings.length = 0;
    stats.recordsRead = 0;
    const progress = new ProgressCounter(size * 2, options.onProgress);
    const remaining = new Map<string, number>();
    for await (const rows of rowChunks(progress))
      for (const { record, get } of rows) {
        const id = get('Group ID');
        if (!id) throw new ListFileError({ file: path, line: record.line, field: 'Group ID' }, 'has no Group ID');
        remaining.set(id, (remaining.get(id) ?? 0) + 1);
      }
    const groups = new Map<string, Group>();
    for await (const rows of rowChunks(progress))
      for (const { record, get } of rows) {
        stats.recordsRead++;
        const id = get('Group ID');
        const groupType = get('Group Type').toLowerCase();
        const type = TYPES[groupType];
        if (!type)
          throw new ListFileError(
            { file: path, line: record.line, field: 'Group Type' },
            `Group Type is "${get('Group Type')}"; expected Individual, Entity or Ship`,
          );
        let group = groups.get(id);
        if (!group) {
          group = { entity: new EntityBuilder(id, type), firstLine: record.line };
          groups.set(id, group);
        }
        addRow(group, get, record.line);
        const left = remaining.get(id)! - 1;
        if (left > 0) {
          remaining.set(id, left);
          continue;
        }
        remaining.delete(id);
        groups.delete(id);
        yield finish(group);
      }
  }

  function addRow(group: Group, get: (c: Column) => string, line: number) {
    const { entity } = group;
    const name = NAME_COLUMNS.map((c) => get(c))
      .filter(Boolean)
      .join(' ');
    const aliasType = get('Alias Type').toLowerCase();
    let kind: NameKind = 'alias';
    if (aliasType === 'primary name' && (!group.primary || group.primary === name)) {
      kind = 'primary';
      group.primary = name;
    } else if (get('Alias Quality').toLowerCase().startsWith('low')) kind = 'weak_alias';
    entity.addName(name, kind);
    const nonLatin = get('Name Non-Latin Script');
    if (nonLatin)
      entity.addName(nonLatin, 'original_script', NON_LATIN_SCRIPTS[get('Non-Latin Script Type').toLowerCase()]);
    for (const dob of numbered(get('DOB'))) {
      const dates = parseBirthDates(dob);
      if (dates.length) entity.addBirthDates(dates);
      else
        warnings.push({
          file: path,
          line,
          field: 'DOB',
          message: `Group ID ${entity.sourceEntityId}: cannot read date of birth "${dob}"`,
        });
    }
    for (const place of numbered(get('Country of Birth'))) entity.addCountry(countryCode(place));
    for (const nationality of numbered(get('Nationality'))) entity.addNationality(countryOrText(nationality));
    const passports = numbered(get('Passport Number'));
    const passportDetails = numbered(get('Passport Details'));
    passports.forEach((value, i) =>
      entity.addIdentifier(
        identifier('passport', value, passportDetails[passports.length > 1 ? i : 0] ?? passportDetails.join('; ')),
      ),
    );
    const ids = numbered(get('National Identification Number'));
    const idDetails = numbered(get('National Identification Details'));
    ids.forEach((value, i) =>
      entity.addIdentifier(identifier('national_id', value, idDetails[ids.length > 1 ? i : 0] ?? idDetails.join('; '))),
    );
    const country = get('Country');
    const addressParts = [
      'Address 1',
      'Address 2',
      'Address 3',
      'Address 4',
      'Address 5',
      'Address 6',
      'Post/Zip Code',
      'Country',
    ]
      .map((c) => get(c as Column))
      .filter(Boolean);
    if (addressParts.length) {
      const code = countryOrText(country.replace(/\s*\([^)]*\)\s*$/, ''));
      entity.addAddress({ full: addressParts.join(', '), ...(code ? { country: code } : {}) });
    }
    const info = get('Other Information');
    if (info && !entity.remarks) entity.remarks = info;
    if (entity.type === 'vessel') {
      for (const m of info.matchAll(/IMO(?:\s+(?:number|no\.?))?[:\s]+(\d{7})\b/gi))
        entity.addIdentifier({ type: 'imo', value: m[1]! });
    }
    group.reference ??= /\(UK Sanctions List Ref\):\s*([A-Z]{2,4}\d{3,5})/.exec(info)?.[1];
    entity.addProgram(get('Regime'));
    const listedOn = ukDate(get('Listed On'));
    if (listedOn && listedOn.length === 10 && (!group.listedOn || listedOn < group.listedOn)) group.listedOn = listedOn;
  }

  function identifier(type: string, value: string, details: string) {
    const detail = details.trim().replace(/\.$/, '');
    const country = countryCode(detail.split(/[.(]| number\b/)[0]);
    return { type, value, ...(country ? { country } : {}), ...(detail ? { note: detail } : {}) };
  }

  function finish(group: Group): ListedEntity {
    const { entity } = group;
    entity.citations = listCitations({
      sourceId: 'uk-ofsi',
      sourceRowId: entity.sourceEntityId,
      rowLabel: 'Group ID',
      name: group.primary ?? entity.displayName,
      programs: entity.programList,
      ...(group.listedOn ? { listedOn: group.listedOn } : {}),
      ...(group.reference ? { note: `UK Sanctions List reference ${group.reference}` } : {}),
    });
    return entity.build();
  }

  return {
    sourceId: 'uk-ofsi',
    format: 'uk-ofsi-csv',
    files,
    ...(publishedAt ? { publishedAt } : {}),
    entities: { [Symbol.asyncIterator]: entities },
    warnings,
    stats,
  };
}
