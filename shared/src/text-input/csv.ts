import { finished } from 'node:stream/promises';
import { CsvError, Parser } from 'csv-parse';
import { TextInputError } from './text-input-error';

export interface CsvRecord {
  fields: string[];
  /** 1-based line on which the record starts (a quoted field may span several lines). */
  line: number;
}

export interface CsvReadOptions {
  /** One character; a comma unless given. */
  delimiter?: string;
  /** Longest record accepted, in characters: an unclosed quote fails here instead of filling memory. */
  maxRecordChars: number;
}

const LF = '\n';

/**
 * A streaming CSV reader on csv-parse (RFC 4180: quoted fields may hold delimiters, doubled quotes and
 * line breaks; CRLF, LF or CR ends a record; a quote inside an unquoted field is text, as in OFAC's
 * `12" pipes`). Blank lines are skipped. Each record carries the line it starts on, counted here from
 * the line breaks inside its fields, because csv-parse's own count goes wrong on a CRLF inside quotes.
 */
export class CsvReader {
  private readonly parser: Parser;
  private readonly ready: CsvRecord[] = [];
  private line = 1;
  private failure: unknown;

  constructor(options: CsvReadOptions) {
    this.parser = new Parser({
      delimiter: options.delimiter ?? ',',
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      max_record_size: options.maxRecordChars,
      // Records are taken here, as they are parsed, rather than read from the stream: so every record
      // before a malformed one is handed over, and the line count stays exact.
      on_record: (fields: string[]) => {
        this.take(fields);
        return undefined;
      },
    });
    // The failure is taken from the write or end that met it; this keeps the event from going unhandled.
    this.parser.on('error', () => undefined);
  }

  /** Parses the text so far, handing over the records it completed. */
  async *push(text: string): AsyncGenerator<CsvRecord> {
    if (this.failure === undefined) {
      await new Promise<void>((resolve) =>
        this.parser.write(text, (error) => {
          if (error) this.failure ??= error;
          resolve();
        }),
      );
    }
    yield* this.drain();
  }

  /** The end of the text: hands over the last record, or throws if the text ends inside a quoted field. */
  async *end(): AsyncGenerator<CsvRecord> {
    if (this.failure === undefined) {
      this.parser.end();
      await finished(this.parser, { readable: false }).catch((error: unknown) => {
        this.failure ??= error;
      });
      this.parser.resume();
    }
    yield* this.drain();
  }

  private take(fields: string[]): void {
    const line = this.line;
    let breaks = 1;
    for (const field of fields) for (let i = field.indexOf(LF); i >= 0; i = field.indexOf(LF, i + 1)) breaks++;
    this.line += breaks;
    if (fields.length === 1 && fields[0] === '') return;
    this.ready.push({ fields, line });
  }

  /** The records parsed so far, then the failure if there was one: every record before a malformed one counts. */
  private *drain(): Generator<CsvRecord> {
    yield* this.ready.splice(0);
    if (this.failure !== undefined) throw this.describe(this.failure);
  }

  private describe(error: unknown): TextInputError {
    const code = error instanceof CsvError ? error.code : undefined;
    if (code === 'CSV_QUOTE_NOT_CLOSED')
      return new TextInputError('quote_not_closed', 'a quoted field is never closed', this.line, { cause: error });
    if (code === 'CSV_MAX_RECORD_SIZE')
      return new TextInputError('record_too_long', 'a record is too long', this.line, { cause: error });
    return new TextInputError('not_csv', (error as Error).message, this.line, { cause: error });
  }
}

/** Streams CSV records from decoded text chunks; malformed CSV becomes a TextInputError naming the record's first line. */
export async function* csvRecords(
  chunks: AsyncIterable<string> | Iterable<string>,
  options: CsvReadOptions,
): AsyncGenerator<CsvRecord> {
  const reader = new CsvReader(options);
  for await (const chunk of chunks) yield* reader.push(chunk);
  yield* reader.end();
}
