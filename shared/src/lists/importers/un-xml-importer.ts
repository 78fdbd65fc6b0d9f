import type { ListedEntity, NameKind } from '../entity-model';
import { countryCode, countryOrText } from '../../countries';
import { parseBirthDates, parseFullDate, yearRange } from './dates';
import { EntityBuilder, listCitations } from './entity-builder';
import { ListFileError } from './list-file-error';
import type { ImportWarning, OpenListOptions, ParsedList } from './parsed-list';
import { openXmlList } from './xml-list';
import { childNamed, childrenNamed, childText, clean, type XmlElement, type XmlShape } from './xml-records';

const SHAPE: XmlShape = {
  roots: ['CONSOLIDATED_LIST'],
  records: new Set(['INDIVIDUAL', 'ENTITY']),
  expected: 'the UN Security Council consolidated list XML',
};

/** UN alias QUALITY: "Low" is the UN's weak alias; "Good", "a.k.a.", "f.k.a." and blank are ordinary aliases. */
const aliasKind = (quality: string): NameKind => (quality.trim().toLowerCase() === 'low' ? 'weak_alias' : 'alias');

const DOCUMENT_TYPES: readonly [RegExp, string][] = [
  [/pass(port|eport)|pasaporte/i, 'passport'],
  [/national identi|identity card|\bid\b|c[ée]dula/i, 'national_id'],
];

function documentType(text: string): string {
  for (const [pattern, type] of DOCUMENT_TYPES) if (pattern.test(text)) return type;
  return 'other';
}

function birthDates(item: XmlElement): string[] {
  const kind = childText(item, 'TYPE_OF_DATE').toUpperCase();
  const from = Number(childText(item, 'FROM_YEAR'));
  const to = Number(childText(item, 'TO_YEAR'));
  if (kind === 'BETWEEN' && from && to) return yearRange(from, to);
  const date = childText(item, 'DATE');
  if (date) return parseBirthDates(date);
  const year = childText(item, 'YEAR');
  if (year) return parseBirthDates(year);
  // Some dates are only written in the note ("Nov. 1973").
  return parseBirthDates(childText(item, 'NOTE'));
}

function addAddress(entity: EntityBuilder, address: XmlElement) {
  const city = childText(address, 'CITY');
  const country = childText(address, 'COUNTRY');
  const full = [
    childText(address, 'STREET'),
    city,
    childText(address, 'STATE_PROVINCE'),
    childText(address, 'ZIP_CODE'),
    country,
  ]
    .filter(Boolean)
    .join(', ');
  const code = countryOrText(country);
  entity.addAddress({ full, ...(city ? { city } : {}), ...(code ? { country: code } : {}) });
}

function toEntity(file: string, record: XmlElement, warnings: ImportWarning[]): ListedEntity {
  const person = record.name === 'INDIVIDUAL';
  const reference = childText(record, 'REFERENCE_NUMBER');
  if (!reference)
    throw new ListFileError(
      { file, line: record.line, element: record.name, field: 'REFERENCE_NUMBER' },
      'has no REFERENCE_NUMBER',
    );
  const name = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME']
    .map((n) => childText(record, n))
    .filter(Boolean)
    .join(' ');
  if (!name) throw new ListFileError({ file, line: record.line, element: record.name }, `${reference} has no name`);
  const entity = new EntityBuilder(reference, person ? 'person' : 'organization').addName(name, 'primary');
  const original = childText(record, 'NAME_ORIGINAL_SCRIPT');
  if (original) entity.addName(original, 'original_script');
  for (const alias of childrenNamed(record, person ? 'INDIVIDUAL_ALIAS' : 'ENTITY_ALIAS')) {
    entity.addName(childText(alias, 'ALIAS_NAME'), aliasKind(childText(alias, 'QUALITY')));
  }
  const program = childText(record, 'UN_LIST_TYPE');
  entity.addProgram(program);
  for (const value of childrenNamed(childNamed(record, 'NATIONALITY'), 'VALUE'))
    entity.addNationality(countryOrText(clean(value.text)));
  for (const item of childrenNamed(record, 'INDIVIDUAL_DATE_OF_BIRTH')) {
    const dates = birthDates(item);
    if (dates.length) entity.addBirthDates(dates);
    else if (childText(item, 'TYPE_OF_DATE') || childText(item, 'NOTE')) {
      warnings.push({
        file,
        line: item.line,
        element: 'INDIVIDUAL_DATE_OF_BIRTH',
        message: `${reference}: no date of birth to read (${childText(item, 'NOTE') || childText(item, 'TYPE_OF_DATE')})`,
      });
    }
  }
  for (const place of childrenNamed(record, 'INDIVIDUAL_PLACE_OF_BIRTH'))
    entity.addCountry(countryCode(childText(place, 'COUNTRY')));
  for (const address of childrenNamed(record, person ? 'INDIVIDUAL_ADDRESS' : 'ENTITY_ADDRESS'))
    addAddress(entity, address);
  for (const doc of childrenNamed(record, 'INDIVIDUAL_DOCUMENT')) {
    const number = childText(doc, 'NUMBER');
    if (!number) continue;
    const issuer = childText(doc, 'ISSUING_COUNTRY') || childText(doc, 'COUNTRY_OF_ISSUE');
    const country = countryCode(issuer);
    const notes = [
      childText(doc, 'TYPE_OF_DOCUMENT2'),
      issuer && !country ? issuer : '',
      childText(doc, 'CITY_OF_ISSUE') && `issued in ${childText(doc, 'CITY_OF_ISSUE')}`,
      childText(doc, 'DATE_OF_ISSUE') && `issued ${childText(doc, 'DATE_OF_ISSUE')}`,
      childText(doc, 'NOTE'),
    ].filter(Boolean);
    entity.addIdentifier({
      type: documentType(childText(doc, 'TYPE_OF_DOCUMENT')),
      value: number,
      ...(country ? { country } : {}),
      ...(notes.length ? { note: notes.join('; ') } : {}),
    });
  }
  const remarks = childText(record, 'COMMENTS1');
  if (remarks) entity.remarks = remarks;
  const listedOn = parseFullDate(childText(record, 'LISTED_ON'));
  entity.citations = listCitations({
    sourceId: 'un-sc',
    sourceRowId: reference,
    rowLabel: 'reference number',
    name,
    programs: entity.programList,
    ...(listedOn ? { listedOn } : {}),
  });
  return entity.build();
}

/** The UN Security Council consolidated list (`<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>…<ENTITIES><ENTITY>`). */
export function openUnXml(path: string, options: OpenListOptions = {}): Promise<ParsedList> {
  return openXmlList(path, options, {
    format: 'un-xml',
    shape: SHAPE,
    sourceId: () => 'un-sc',
    publishedAt: ({ root }) => parseFullDate(root.attrs['dateGenerated']?.slice(0, 10)),
    toEntity: (record, warnings) => toEntity(path, record, warnings),
  });
}
