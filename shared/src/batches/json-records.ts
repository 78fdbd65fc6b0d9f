import { AppError } from '../errors';
import { BATCH_COLUMNS, canonicalColumn, type BatchColumn } from './batch-row';
import { jsonArrayElementsByChunk, TextInputError, utf8OrLatin1Bytes, type ByteChunks } from '../text-input';
import type { UploadRecord } from './upload-record';

/** The same bound as a CSV record: a customer record is a few hundred bytes. */
const MAX_RECORD_BYTES = 1024 * 1024;

const notJsonArray = (detail: string, cause?: unknown) =>
  new AppError('validation_failed', `The upload is not a JSON array of customer records: ${detail}`, {
    cause,
    fields: [{ field: '(body)', message: detail }],
  });

/** The array's elements as each chunk completes them; what is wrong with the body becomes a 4xx naming the record. */
async function* elementsByChunk(chunks: ByteChunks): AsyncGenerator<unknown[]> {
  const batches = jsonArrayElementsByChunk(utf8OrLatin1Bytes(chunks), { maxElementBytes: MAX_RECORD_BYTES });
  for (;;) {
    let next: IteratorResult<unknown[]>;
    try {
      next = await batches.next();
    } catch (error) {
      if (error instanceof TextInputError) throw notJsonArray(error.message, error);
      throw error;
    }
    if (next.done) return;
    yield next.value;
  }
}

function cellText(value: unknown): string | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Distinct keys remembered per upload: a customer file has a handful; a hostile one with a new key per record stops here. */
const MAX_REMEMBERED_KEYS = 1000;

/** A key's column and its place among BATCH_COLUMNS; null for a key that is not one of ours. */
type KeyColumn = { column: BatchColumn; index: number } | null;

/**
 * `canonicalColumn`, remembered per key with the column's place: every record of a file repeats the same keys, and
 * normalising each key of each record was a tenth of reading a JSON upload.
 */
function columnLookup(): (key: string) => KeyColumn {
  const known = new Map<string, KeyColumn>();
  return (key) => {
    const remembered = known.get(key);
    if (remembered !== undefined) return remembered;
    const column = canonicalColumn(key);
    const found = column ? { column, index: BATCH_COLUMNS.indexOf(column) } : null;
    if (known.size < MAX_REMEMBERED_KEYS) known.set(key, found);
    return found;
  };
}

/**
 * Reads a JSON array of customer records (`[{"name": "...", "reference": "..."}, ...]`) as upload
 * records: first a header of our columns, then one record per element, numbered from 1 by its
 * position in the array. Keys go through the same aliases as CSV headers ("Full Name", "DOB"...),
 * so `mapHeader` recognises them; keys it does not know are ignored, as extra CSV columns are.
 */
export async function* jsonRecords(chunks: ByteChunks): AsyncGenerator<UploadRecord> {
  yield { line: 0, fields: [...BATCH_COLUMNS] };
  const columnOf = columnLookup();
  let position = 0;
  for await (const values of elementsByChunk(chunks))
    for (const value of values) {
      position++;
      yield uploadRecord(value, position, columnOf);
    }
}

function uploadRecord(value: unknown, position: number, columnOf: (key: string) => KeyColumn): UploadRecord {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { line: position, invalid: { field: null, reason: 'is not a JSON object' } };
  const fields: string[] = BATCH_COLUMNS.map(() => '');
  let refused: { field: string; reason: string } | undefined;
  const record = value as Record<string, unknown>;
  // Object.keys, not Object.entries: no [key, value] pair allocated per key of each record.
  for (const key of Object.keys(record)) {
    const known = columnOf(key);
    if (!known) continue;
    const text = cellText(record[key]);
    if (text === undefined) {
      refused ??= { field: known.column, reason: `${known.column} must be a string, a number or null` };
      continue;
    }
    fields[known.index] = text;
  }
  return refused ? { line: position, invalid: refused } : { line: position, fields };
}
