import { ListFileError } from './list-file-error';

/** Longest record accepted: far above any real list row, low enough that garbage fails fast instead of filling memory. */
const MAX_RECORD_CHARS = 1024 * 1024;

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

export interface CsvRecord {
  fields: string[];
  /** 1-based line on which the record starts. */
  line: number;
}

/** The text so far ends inside this record: wait for more. */
const INCOMPLETE = null;

/**
 * A streaming RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks;
 * CRLF or LF ends a record; a quote inside an unquoted field is kept as text (lists have 12" pipes).
 */
class CsvReader {
  private text = '';
  private line = 1;

  constructor(private readonly file: string) {}

  /** Parses every complete record of the text so far; with `final`, the rest of the text too. */
  *push(chunk: string, final: boolean): Generator<CsvRecord> {
    this.text = this.text ? this.text + chunk : chunk;
    let position = 0;
    while (position < this.text.length) {
      const result = this.record(position, final);
      if (result === INCOMPLETE) break;
      position = result.next;
      this.line = result.nextLine;
      if (result.fields.length === 1 && result.fields[0] === '') continue;
      yield { fields: result.fields, line: result.line };
    }
    this.text = this.text.slice(position);
    if (this.text.length > MAX_RECORD_CHARS) {
      throw new ListFileError({ file: this.file, line: this.line }, `a record is longer than ${MAX_RECORD_CHARS} characters: not a list file, or a quote is never closed`);
    }
    if (final && this.text.length > 0) throw new ListFileError({ file: this.file, line: this.line }, 'ends inside a record');
  }

  private record(start: number, final: boolean): { fields: string[]; next: number; line: number; nextLine: number } | typeof INCOMPLETE {
    const text = this.text;
    const fields: string[] = [];
    let i = start;
    let line = this.line;
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        let value = '';
        let from = i + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close < 0) {
            if (final) throw new ListFileError({ file: this.file, line: this.line }, 'a quoted field is never closed: the file is truncated or not CSV');
            return INCOMPLETE;
          }
          if (close + 1 >= text.length && !final) return INCOMPLETE;
          value += text.slice(from, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += '"';
            from = close + 2;
            continue;
          }
          i = close + 1;
          break;
        }
        for (let n = value.indexOf('\n'); n >= 0; n = value.indexOf('\n', n + 1)) line++;
        fields.push(value);
        const next = text.charCodeAt(i);
        if (i < text.length && next !== COMMA && next !== CR && next !== LF) {
          throw new ListFileError({ file: this.file, line }, 'text follows a closing quote: not valid CSV');
        }
      } else {
        let end = i;
        while (end < text.length) {
          const code = text.charCodeAt(end);
          if (code === COMMA || code === LF || code === CR) break;
          end++;
        }
        if (end >= text.length && !final) return INCOMPLETE;
        fields.push(text.slice(i, end));
        i = end;
      }
      const code = text.charCodeAt(i);
      if (code === COMMA) {
        i++;
        if (i >= text.length && !final) return INCOMPLETE;
        continue;
      }
      if (code === CR) {
        if (i + 1 >= text.length && !final) return INCOMPLETE;
        i += text.charCodeAt(i + 1) === LF ? 2 : 1;
      } else if (code === LF) {
        i++;
      }
      // i is past the line break, or at the end of the final text.
      return { fields, next: i, line: this.line, nextLine: line + 1 };
    }
  }
}

/** Streams CSV records from decoded text chunks; malformed CSV becomes a ListFileError naming the line. */
export async function* csvRecords(file: string, chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<CsvRecord> {
  const reader = new CsvReader(file);
  for await (const chunk of chunks) yield* reader.push(chunk, false);
  yield* reader.push('', true);
}

/** Parses the complete lines of a file's head, to recognise the file before reading all of it. */
export async function firstCsvRecords(file: string, head: string, count: number, headIsWholeFile: boolean): Promise<CsvRecord[]> {
  const end = headIsWholeFile ? head.length : head.lastIndexOf('\n') + 1;
  if (end === 0) throw new ListFileError({ file, line: 1 }, 'has no line break in its first 64 KiB: not a CSV list file');
  const reader = new CsvReader(file);
  const records: CsvRecord[] = [];
  for (const record of reader.push(head.slice(0, end), headIsWholeFile)) {
    records.push(record);
    if (records.length >= count) break;
  }
  return records;
}
