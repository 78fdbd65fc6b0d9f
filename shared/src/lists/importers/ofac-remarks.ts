import type { Identifier } from '../entity-model';
import { countryCode, countryOrText } from '../../countries';
import { parseBirthDates, parseFullDate } from './dates';

/** What OFAC's free-text Remarks say in its fixed phrases ("DOB 1955; nationality Korea, North; Passport 123 (Korea, North)"). */
export interface OfacRemarkFacts {
  birthDates: string[];
  nationalities: string[];
  /** Countries of birth (from POB). */
  countries: string[];
  identifiers: Identifier[];
  /** `a.k.a. '…'` in Remarks: OFAC's legacy files carry only its weak a.k.a.s there (the XML marks the same names `weak`). */
  weakAliases: string[];
  /** The first "Listing Date (…)" (CMIC, EO 14024 directives), YYYY-MM-DD. */
  listedOn?: string;
  /** Phrases that look like a fact we read but could not be parsed ("DOB sometime"). */
  unreadable: string[];
}

/**
 * Remarks labels that introduce an identifier, longest first so that "Business Registration Number"
 * wins over "Registration Number". Contact details (website, e-mail, phone) stay in the remarks.
 */
const IDENTIFIER_LABELS: readonly [label: string, type: string][] = [
  ["Aircraft Manufacturer's Serial Number (MSN)", 'aircraft_serial_number'],
  ['Unified Social Credit Code (USCC)', 'unified_social_credit_code'],
  ['Economic Register Number (CBLS)', 'registration_number'],
  ['Central Registration System Number', 'registration_number'],
  ['Business Registration Document #', 'registration_number'],
  ['Business Registration Number', 'registration_number'],
  ['Vessel Registration Identification', 'vessel_registration'],
  ['Commercial Registry Number', 'registration_number'],
  ['Chamber of Commerce Number', 'registration_number'],
  ['Government Gazette Number', 'registration_number'],
  ['Istanbul Chamber of Comm. No.', 'registration_number'],
  ['Public Registration Number', 'registration_number'],
  ['Matricula Mercantil No', 'registration_number'],
  ['Folio Mercantil No.', 'registration_number'],
  ['Registration Number', 'registration_number'],
  ['Birth Certificate Number', 'birth_certificate'],
  ['Diplomatic Passport', 'passport'],
  ["Driver's License No.", 'drivers_license'],
  ['Aircraft Tail Number', 'aircraft_tail_number'],
  ['Identification Number', 'national_id'],
  ['Legal Entity Number', 'lei'],
  ['Trade License No.', 'registration_number'],
  ['Personal ID Card', 'national_id'],
  ['National ID No.', 'national_id'],
  ['Company Number', 'registration_number'],
  ['Registration ID', 'registration_number'],
  ['D-U-N-S Number', 'duns'],
  ['V.A.T. Number', 'vat_number'],
  ['Tax ID No.', 'tax_id'],
  ['Cedula No.', 'national_id'],
  ['Passport', 'passport'],
  ['SWIFT/BIC', 'swift_bic'],
  ['C.U.R.P.', 'national_id'],
  ['R.F.C.', 'tax_id'],
  ['D.N.I.', 'national_id'],
  ['C.R. No.', 'registration_number'],
  ['NIT #', 'tax_id'],
  ['SSN', 'national_id'],
  ['MMSI', 'mmsi'],
  ['ISIN', 'isin'],
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const IDENTIFIER_PATTERN = new RegExp(`^(${IDENTIFIER_LABELS.map(([label]) => escape(label)).join('|')})\\s+(.+)$`);
const TYPE_BY_LABEL = new Map(IDENTIFIER_LABELS);
/** A value, then optionally "(Country)", then optionally "issued … expires …". */
const VALUE_PATTERN =
  /^(.+?)(?:\s+\(([^()]+)\))?(?:\s+((?:issued|expires|Issue Date|Expire Date|Expiration Date)\b.*))?$/;

function parseIdentifier(label: string, rest: string): Identifier | undefined {
  const match = VALUE_PATTERN.exec(rest.trim());
  if (!match) return undefined;
  let type = TYPE_BY_LABEL.get(label) ?? 'other';
  let value = match[1]!.trim();
  const notes: string[] = [];
  if (label === 'Diplomatic Passport') notes.push('diplomatic passport');
  if (type === 'vessel_registration' && /^IMO\s+\d+$/i.test(value)) {
    type = 'imo';
    value = value.replace(/^IMO\s+/i, '');
  }
  const parenthesis = match[2]?.trim();
  const country = countryCode(parenthesis);
  if (parenthesis && !country) notes.push(parenthesis);
  if (match[3]) notes.push(match[3].trim());
  if (!value) return undefined;
  return { type, value, ...(country ? { country } : {}), ...(notes.length ? { note: notes.join('; ') } : {}) };
}

/** Reads the facts OFAC writes in fixed phrases inside Remarks. Everything else stays in the remarks text only. */
export function parseOfacRemarks(remarks: string | undefined): OfacRemarkFacts {
  const facts: OfacRemarkFacts = {
    birthDates: [],
    nationalities: [],
    countries: [],
    identifiers: [],
    weakAliases: [],
    unreadable: [],
  };
  if (!remarks) return facts;
  const parts = remarks.trim().replace(/\.$/, '').split(/;\s+/);
  for (const raw of parts) {
    const part = raw.trim().replace(/^alt\.\s+/, '');
    let m: RegExpExecArray | null;
    if ((m = /^(?:a\.k\.a\.|f\.k\.a\.|n\.k\.a\.)\s+'(.+)'\.?$/.exec(part))) {
      facts.weakAliases.push(m[1]!.trim());
    } else if ((m = /^DOB\s+(.+)$/.exec(part))) {
      const dates = parseBirthDates(m[1]!);
      if (dates.length) facts.birthDates.push(...dates);
      else facts.unreadable.push(part);
    } else if ((m = /^POB\s+(.+)$/.exec(part))) {
      const code = countryCode(m[1]);
      if (code) facts.countries.push(code);
    } else if ((m = /^(?:nationality|citizen)\s+(.+)$/.exec(part))) {
      const country = countryOrText(m[1]);
      if (country) facts.nationalities.push(country);
    } else if ((m = /^Listing Date \([^)]*\):?\s+(.+)$/.exec(part))) {
      facts.listedOn ??= parseFullDate(m[1]);
    } else if ((m = /^Digital Currency Address - (\S+)\s+(\S+)$/.exec(part))) {
      facts.identifiers.push({ type: 'crypto_wallet', value: m[2]!, note: m[1]! });
    } else if ((m = IDENTIFIER_PATTERN.exec(part))) {
      const identifier = parseIdentifier(m[1]!, m[2]!);
      if (identifier) facts.identifiers.push(identifier);
      else facts.unreadable.push(part);
    }
  }
  return facts;
}

/**
 * An identifier from OFAC XML's `<id>` (idType, idNumber, idCountry), which uses the same labels as
 * the Remarks. Returns undefined for idTypes that are not identifiers (dates, websites, directives).
 */
export function ofacXmlIdentifier(
  idType: string,
  idNumber: string,
  idCountry?: string,
  notes: string[] = [],
): Identifier | undefined {
  const label = idType.trim();
  const number = idNumber.trim();
  if (!number) return undefined;
  const digital = /^Digital Currency Address - (\S+)$/.exec(label);
  if (digital) return { type: 'crypto_wallet', value: number, note: digital[1]! };
  let type = TYPE_BY_LABEL.get(label);
  if (!type) return undefined;
  let value = number;
  if (type === 'vessel_registration' && /^IMO\s+\d+$/i.test(value)) {
    type = 'imo';
    value = value.replace(/^IMO\s+/i, '');
  }
  const country = countryCode(idCountry);
  const allNotes = [
    ...(label === 'Diplomatic Passport' ? ['diplomatic passport'] : []),
    ...(idCountry && !country ? [idCountry.trim()] : []),
    ...notes,
  ];
  return { type, value, ...(country ? { country } : {}), ...(allNotes.length ? { note: allNotes.join('; ') } : {}) };
}
