/**
 * The customer fields a screening request, a batch row and a JSON record share, and the header spellings of
 * core banking exports for them. Here, under screening, because batches build on screening and a single
 * request reads its keys through the same aliases.
 */
export const BATCH_COLUMNS = ['name', 'birth_date', 'reference', 'type', 'country'] as const;
export type BatchColumn = (typeof BATCH_COLUMNS)[number];

/** Header spellings seen in core banking exports, compared after splitting camelCase, lower-casing and turning _ and - into spaces. */
const HEADER_ALIASES: Record<string, BatchColumn> = {
  name: 'name',
  'full name': 'name',
  'customer name': 'name',
  dob: 'birth_date',
  'date of birth': 'birth_date',
  'birth date': 'birth_date',
  birthdate: 'birth_date',
  reference: 'reference',
  'customer id': 'reference',
  id: 'reference',
  ref: 'reference',
  type: 'type',
  'entity type': 'type',
  country: 'country',
  nationality: 'country',
};

const normaliseHeader = (header: string) =>
  header
    .trim()
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[_-]+/g, ' ')
    .replace(/\s+/g, ' ');

/** Our column for a header or JSON key ("Full Name", "DOB", "customer_id"...), if we know it. */
export function canonicalColumn(header: string): BatchColumn | undefined {
  return HEADER_ALIASES[normaliseHeader(header)];
}
