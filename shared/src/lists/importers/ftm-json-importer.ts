import type { Citation, EntityType, ListedEntity } from '../entity-model';
import { LIST_SOURCES } from '../sources';
import { countryOrText } from '../../countries';
import { parseBirthDates, parseFullDate } from './dates';
import { EntityBuilder, listCitations } from './entity-builder';
import { parseJsonLine } from './json-lines';
import { ListFileError } from './list-file-error';
import { digestAll, ListFile, ProgressCounter } from './list-file';
import type { DeltaOperationCounts, ImportStats, ImportWarning, OpenListOptions, ParsedList } from './parsed-list';

const EXPECTED = 'FollowTheMoney JSON lines (one entity, or one {"op","entity"} delta operation, per line)';
/** Enough of the file to hold its first line, however large one entity is. */
const FTM_SNIFF_BYTES = 4 * 1024 * 1024;

/** The schemata that are designated parties; the rest (Sanction, Address, Ownership, ...) only inform them. */
const SCHEMA_TYPES: Record<string, EntityType> = {
  Person: 'person',
  Organization: 'organization',
  Company: 'organization',
  LegalEntity: 'organization',
  PublicBody: 'organization',
  Vessel: 'vessel',
  Airplane: 'aircraft',
};

/** FollowTheMoney properties that hold identifiers, with our type and, where useful, a note. */
const IDENTIFIER_PROPERTIES: Record<string, { type: string; note?: string }> = {
  passportNumber: { type: 'passport' },
  idNumber: { type: 'national_id' },
  taxNumber: { type: 'tax_id' },
  innCode: { type: 'tax_id', note: 'INN' },
  vatCode: { type: 'vat_number' },
  registrationNumber: { type: 'registration_number' },
  ogrnCode: { type: 'registration_number', note: 'OGRN' },
  leiCode: { type: 'lei' },
  swiftBic: { type: 'swift_bic' },
  dunsCode: { type: 'duns' },
  imoNumber: { type: 'imo' },
  mmsi: { type: 'mmsi' },
  callSign: { type: 'call_sign' },
  serialNumber: { type: 'aircraft_serial_number' },
};

const OPERATIONS = ['ADD', 'MOD', 'DEL'] as const;
type Operation = (typeof OPERATIONS)[number];

interface FtmEntity {
  id: string;
  schema: string;
  caption?: string;
  datasets: string[];
  properties: Record<string, string[]>;
}

interface SanctionFacts {
  authority?: string;
  program?: string;
  programId?: string;
  listedOn?: string;
  sourceUrl?: string;
  recordId?: string;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];

function toFtmEntity(file: string, line: number, raw: unknown): FtmEntity {
  const object = raw as Record<string, unknown>;
  if (
    typeof object !== 'object' ||
    object === null ||
    typeof object['id'] !== 'string' ||
    typeof object['schema'] !== 'string'
  ) {
    throw new ListFileError(
      { file, line, field: 'id' },
      `is not a FollowTheMoney entity (it needs "id" and "schema"); expected ${EXPECTED}`,
    );
  }
  const properties: Record<string, string[]> = {};
  const rawProperties = object['properties'];
  if (rawProperties && typeof rawProperties === 'object') {
    for (const [key, value] of Object.entries(rawProperties as Record<string, unknown>))
      properties[key] = strings(value);
  }
  return {
    id: object['id'],
    schema: object['schema'],
    ...(typeof object['caption'] === 'string' ? { caption: object['caption'] } : {}),
    datasets: strings(object['datasets']),
    properties,
  };
}

const isUrl = (text: string | undefined): text is string => Boolean(text && /^https?:\/\/\S+$/.test(text));

/**
 * OpenSanctions FollowTheMoney JSON lines: an entity file, or a delta file of `{op, entity}` lines.
 * A first pass indexes the Sanction and Address entities; the second streams the designated parties,
 * citing the Sanction entities that point at them.
 */
