import { stringify } from 'csv-stringify/sync';
import type { Pool } from 'pg';
import { batchResults, type BatchResultRow } from './batch-reads';

export const RESULT_CSV_COLUMNS = [
  'line',
  'reference',
  'name',
  'decision',
  'score',
  'entity_id',
  'entity_name',
  'matched_name',
  'lists',
  'programs',
  'citation_urls',
  'warning',
  'suppressed_matches',
  'birth_date',
  'country',
  'match_reasons',
] as const;

/** Rows read per query while streaming the results file. */
const PAGE_ROWS = 2000;
/** Several values in one cell (lists, programs, citation URLs): a separator that does not occur in them. */
const MULTI_VALUE_SEPARATOR = ' | ';

/**
 * What a spreadsheet may take for the start of a formula: = + - @ and their fullwidth (＝ ＋ － ＠)
 * and small (﹦ ﹢ ﹣ ﹫) forms and the minus sign, which some spreadsheets fold to ASCII, even after
 * leading spaces; and a leading tab or carriage return (OWASP's CSV injection list).
 */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B\u2212])/;

/** A formula start is prefixed with ' so spreadsheets do not run it; null is an empty cell. */
function cellText(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180 (csv-stringify): a field holding a quote, comma or line break is quoted; formula starts are escaped. */
export function csvField(value: string | number | null): string {
  return stringify([[cellText(value)]], { ...CSV_OPTIONS, record_delimiter: '' });
}

function resultCells(r: BatchResultRow): string[] {
  return [
    r.line,
    r.reference,
    r.name,
    r.decision,
    r.score,
    r.entityId,
    r.entityName,
    r.matchedName,
    r.lists.join(MULTI_VALUE_SEPARATOR),
    r.programs.join(MULTI_VALUE_SEPARATOR),
    r.citationUrls.join(MULTI_VALUE_SEPARATOR),
    r.warning,
    r.suppressedMatches.length,
    r.birthDate,
    r.country,
    (r.matches[0]?.explanation ?? []).join(MULTI_VALUE_SEPARATOR),
  ].map(cellText);
}

// csv-stringify quotes a line break only when it is the record delimiter: a lone LF or CR is quoted too.
const CSV_OPTIONS = { record_delimiter: '\r\n', quoted_match: /[\r\n]/ };

export function resultCsvLine(r: BatchResultRow): string {
  return stringify([resultCells(r)], CSV_OPTIONS);
}

/** The results of a batch as CSV text, page by page, so a million rows never sit in memory. */
export async function* batchResultsCsv(
  pool: Pool,
  id: string,
  options: { decision?: 'hit' | 'no_hit' } = {},
): AsyncGenerator<string> {
  yield stringify([[...RESULT_CSV_COLUMNS]], CSV_OPTIONS);
  let after = 0;
  for (;;) {
    const page = await batchResults(pool, id, { ...options, after, limit: PAGE_ROWS });
    if (page.length === 0) return;
    yield stringify(page.map(resultCells), CSV_OPTIONS);
    after = page[page.length - 1]?.line ?? after;
    if (page.length < PAGE_ROWS) return;
  }
}
