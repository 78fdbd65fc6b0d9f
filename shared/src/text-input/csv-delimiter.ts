import { CsvReader, type CsvRecord } from './csv';
import { TextInputError } from './text-input-error';

const DELIMITERS = [',', ';', '\t', '|'] as const;

export type CsvDelimiter = (typeof DELIMITERS)[number];

/** The candidate seen most often outside quotes on the header line; a comma when there is none (one column). */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char as CsvDelimiter))
      counts.set(char as CsvDelimiter, (counts.get(char as CsvDelimiter) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

export interface DetectedCsvOptions {
  maxRecordChars: number;
  /** How much text is read to find the header line, whose delimiter is the file's. */
  maxHeaderChars: number;
}

/**
 * Streams CSV records whose delimiter (, ; tab |) is found on the header line: files exported by
 * spreadsheets in other locales use semicolons, and core banking systems tabs or pipes. Yields the records
 * each chunk completed, as one array (the reader's own, not copied): each step of an async generator costs a few
 * microtasks.
 */
export async function* csvRecordsByChunkDetectingDelimiter(
  text: AsyncIterable<string>,
  options: DetectedCsvOptions,
): AsyncGenerator<CsvRecord[]> {
  const iterator = text[Symbol.asyncIterator]();
  let head = '';
  let done = false;
  while (!done) {
    const next = await iterator.next();
    if (next.done) done = true;
    else head += next.value;
    if (/[\r\n]/.test(head)) break;
    if (head.length > options.maxHeaderChars) {
      throw new TextInputError(
        'no_line_break',
        `it has no line break in its first ${options.maxHeaderChars} characters`,
      );
    }
  }
  const headerLine = head.replace(/^\uFEFF/, '').split(/[\r\n]/, 1)[0] ?? '';
  const delimiter = detectDelimiter(headerLine);
  const reader = new CsvReader({ delimiter, maxRecordChars: options.maxRecordChars });
  yield reader.push(head);
  if (!done)
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield reader.push(next.value);
  yield reader.end();
}