export async function openFtmJson(path: string, options: OpenListOptions = {}): Promise<ParsedList> {
  const file = await ListFile.open(path, { encoding: 'utf-8', expected: EXPECTED, sniffBytes: FTM_SNIFF_BYTES });
  const size = file.size;
  const headText = file.head;
  const firstLine = headText.split('\n').find((l) => l.trim() !== '');
  if (firstLine === undefined)
    throw new ListFileError({ file: path, line: 1 }, `holds no JSON line; expected ${EXPECTED}`);
  if (!headText.includes('\n') && !file.headIsWholeFile)
    throw new ListFileError(
      { file: path, line: 1 },
      `has no line break in its first ${FTM_SNIFF_BYTES} bytes; expected ${EXPECTED}`,
    );
  const first = parseJsonLine(
    path,
    { text: firstLine.replace(/\r$/, ''), line: headText.split('\n').indexOf(firstLine) + 1 },
    EXPECTED,
  );
  const delta = 'op' in first;
  if (delta) checkOperation(path, 1, first);
  else toFtmEntity(path, 1, first);
  const files = await digestAll([file]);
  const warnings: ImportWarning[] = [];
  const stats: ImportStats = { recordsRead: 0, entities: 0 };
  const deletedSourceEntityIds: string[] = [];
  const deltaOperations: DeltaOperationCounts = { ADD: 0, MOD: 0, DEL: 0 };

  function checkOperation(
    file: string,
    line: number,
    object: Record<string, unknown>,
  ): { op: Operation; entity: unknown } {
    const op = object['op'];
    if (typeof op !== 'string' || !(OPERATIONS as readonly string[]).includes(op)) {
      throw new ListFileError({ file, line, field: 'op' }, `"op" is ${JSON.stringify(op)}; expected ADD, MOD or DEL`);
    }
    const entity = object['entity'];
    if (!entity || typeof entity !== 'object' || typeof (entity as Record<string, unknown>)['id'] !== 'string') {
      throw new ListFileError({ file, line, field: 'entity' }, `a ${op} operation needs an "entity" with an "id"`);
    }
    return { op: op as Operation, entity };
  }

  /** Each line as an entity, with its delta operation (always ADD in an entity file). */
  async function* lines(progress: ProgressCounter): AsyncGenerator<{ op: Operation; line: number; raw: unknown }> {
    for await (const textLine of file.lines(progress.add)) {
      if (textLine.text.trim() === '') continue;
      const object = parseJsonLine(path, textLine, EXPECTED);
      if ('op' in object !== delta) {
        throw new ListFileError(
          { file: path, line: textLine.line },
          delta ? 'is a plain entity inside a delta file' : 'is a delta operation inside an entity file',
        );
      }
      if (delta) {
        const { op, entity } = checkOperation(path, textLine.line, object);
        yield { op, line: textLine.line, raw: entity };
      } else {
        yield { op: 'ADD', line: textLine.line, raw: object };
      }
    }
  }

  async function* entities(): AsyncGenerator<ListedEntity> {
    warnings.length = 0;
    stats.recordsRead = 0;
    deletedSourceEntityIds.length = 0;
    Object.assign(deltaOperations, { ADD: 0, MOD: 0, DEL: 0 });
    const progress = new ProgressCounter(size * 2, options.onProgress);
    const sanctions = new Map<string, SanctionFacts[]>();
    const addresses = new Map<string, string>();
    for await (const { op, line, raw } of lines(progress)) {
      if (op === 'DEL') continue;
      const entity = toFtmEntity(path, line, raw);
      const p = entity.properties;
      if (entity.schema === 'Sanction') {
        const facts: SanctionFacts = {};
        const set = (key: keyof SanctionFacts, value: string | undefined) => {
          if (value) facts[key] = value;
        };
        set('authority', p['authority']?.[0]);
        set('program', p['program']?.[0]);
        set('programId', p['programId']?.[0]);
        set('listedOn', parseFullDate(p['listingDate']?.[0]) ?? parseFullDate(p['startDate']?.[0]));
        set('sourceUrl', p['sourceUrl']?.find(isUrl));
        set('recordId', p['recordId']?.[0] ?? p['authorityId']?.[0]);
        for (const target of p['entity'] ?? []) sanctions.set(target, [...(sanctions.get(target) ?? []), facts]);
      } else if (entity.schema === 'Address') {
        const full = p['full']?.[0];
        if (full) addresses.set(entity.id, full);
      }
    }
    for await (const { op, line, raw } of lines(progress)) {
      stats.recordsRead++;
      deltaOperations[op]++;
      if (op === 'DEL') {
        deletedSourceEntityIds.push((raw as { id: string }).id);
        continue;
      }
      const entity = toFtmEntity(path, line, raw);
      const type = SCHEMA_TYPES[entity.schema];
      if (!type) continue;
      const listed = toListedEntity(entity, type, sanctions.get(entity.id) ?? [], addresses);
      if (!listed) {
        warnings.push({
          file: path,
          line,
          field: 'name',
          message: `${entity.schema} ${entity.id} has no name: skipped`,
        });
        continue;
      }
      yield listed;
    }
  }

  return {
    sourceId: 'opensanctions',
    format: 'ftm-json',
    files,
    entities: { [Symbol.asyncIterator]: entities },
    warnings,
    stats,
    ...(delta ? { deletedSourceEntityIds, deltaOperations } : {}),
  };
}

