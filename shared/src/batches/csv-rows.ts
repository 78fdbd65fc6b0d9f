import { AppError } from '../errors';
import {
  csvRecordsByChunkDetectingDelimiter,
  decodeUtf8OrLatin1,
  TextInputError,
  type ByteChunks,
  type CsvRecord,
} from '../text-input';

/** Far above any real customer row; low enough that an unclosed quote fails fast instead of filling memory. */
const MAX_RECORD_CHARS = 1024 * 1024;
/** Enough of the file to find the header line and its delimiter. */
const MAX_HEADER_CHARS = 64 * 1024;

export type CsvRow = CsvRecord;

const notCsv = (detail: string, cause?: unknown) =>
  new AppError('validation_failed', `The upload is not a CSV file: ${detail}`, {
    cause,
    fields: [{ field: '(body)', message: detail }],
  });

/** What is wrong with the upload, in the words a customer file's sender can act on. */
function uploadProblem(error: TextInputError): string {
  switch (error.problem) {
    case 'quote_not_closed':
      return `a quoted field opened on line ${error.at} is never closed`;
    case 'record_too_long':
      return `the record starting on line ${error.at} is longer than ${MAX_RECORD_CHARS} characters (a quote is never closed?)`;
    case 'not_csv':
      return `line ${error.at}: ${error.message}`;
    default:
      return error.message;
  }
}

/**
 * Streams CSV records from raw upload bytes: decodes UTF-8 with a Latin-1 fallback, strips a BOM, detects
 * the delimiter (, ; tab |) from the header line, and numbers each record by its first line.
 */
export async function* csvRows(chunks: ByteChunks): AsyncGenerator<CsvRow> {
  const batches = csvRecordsByChunkDetectingDelimiter(decodeUtf8OrLatin1(chunks), {
    maxRecordChars: MAX_RECORD_CHARS,
    maxHeaderChars: MAX_HEADER_CHARS,
  });
  for (;;) {
    let next: IteratorResult<CsvRow[]>;
    try {
      next = await batches.next();
    } catch (error) {
      if (error instanceof TextInputError) throw notCsv(uploadProblem(error), error);
      throw error;
    }
    if (next.done) return;
    for (const row of next.value) yield row;
  }
}
