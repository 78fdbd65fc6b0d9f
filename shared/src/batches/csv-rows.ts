import { AppError } from '../errors';

/** Far above any real customer row; low enough that an unclosed quote fails fast instead of filling memory. */
const MAX_RECORD_CHARS = 1024 * 1024;
/** Enough of the file to find the header line and its delimiter. */
const MAX_HEADER_CHARS = 64 * 1024;
const DELIMITERS = [',', ';', '\t', '|'] as const;

export type CsvDelimiter = (typeof DELIMITERS)[number];

export interface CsvRow {
  fields: string[];
  /** 1-based line on which the record starts (a quoted field may span several lines). */
  line: number;
}

const notCsv = (detail: string) =>
  new AppError('validation_failed', `The upload is not a CSV file: ${detail}`, { fields: [{ field: '(body)', message: detail }] });

/** Bytes at the end of `bytes` that start a UTF-8 sequence the next chunk completes. */
function incompleteUtf8Tail(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? back : 0;
  }
  return 0;
}

/**
 * Decodes bytes as UTF-8 until a byte sequence is not UTF-8, then as Latin-1 from there on:
 * core banking exports are one or the other, and ASCII reads the same in both.
 */
export async function* decodeUtf8OrLatin1(chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>): AsyncGenerator<string> {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let latin1 = false;
  let carry: Buffer = Buffer.alloc(0);
  let first = true;
  for await (const chunk of chunks) {
    let bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (first && bytes.length > 0) {
      first = false;
      if (bytes.subarray(0, 4096).includes(0)) throw notCsv('it contains binary data (NUL bytes)');
    }
    if (carry.length > 0) bytes = Buffer.concat([carry, bytes]);
    if (latin1) {
      yield bytes.toString('latin1');
      carry = Buffer.alloc(0);
      continue;
    }
    const tail = incompleteUtf8Tail(bytes);
    const whole = bytes.subarray(0, bytes.length - tail);
    carry = Buffer.from(bytes.subarray(bytes.length - tail));
    try {
      yield utf8.decode(whole);
    } catch {
      latin1 = true;
      yield whole.toString('latin1');
    }
  }
  // A UTF-8 sequence cut off by the end of the file cannot be UTF-8: read its bytes as Latin-1.
  if (carry.length > 0) yield carry.toString('latin1');
}

/** The candidate seen most often outside quotes on the header line; a comma when there is none (one column). */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char as CsvDelimiter)) counts.set(char as CsvDelimiter, (counts.get(char as CsvDelimiter) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

/** A streaming RFC 4180 parser for one delimiter; lenient about stray quotes inside unquoted fields. */
class CsvParser {
  private fields: string[] = [];
  private field = '';
  private quoted = false;
  /** Inside a quoted field, a quote was just seen: either a doubled quote or the closing one. */
  private quoteSeen = false;
  private fieldStarted = false;
  private line = 1;
  private recordLine = 1;
  private recordChars = 0;
  private lastWasCr = false;

  constructor(private readonly delimiter: string) {}

  *push(text: string): Generator<CsvRow> {
    const delimiter = this.delimiter;
    let i = 0;
    while (i < text.length) {
      const char = text[i] as string;
      if (this.lastWasCr) {
        this.lastWasCr = false;
        if (char === '\n') {
          i++;
          continue;
        }
      }
      if (this.quoted) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (char === '"') {
            this.field += '"';
            i++;
            continue;
          }
          this.quoted = false;
          continue;
        }
        const close = text.indexOf('"', i);
        const end = close < 0 ? text.length : close;
        const part = text.slice(i, end);
        for (let n = part.indexOf('\n'); n >= 0; n = part.indexOf('\n', n + 1)) this.line++;
        this.field += part;
        this.grow(part.length);
        if (close >= 0) this.quoteSeen = true;
        i = end + 1;
        continue;
      }
      if (char === '"' && !this.fieldStarted) {
        this.quoted = true;
        this.fieldStarted = true;
        i++;
        continue;
      }
      if (char === delimiter) {
        this.endField();
        i++;
        continue;
      }
      if (char === '\n' || char === '\r') {
        this.lastWasCr = char === '\r';
        const row = this.endRecord();
        this.line++;
        this.recordLine = this.line;
        if (row) yield row;
        i++;
        continue;
      }
      let end = i + 1;
      while (end < text.length) {
        const c = text[end];
        if (c === delimiter || c === '\n' || c === '\r') break;
        end++;
      }
      this.field += text.slice(i, end);
      this.fieldStarted = true;
      this.grow(end - i);
      i = end;
    }
  }

  *end(): Generator<CsvRow> {
    if (this.quoted && !this.quoteSeen) throw notCsv(`a quoted field opened on line ${this.recordLine} is never closed`);
    const row = this.endRecord();
    if (row) yield row;
  }

  private grow(chars: number): void {
    this.recordChars += chars;
    if (this.recordChars > MAX_RECORD_CHARS) {
      throw notCsv(`the record starting on line ${this.recordLine} is longer than ${MAX_RECORD_CHARS} characters (a quote is never closed?)`);
    }
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.quoted = false;
    this.quoteSeen = false;
    this.fieldStarted = false;
  }

  private endRecord(): CsvRow | undefined {
    this.endField();
    const fields = this.fields;
    this.fields = [];
    this.recordChars = 0;
    if (fields.length === 1 && fields[0] === '') return undefined;
    return { fields, line: this.recordLine };
  }
}

/**
 * Streams CSV records from raw upload bytes: strips a BOM, detects the delimiter (, ; tab |) from
 * the header line, decodes UTF-8 with a Latin-1 fallback, and numbers each record by its first line.
 */
export async function* csvRows(chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>): AsyncGenerator<CsvRow & { delimiter: CsvDelimiter }> {
  let head = '';
  let parser: CsvParser | undefined;
  let delimiter: CsvDelimiter = ',';
  for await (let text of decodeUtf8OrLatin1(chunks)) {
    if (!parser) {
      head += text;
      if (head.charCodeAt(0) === 0xfeff) head = head.slice(1);
      const newline = head.search(/[\r\n]/);
      if (newline < 0) {
        if (head.length > MAX_HEADER_CHARS) throw notCsv(`it has no line break in its first ${MAX_HEADER_CHARS} characters`);
        continue;
      }
      delimiter = detectDelimiter(head.slice(0, newline));
      parser = new CsvParser(delimiter);
      text = head;
      head = '';
    }
    for (const row of parser.push(text)) yield { ...row, delimiter };
  }
  if (!parser) {
    if (head.charCodeAt(0) === 0xfeff) head = head.slice(1);
    delimiter = detectDelimiter(head);
    parser = new CsvParser(delimiter);
    for (const row of parser.push(head)) yield { ...row, delimiter };
  }
  for (const row of parser.end()) yield { ...row, delimiter };
}