function toListedEntity(
  entity: FtmEntity,
  type: EntityType,
  sanctions: SanctionFacts[],
  addresses: Map<string, string>,
): ListedEntity | undefined {
  const p = entity.properties;
  const builder = new EntityBuilder(entity.id, type);
  const names = p['name'] ?? [];
  const caption = entity.caption && names.includes(entity.caption) ? entity.caption : names[0];
  builder.addName(caption, 'primary');
  for (const name of names) builder.addName(name, 'alias');
  for (const name of [...(p['alias'] ?? []), ...(p['previousName'] ?? [])]) builder.addName(name, 'alias');
  for (const name of p['weakAlias'] ?? []) builder.addName(name, 'weak_alias');
  if (!builder.hasName()) return undefined;
  for (const date of p['birthDate'] ?? []) builder.addBirthDates(parseBirthDates(date));
  for (const code of [...(p['nationality'] ?? []), ...(p['citizenship'] ?? [])])
    builder.addNationality(countryOrText(code));
  for (const code of [
    ...(p['country'] ?? []),
    ...(p['jurisdiction'] ?? []),
    ...(p['birthCountry'] ?? []),
    ...(p['flag'] ?? []),
  ]) {
    const country = countryOrText(code);
    if (country && /^[A-Z]{2}$/.test(country)) builder.addCountry(country);
  }
  for (const [property, { type: idType, note }] of Object.entries(IDENTIFIER_PROPERTIES)) {
    for (const value of p[property] ?? []) builder.addIdentifier({ type: idType, value, ...(note ? { note } : {}) });
  }
  for (const full of p['address'] ?? []) builder.addAddress({ full });
  for (const ref of p['addressEntity'] ?? []) {
    const full = addresses.get(ref);
    if (full) builder.addAddress({ full });
  }
  for (const program of p['programId'] ?? []) builder.addProgram(program);
  for (const sanction of sanctions) builder.addProgram(sanction.programId ?? sanction.program);
  const notes = p['notes'] ?? [];
  if (notes.length) builder.remarks = notes.join('\n');
  const name = builder.displayName;
  builder.citations = [
    ...listCitations({
      sourceId: 'opensanctions',
      sourceRowId: entity.id,
      rowLabel: 'entity',
      name,
      programs: builder.programList,
      entryUrl: `https://www.opensanctions.org/entities/${encodeURIComponent(entity.id)}/`,
      ...(entity.datasets.length ? { note: `OpenSanctions datasets: ${entity.datasets.join(', ')}` } : {}),
    }),
    ...sanctions.map((s) => sanctionCitation(entity.id, s)),
  ];
  return builder.build();
}

function sanctionCitation(entityId: string, sanction: SanctionFacts): Citation {
  const program = sanction.program ?? sanction.programId;
  return {
    title: [sanction.authority, program].filter(Boolean).join(': ') || `Sanction on ${entityId}`,
    ...(sanction.sourceUrl ? { url: sanction.sourceUrl } : {}),
    ...(sanction.authority ? { authority: sanction.authority } : {}),
    ...(program ? { program } : {}),
    ...(sanction.listedOn ? { listedOn: sanction.listedOn } : {}),
    sourceRowId: sanction.recordId ?? entityId,
    note: `Cited by ${LIST_SOURCES.opensanctions.name}`,
  };
}
