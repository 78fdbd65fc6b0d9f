import type { ListedEntity } from '../entity-model';
import { parseBirthDates, parseFullDate } from './dates';
import { EntityBuilder, listCitations } from './entity-builder';
import { ListFileError } from './list-file-error';
import type { ImportWarning, OpenListOptions, ParsedList } from './parsed-list';
import { openXmlList } from './xml-list';
import { childText, type XmlElement, type XmlShape } from './xml-records';

const SHAPE: XmlShape = {
  roots: ['data-set'],
  records: new Set(['record']),
  expected: 'the Canadian Consolidated Autonomous Sanctions List XML (sema-lmes.xml)',
};

/** "Russia / Russie" → "Russia": the list is bilingual, English first. */
const english = (text: string) => text.split(' / ')[0]!.trim();

/** Stable id from the regulation, schedule and item, e.g. "russia:1-part-1:539" or "jvcfor:9". */
function recordId(regime: string, schedule: string, item: string): string {
  const abbreviation = /\(([A-Z]{3,})\)/.exec(regime)?.[1];
  const slug = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  return [slug(abbreviation ?? regime), slug(schedule), slug(item)].filter(Boolean).join(':');
}

function splitAliases(text: string, person: boolean): string[] {
  const separators = person ? /\s*[,;]\s+|\s*\/\s*/ : /\s*;\s*|\s*\/\s+|\s+\/\s*/;
  return text
    .split(separators)
    .map((a) => a.trim())
    .filter((a) => a.length > 1);
}

function toEntity(file: string, record: XmlElement, warnings: ImportWarning[]): ListedEntity {
  const regime = english(childText(record, 'Country'));
  const schedule = childText(record, 'Schedule');
  const item = childText(record, 'Item');
  if (!regime || !item)
    throw new ListFileError(
      { file, line: record.line, element: 'record' },
      'has no Country or Item, which identify a record',
    );
  const id = recordId(regime, schedule, item);
  const given = childText(record, 'GivenName');
  const last = childText(record, 'LastName');
  const entityOrShip = childText(record, 'EntityOrShip');
  const person = Boolean(given || last) && !entityOrShip;
  const imo = childText(record, 'ShipIMONumber');
  const vessel = !person && Boolean(imo || childText(record, 'TitleOrShip'));
  const name = person ? [given, last].filter(Boolean).join(' ') : entityOrShip;
  if (!name) throw new ListFileError({ file, line: record.line, element: 'record' }, `${id} has no name`);
  const entity = new EntityBuilder(id, person ? 'person' : vessel ? 'vessel' : 'organization').addName(name, 'primary');
  for (const alias of splitAliases(childText(record, 'Aliases'), person)) entity.addName(alias, 'alias');
  entity.addProgram(regime);
  if (imo) entity.addIdentifier({ type: 'imo', value: imo.replace(/^IMO\s*/i, '') });
  const date = childText(record, 'DateOfBirthOrShipBuildDate');
  if (date && person) {
    const dates = parseBirthDates(date);
    if (dates.length) entity.addBirthDates(dates);
    else
      warnings.push({
        file,
        line: record.line,
        element: 'DateOfBirthOrShipBuildDate',
        message: `${id}: cannot read date of birth "${date}"`,
      });
  }
  const listedOn = parseFullDate(childText(record, 'DateOfListing'));
  entity.citations = listCitations({
    sourceId: 'ca-sema',
    sourceRowId: id,
    rowLabel: 'record',
    name,
    programs: entity.programList,
    ...(listedOn ? { listedOn } : {}),
    note: [`Regulations: ${regime}`, schedule && `Schedule ${schedule}`, `item ${item}`].filter(Boolean).join(', '),
  });
  return entity.build();
}

/** Canada's Consolidated Autonomous Sanctions List (`<data-set><record>`), one record per listed person, entity or ship. */
export function openCaSemaXml(path: string, options: OpenListOptions = {}): Promise<ParsedList> {
  return openXmlList(path, options, {
    format: 'ca-sema-xml',
    shape: SHAPE,
    sourceId: () => 'ca-sema',
    toEntity: (record, warnings) => toEntity(path, record, warnings),
  });
}
