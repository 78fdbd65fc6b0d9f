import type { ListedEntity } from '../entity-model';
import { countryCode, countryOrText } from '../../countries';
import { parseBirthDates, parseFullDate, parsePartialDate, yearRange } from './dates';
import { EntityBuilder, listCitations } from './entity-builder';
import { ListFileError } from './list-file-error';
import type { ImportWarning, OpenListOptions, ParsedList } from './parsed-list';
import { openXmlList } from './xml-list';
import { childNamed, childrenNamed, childText, clean, type XmlElement, type XmlShape } from './xml-records';

const SHAPE: XmlShape = {
  roots: ['export', 'WHOLE'],
  records: new Set(['sanctionEntity', 'ENTITY']),
  expected: 'an EU Financial Sanctions File (XML 1.1 <export>, or the legacy <WHOLE>)',
};

/** EU 1.1 identificationTypeCode → our identifier types. */
const IDENTIFICATION_TYPES: Record<string, string> = {
  passport: 'passport',
  id: 'national_id',
  ssn: 'national_id',
  regnumber: 'registration_number',
  fiscalcode: 'tax_id',
  swiftbic: 'swift_bic',
  imo: 'imo',
};

/** EU writes "00" (or nothing) for an unknown country. */
function euCountry(code: string | undefined, description: string | undefined): string | undefined {
  if (code && /^[A-Z]{2}$/.test(code) && code !== '00') return countryCode(code) ?? code;
  return countryOrText(description);
}

const attr = (element: XmlElement | undefined, name: string) => clean(element?.attrs[name]);

/** The current schema: `<export><sanctionEntity><nameAlias wholeName=…/>…`. */
function fromExport(file: string, record: XmlElement): ListedEntity {
  const id = attr(record, 'logicalId');
  if (!id)
    throw new ListFileError(
      { file, line: record.line, element: 'sanctionEntity', field: 'logicalId' },
      'has no logicalId',
    );
  const subject = attr(childNamed(record, 'subjectType'), 'code').toLowerCase();
  const entity = new EntityBuilder(id, subject === 'person' ? 'person' : 'organization');
  for (const alias of childrenNamed(record, 'nameAlias')) {
    const whole =
      attr(alias, 'wholeName') ||
      [attr(alias, 'firstName'), attr(alias, 'middleName'), attr(alias, 'lastName')].filter(Boolean).join(' ');
    const weak = attr(alias, 'strong').toLowerCase() === 'false';
    entity.addName(whole, !entity.hasName('primary') && !weak ? 'primary' : weak ? 'weak_alias' : 'alias');
  }
  if (!entity.hasName())
    throw new ListFileError({ file, line: record.line, element: 'sanctionEntity' }, `entity ${id} has no nameAlias`);
  const publicationDates: string[] = [];
  for (const regulation of childrenNamed(record, 'regulation')) {
    entity.addProgram(attr(regulation, 'programme'));
    const date = parseFullDate(attr(regulation, 'publicationDate'));
    if (date) publicationDates.push(date);
  }
  for (const citizenship of childrenNamed(record, 'citizenship'))
    entity.addNationality(euCountry(attr(citizenship, 'countryIso2Code'), attr(citizenship, 'countryDescription')));
  for (const birth of childrenNamed(record, 'birthdate')) {
    const from = Number(attr(birth, 'yearRangeFrom'));
    const to = Number(attr(birth, 'yearRangeTo'));
    const full = attr(birth, 'birthdate');
    const year = attr(birth, 'year');
    const month = attr(birth, 'monthOfYear');
    const day = attr(birth, 'dayOfMonth');
    const dates = full
      ? parseBirthDates(full)
      : from && to
        ? yearRange(from, to)
        : year
          ? [
              parsePartialDate(
                [year, month && month.padStart(2, '0'), month && day && day.padStart(2, '0')].filter(Boolean).join('-'),
              ),
            ].filter((d): d is string => Boolean(d))
          : [];
    entity.addBirthDates(dates);
    entity.addCountry(euCountry(attr(birth, 'countryIso2Code'), undefined));
  }
  for (const doc of childrenNamed(record, 'identification')) {
    const number = attr(doc, 'number') || attr(doc, 'latinNumber');
    if (!number) continue;
    const typeCode = attr(doc, 'identificationTypeCode').toLowerCase();
    const country = euCountry(attr(doc, 'countryIso2Code'), undefined);
    const notes = [
      IDENTIFICATION_TYPES[typeCode] ? '' : attr(doc, 'identificationTypeDescription'),
      attr(doc, 'issueDate') && `issued ${attr(doc, 'issueDate')}`,
      attr(doc, 'validTo') && `expires ${attr(doc, 'validTo')}`,
      clean(childNamed(doc, 'remark')?.text),
    ].filter(Boolean);
    entity.addIdentifier({
      type: IDENTIFICATION_TYPES[typeCode] ?? 'other',
      value: number,
      ...(country && /^[A-Z]{2}$/.test(country) ? { country } : {}),
      ...(notes.length ? { note: notes.join('; ') } : {}),
    });
  }
  for (const address of childrenNamed(record, 'address')) {
    const city = attr(address, 'city');
    const country = euCountry(attr(address, 'countryIso2Code'), attr(address, 'countryDescription'));
    const full = [
      attr(address, 'street'),
      attr(address, 'poBox'),
      attr(address, 'zipCode'),
      city,
      attr(address, 'region'),
      attr(address, 'place'),
      attr(address, 'countryDescription'),
    ]
      .filter(Boolean)
      .join(', ');
    entity.addAddress({ full, ...(city ? { city } : {}), ...(country ? { country } : {}) });
  }
  const remarks = childrenNamed(record, 'remark')
    .map((r) => clean(r.text))
    .filter(Boolean)
    .join(' ');
  if (remarks) entity.remarks = remarks;
  const listedOn = parseFullDate(attr(record, 'designationDate')) ?? publicationDates.sort()[0];
  const reference = attr(record, 'euReferenceNumber');
  const unReference = attr(record, 'unitedNationId');
  entity.citations = listCitations({
    sourceId: 'eu-fsf',
    sourceRowId: id,
    rowLabel: 'logicalId',
    name: entity.displayName,
    programs: entity.programList,
    ...(listedOn ? { listedOn } : {}),
    ...(reference || unReference
      ? {
          note: [reference && `EU reference ${reference}`, unReference && `UN reference ${unReference}`]
            .filter(Boolean)
            .join('; '),
        }
      : {}),
  });
  return entity.build();
}

