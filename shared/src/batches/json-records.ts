import { AppError } from '../errors';
import { BATCH_COLUMNS, canonicalColumn } from './batch-row';
import { decodeUtf8OrLatin1 } from './csv-rows';
import type { UploadRecord } from './upload-record';

/** The same bound as a CSV record: a customer record is a few hundred bytes. */
const MAX_RECORD_CHARS = 1024 * 1024;

const notJsonArray = (detail: string) =>
  new AppError('validation_failed', `The upload is not a JSON array of customer records: ${detail}`, {
    fields: [{ field: '(body)', message: detail }],
  });

/**
 * Splits a streamed top-level JSON array into the source text of its elements, one at a time, so a
 * large array is never held whole. Strings and nesting are tracked only to find where each element ends.
 */
async function* jsonArrayElements(text: AsyncIterable<string>): AsyncGenerator<string> {
  let state = 'before' as 'before' | 'between' | 'element' | 'after';
  let afterComma = false;
  let element = '';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let count = 0;

  for await (const chunk of text) {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i] as string;
      if (state === 'element') {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === '\\') escaped = true;
          else if (c === '"') inString = false;
        } else if (c === '"') {
          inString = true;
        } else if (c === '{' || c === '[') {
          depth++;
        } else if ((c === '}' || c === ']') && depth > 0) {
          depth--;
        } else if ((c === ',' || c === ']') && depth === 0) {
          yield element + chunk.slice(start, i);
          element = '';
          count++;
          state = c === ',' ? 'between' : 'after';
          afterComma = c === ',';
          continue;
        }
        if (element.length + (i - start) > MAX_RECORD_CHARS) throw notJsonArray(`record ${count + 1} is longer than ${MAX_RECORD_CHARS} characters`);
        continue;
      }
      if (c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\uFEFF') continue;
      if (state === 'before') {
        if (c !== '[') throw notJsonArray('it does not start with [');
        state = 'between';
      } else if (state === 'between') {
        if (c === ']' && !afterComma) {
          state = 'after';
        } else if (c === ',' || c === ']') {
          throw notJsonArray(`record ${count + 1} is empty`);
        } else {
          // Hand this character back to the element scanner as the element's first.
          state = 'element';
          start = i;
          depth = 0;
          i--;
        }
      } else {
        throw notJsonArray('there is more after the closing ]');
      }
    }
    if (state === 'element') element += chunk.slice(start);
  }
  if (state === 'before') throw notJsonArray('it is empty');
  if (state !== 'after') throw notJsonArray('the array is never closed (the upload was cut short?)');
}

function cellText(value: unknown): string | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * Reads a JSON array of customer records (`[{"name": "...", "reference": "..."}, ...]`) as upload
 * records: first a header of our columns, then one record per element, numbered from 1 by its
 * position in the array. Keys go through the same aliases as CSV headers ("Full Name", "DOB"...),
 * so `mapHeader` recognises them; keys it does not know are ignored, as extra CSV columns are.
 */
export async function* jsonRecords(chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>): AsyncGenerator<UploadRecord> {
  yield { line: 0, fields: [...BATCH_COLUMNS] };
  let position = 0;
  for await (const source of jsonArrayElements(decodeUtf8OrLatin1(chunks))) {
    position++;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      throw notJsonArray(`record ${position} is not valid JSON (${(error as Error).message})`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      yield { line: position, invalid: { field: null, reason: 'is not a JSON object' } };
      continue;
    }
    const fields: string[] = BATCH_COLUMNS.map(() => '');
    let refused: { field: string; reason: string } | undefined;
    for (const [key, raw] of Object.entries(value)) {
      const column = canonicalColumn(key);
      if (!column) continue;
      const text = cellText(raw);
      if (text === undefined) {
        refused ??= { field: column, reason: `${column} must be a string, a number or null` };
        continue;
      }
      fields[BATCH_COLUMNS.indexOf(column)] = text;
    }
    yield refused ? { line: position, invalid: refused } : { line: position, fields };
  }
}
