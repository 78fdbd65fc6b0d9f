import { basename } from 'node:path';
import type { EntityType, ListedEntity } from '../entity-model';
import type { ListSourceId } from '../sources';
import { countryCode, countryOrText } from '../../countries';
import { parseBirthDates, parseFullDate } from './dates';
import { EntityBuilder, listCitations } from './entity-builder';
import { ListFileError } from './list-file-error';
import { OFAC_ENTRY_URL } from './ofac-csv-importer';
import { ofacXmlIdentifier } from './ofac-remarks';
import type { ImportWarning, OpenListOptions, ParsedList } from './parsed-list';
import { openXmlList } from './xml-list';
import { childNamed, childrenNamed, childText, clean, type XmlElement, type XmlShape } from './xml-records';

const SHAPE: XmlShape = {
  roots: ['sdnList'],
  records: new Set(['sdnEntry']),
  expected: 'an OFAC XML list (sdn.xml or consolidated.xml)',
};

const TYPES: Record<string, EntityType> = {
  individual: 'person',
  entity: 'organization',
  vessel: 'vessel',
  aircraft: 'aircraft',
};

/** The file name says which OFAC list it is: both share one schema. */
function sourceFor(path: string): ListSourceId {
  const name = basename(path).toLowerCase();
  if (name.startsWith('cons') || name.includes('non-sdn') || name.includes('nonsdn')) return 'ofac-cons';
  if (name.includes('sdn')) return 'ofac-sdn';
  throw new ListFileError(
    { file: path },
    'cannot tell from the file name whether this is the SDN list (sdn.xml) or the Consolidated list (consolidated.xml); rename it',
  );
}

/** OFAC writes Publish_Date as MM/DD/YYYY. */
function usDate(text: string | undefined): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text?.trim() ?? '');
  if (!m) return parseFullDate(text);
  return parseFullDate(`${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`);
}

const personName = (el: XmlElement | undefined) => {
  const last = childText(el, 'lastName');
  const first = childText(el, 'firstName');
  return last && first ? `${last}, ${first}` : last || first;
};

function toEntity(file: string, sourceId: ListSourceId, entry: XmlElement, warnings: ImportWarning[]): ListedEntity {
  const uid = childText(entry, 'uid');
  if (!/^\d+$/.test(uid))
    throw new ListFileError(
      { file, line: entry.line, element: 'sdnEntry', field: 'uid' },
      `uid is "${uid}"; expected a number`,
    );
  const sdnType = childText(entry, 'sdnType').toLowerCase();
  const type = TYPES[sdnType];
  if (!type)
    throw new ListFileError(
      { file, line: entry.line, element: 'sdnEntry', field: 'sdnType' },
      `sdnType is "${sdnType}"; expected Individual, Entity, Vessel or Aircraft`,
    );
  const name = personName(entry);
  if (!name) throw new ListFileError({ file, line: entry.line, element: 'sdnEntry' }, `entry ${uid} has no name`);
  const entity = new EntityBuilder(uid, type).addName(name, 'primary');
  for (const aka of childrenNamed(childNamed(entry, 'akaList'), 'aka')) {
    entity.addName(personName(aka), childText(aka, 'category').toLowerCase() === 'weak' ? 'weak_alias' : 'alias');
  }
  for (const program of childrenNamed(childNamed(entry, 'programList'), 'program'))
    entity.addProgram(clean(program.text));
  let listedOn: string | undefined;
  for (const id of childrenNamed(childNamed(entry, 'idList'), 'id')) {
    const idType = childText(id, 'idType');
    const idNumber = childText(id, 'idNumber');
    if (/^Listing Date\b/.test(idType)) {
      listedOn ??= parseFullDate(idNumber);
      continue;
    }
    if (idType === 'Nationality of Registration') {
      entity.addCountry(countryCode(childText(id, 'idCountry') || idNumber));
      continue;
    }
    const notes = [
      childText(id, 'issueDate') && `issued ${childText(id, 'issueDate')}`,
      childText(id, 'expirationDate') && `expires ${childText(id, 'expirationDate')}`,
    ].filter((n): n is string => Boolean(n));
    const identifier = ofacXmlIdentifier(idType, idNumber, childText(id, 'idCountry') || undefined, notes);
    if (identifier) entity.addIdentifier(identifier);
  }
  for (const item of childrenNamed(childNamed(entry, 'dateOfBirthList'), 'dateOfBirthItem')) {
    const text = childText(item, 'dateOfBirth');
    const dates = parseBirthDates(text);
    if (dates.length) entity.addBirthDates(dates);
    else if (text)
      warnings.push({
        file,
        line: item.line,
        element: 'dateOfBirth',
        message: `entry ${uid}: cannot read date of birth "${text}"`,
      });
  }
  for (const item of childrenNamed(childNamed(entry, 'placeOfBirthList'), 'placeOfBirthItem'))
    entity.addCountry(countryCode(childText(item, 'placeOfBirth')));
  for (const item of childrenNamed(childNamed(entry, 'nationalityList'), 'nationality'))
    entity.addNationality(countryOrText(childText(item, 'country')));
  for (const item of childrenNamed(childNamed(entry, 'citizenshipList'), 'citizenship'))
    entity.addNationality(countryOrText(childText(item, 'country')));
  for (const address of childrenNamed(childNamed(entry, 'addressList'), 'address')) {
    const city = [childText(address, 'city'), childText(address, 'stateOrProvince'), childText(address, 'postalCode')]
      .filter(Boolean)
      .join(', ');
    const country = childText(address, 'country');
    const full = [
      childText(address, 'address1'),
      childText(address, 'address2'),
      childText(address, 'address3'),
      city,
      country,
    ]
      .filter(Boolean)
      .join(', ');
    const code = countryOrText(country);
    entity.addAddress({ full, ...(city ? { city } : {}), ...(code ? { country: code } : {}) });
  }
  const vessel = childNamed(entry, 'vesselInfo');
  if (vessel) {
    const callSign = childText(vessel, 'callSign');
    if (callSign) entity.addIdentifier({ type: 'call_sign', value: callSign });
    entity.addCountry(countryCode(childText(vessel, 'vesselFlag')));
  }
  const remarks = childText(entry, 'remarks');
  if (remarks) entity.remarks = remarks;
  entity.citations = listCitations({
    sourceId,
    sourceRowId: uid,
    rowLabel: 'uid',
    name,
    programs: entity.programList,
    ...(listedOn ? { listedOn } : {}),
    entryUrl: `${OFAC_ENTRY_URL}${uid}`,
  });
  return entity.build();
}

/** OFAC's XML export (`<sdnList><sdnEntry>`), as sdn.xml and consolidated.xml share it. */
export function openOfacXml(path: string, options: OpenListOptions = {}): Promise<ParsedList> {
  return openXmlList(path, options, {
    format: 'ofac-xml',
    shape: SHAPE,
    sourceId: () => sourceFor(path),
    publishedAt: ({ header }) => usDate(header.get('Publish_Date')),
    toEntity: (entry, warnings, sourceId) => toEntity(path, sourceId, entry, warnings),
  });
}