/** The legacy (pre-2017) schema: `<WHOLE><ENTITY Id Type programme reg_date><NAME><WHOLENAME>…`. */
function fromLegacy(file: string, record: XmlElement, warnings: ImportWarning[]): ListedEntity {
  const id = attr(record, 'Id');
  if (!id) throw new ListFileError({ file, line: record.line, element: 'ENTITY', field: 'Id' }, 'has no Id');
  const entity = new EntityBuilder(id, attr(record, 'Type').toUpperCase() === 'P' ? 'person' : 'organization');
  for (const name of childrenNamed(record, 'NAME')) {
    const whole =
      childText(name, 'WHOLENAME') ||
      ['FIRSTNAME', 'MIDDLENAME', 'LASTNAME']
        .map((n) => childText(name, n))
        .filter(Boolean)
        .join(' ');
    entity.addName(whole, entity.hasName('primary') ? 'alias' : 'primary');
  }
  if (!entity.hasName())
    throw new ListFileError({ file, line: record.line, element: 'ENTITY' }, `entity ${id} has no NAME`);
  entity.addProgram(attr(record, 'programme'));
  for (const birth of childrenNamed(record, 'BIRTH')) {
    const text = childText(birth, 'DATE');
    if (text) {
      const dates = parseBirthDates(text);
      if (dates.length) entity.addBirthDates(dates);
      else
        warnings.push({
          file,
          line: birth.line,
          element: 'BIRTH',
          message: `entity ${id}: cannot read date of birth "${text}"`,
        });
    }
    entity.addCountry(countryCode(childText(birth, 'COUNTRY')));
  }
  for (const citizen of childrenNamed(record, 'CITIZEN'))
    entity.addNationality(countryOrText(childText(citizen, 'COUNTRY')));
  for (const passport of childrenNamed(record, 'PASSPORT')) {
    const text = childText(passport, 'NUMBER');
    const match = /^(\S+)\s*(.*)$/.exec(text);
    if (!match) continue;
    const country = countryCode(childText(passport, 'COUNTRY'));
    const note = match[2]!.trim();
    const type = /passport/i.test(note) || !note ? 'passport' : /id|identi/i.test(note) ? 'national_id' : 'other';
    entity.addIdentifier({ type, value: match[1]!, ...(country ? { country } : {}), ...(note ? { note } : {}) });
  }
  for (const address of childrenNamed(record, 'ADDRESS')) {
    const city = childText(address, 'CITY');
    const countryText = childText(address, 'COUNTRY');
    const country = countryOrText(countryText);
    const full = [
      childText(address, 'NUMBER'),
      childText(address, 'STREET'),
      childText(address, 'ZIPCODE'),
      city,
      childText(address, 'OTHER'),
      countryText,
    ]
      .filter(Boolean)
      .join(', ');
    entity.addAddress({ full, ...(city ? { city } : {}), ...(country ? { country } : {}) });
  }
  const remark = attr(record, 'remark');
  if (remark) entity.remarks = remark;
  const listedOn = parseFullDate(attr(record, 'reg_date'));
  const legalBasis = attr(record, 'legal_basis');
  const pdf = attr(record, 'pdf_link');
  entity.citations = listCitations({
    sourceId: 'eu-fsf',
    sourceRowId: id,
    rowLabel: 'Id',
    name: entity.displayName,
    programs: entity.programList,
    ...(listedOn ? { listedOn } : {}),
    ...(legalBasis ? { note: `Legal basis ${legalBasis}${pdf ? `: ${pdf}` : ''}` } : {}),
  });
  return entity.build();
}

/** WHOLE Date is DD/MM/YYYY; export generationDate is an ISO timestamp. */
function publishedAtOf(root: XmlElement): string | undefined {
  if (root.name === 'WHOLE') return parseFullDate(root.attrs['Date']);
  return parseFullDate(root.attrs['generationDate']?.slice(0, 10));
}

/** The EU Financial Sanctions File, in the current XML 1.1 schema or the legacy pre-2017 one. */
export function openEuFsfXml(path: string, options: OpenListOptions = {}): Promise<ParsedList> {
  return openXmlList(path, options, {
    format: 'eu-fsf-xml',
    shape: SHAPE,
    sourceId: () => 'eu-fsf',
    publishedAt: ({ root }) => publishedAtOf(root),
    toEntity: (record, warnings) =>
      record.name === 'ENTITY' ? fromLegacy(path, record, warnings) : fromExport(path, record),
  });
}
