import { AppError } from '../errors';
import { ENTITY_TYPES, type EntityType } from '../lists/entity-model';
import {
  BATCH_COLUMNS,
  canonicalColumn,
  knownCountry,
  MAX_NAME_LENGTH,
  partialBirthDate,
  UNKNOWN_COUNTRY,
  type BatchColumn,
} from '../screening';

export { BATCH_COLUMNS, canonicalColumn, type BatchColumn };

const TYPE_ALIASES: Record<string, EntityType> = {
  individual: 'person',
  company: 'organization',
  entity: 'organization',
  organisation: 'organization',
};
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MAX_REFERENCE_LENGTH = 200;
const MAX_COUNTRY_LENGTH = 64;

export interface BatchRow {
  line: number;
  reference: string | null;
  name: string;
  type: EntityType | null;
  birthDate: string | null;
  country: string | null;
  /** What of the row was set aside so the rest could be screened (an impossible date, an unknown country). */
  warning: string | null;
}

export interface BatchRowError {
  line: number;
  field: string | null;
  reason: string;
}

/** Column index of each recognised field. */
export type HeaderMap = Partial<Record<BatchColumn, number>> & { name: number; width: number };

/** Maps the header row to our columns; a file without a name column is refused as a whole. */
export function mapHeader(fields: string[]): HeaderMap {
  const map: Partial<Record<BatchColumn, number>> = {};
  fields.forEach((header, index) => {
    const column = canonicalColumn(header);
    if (column && map[column] === undefined) map[column] = index;
  });
  if (map.name === undefined) {
    const seen = fields
      .slice(0, 10)
      .map((f) => JSON.stringify(f.slice(0, 40)))
      .join(', ');
    throw new AppError(
      'validation_failed',
      `The first line must be a header row with a name column ("name", "full name" or "customer name"); found ${seen || 'nothing'}`,
      { fields: [{ field: '(body)', message: 'has no header row with a name column', line: 1 }] },
    );
  }
  return { ...map, name: map.name, width: fields.length };
}

function cell(fields: string[], index: number | undefined): string {
  return index === undefined ? '' : (fields[index] ?? '').trim();
}

/** Validates one data record; the reason names the first thing wrong with it. */
export function parseBatchRow(
  header: HeaderMap,
  fields: string[],
  line: number,
): { row: BatchRow } | { error: BatchRowError } {
  const fail = (field: string | null, reason: string) => ({ error: { line, field, reason } });
  if (fields.length > header.width && fields.slice(header.width).some((f) => f.trim() !== '')) {
    return fail(null, `has ${fields.length} columns but the header has ${header.width}`);
  }
  // Postgres text cannot hold NUL: one such cell makes its row invalid, never the upload a 500.
  for (const column of BATCH_COLUMNS) {
    if (cell(fields, header[column]).includes('\u0000'))
      return fail(column, `${column.replace('_', ' ')} contains a NUL character (\\u0000)`);
  }
  const name = cell(fields, header.name).replace(/\s+/g, ' ');
  if (name === '') return fail('name', 'name is empty');
  if (!LETTER_OR_DIGIT.test(name)) return fail('name', 'name has no letter or digit');
  if (name.length > MAX_NAME_LENGTH) return fail('name', `name is longer than ${MAX_NAME_LENGTH} characters`);

  const rawType = cell(fields, header.type).toLowerCase();
  const type =
    rawType === ''
      ? null
      : (ENTITY_TYPES as readonly string[]).includes(rawType)
        ? (rawType as EntityType)
        : TYPE_ALIASES[rawType];
  if (type === undefined) return fail('type', `type "${rawType}" is not one of ${ENTITY_TYPES.join(', ')}`);

  // A row is never skipped for what only narrows its screening: a customer with a mistyped birth date or an unknown
  // country is screened on the name alone (which can only find more, never less), and the row says what was set aside.
  const warnings: string[] = [];
  const rawDate = cell(fields, header.birth_date);
  let birthDate: string | null = null;
  if (rawDate !== '') {
    const parsed = partialBirthDate.safeParse(rawDate);
    if (parsed.success) birthDate = parsed.data;
    else
      warnings.push(
        `birth date "${rawDate.slice(0, 40)}" ${parsed.error.issues[0]?.message ?? 'is not valid'}; screened without it`,
      );
  }

  let country = cell(fields, header.country);
  if (country !== '' && (country.length > MAX_COUNTRY_LENGTH || knownCountry(country) === undefined)) {
    warnings.push(`country "${country.slice(0, 40)}" ${UNKNOWN_COUNTRY}; screened without it`);
    country = '';
  }
  const reference = cell(fields, header.reference);
  if (reference.length > MAX_REFERENCE_LENGTH)
    return fail('reference', `reference is longer than ${MAX_REFERENCE_LENGTH} characters`);

  return {
    row: {
      line,
      reference: reference || null,
      name,
      type,
      birthDate,
      country: country || null,
      warning: warnings.join('; ') || null,
    },
  };
}
