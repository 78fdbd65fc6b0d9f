import { CsvReader, TextInputError, type CsvRecord } from '../../text-input';
import { checkTextHead, digestFile, fileSize, readHead, readText, SNIFF_BYTES, type TextEncoding } from './file-input';
import { textLines, type TextLine } from './json-lines';
import { ListFileError } from './list-file-error';
import type { ListFileDigest } from './parsed-list';

export { ProgressCounter } from './file-input';
export type { CsvRecord } from '../../text-input';

/** Longest CSV record accepted: far above any real list row, low enough that garbage fails fast instead of filling memory. */
const MAX_RECORD_CHARS = 1024 * 1024;

/** The DOS end-of-file mark (Ctrl-Z) that ends most of OFAC's legacy files. */
const EOF_MARK = '\x1a';

export interface ListFileFormat {
  encoding: TextEncoding;
  /** What the file should be, for the messages: "an OFAC legacy CSV file". */
  expected: string;
  /** How much is read to recognise the file (64 KiB unless given). */
  sniffBytes?: number;
  /** Drop a DOS end-of-file mark at the very end, as OFAC's legacy files have. */
  dropTrailingEof?: boolean;
  /** A file holding nothing (or only an end-of-file mark) is accepted as blank rather than refused. */
  blankAllowed?: boolean;
}

/**
 * One list file on its way to records, in one path: opened and recognised from its head (encoding,
 * binary, the first records) before anything large is read, then streamed, decoded and parsed as CSV
 * records, lines or text. Whatever is wrong becomes a ListFileError naming the file and the line.
 */
export class ListFile {
  private constructor(
    readonly path: string,
    readonly size: number,
    /** The head decoded, without a BOM (and without a trailing end-of-file mark where the format has one). */
    readonly head: string,
    /** Nothing in the file but blanks: a companion file with no rows. */
    readonly blank: boolean,
    private readonly format: ListFileFormat,
  ) {}

  static async open(path: string, format: ListFileFormat): Promise<ListFile> {
    const size = await fileSize(path);
    const bytes = await readHead(path, Math.min(size, format.sniffBytes ?? SNIFF_BYTES));
    if (format.blankAllowed && bytes.toString('latin1').replaceAll(EOF_MARK, '').trim() === '')
      return new ListFile(path, size, '', true, format);
    let head = checkTextHead(path, bytes, format.encoding, format.expected);
    if (format.dropTrailingEof && head.endsWith(EOF_MARK)) head = head.slice(0, -1);
    return new ListFile(path, size, head, false, format);
  }

  /** Whether the head read at open is the whole file. */
  get headIsWholeFile(): boolean {
    return this.size <= (this.format.sniffBytes ?? SNIFF_BYTES);
  }

  /** The first CSV records, from the complete lines of the head: to recognise the file before reading all of it. */
  async headCsvRecords(count: number): Promise<CsvRecord[]> {
    const end = this.headIsWholeFile ? this.head.length : this.head.lastIndexOf('\n') + 1;
    if (end === 0)
      throw new ListFileError(
        { file: this.path, line: 1 },
        'has no line break in its first 64 KiB: not a CSV list file',
      );
    const reader = new CsvReader({ maxRecordChars: MAX_RECORD_CHARS, strictQuotes: true });
    try {
      const records = reader.push(this.head.slice(0, end));
      if (this.headIsWholeFile) records.push(...reader.end());
      return records.slice(0, count);
    } catch (error) {
      throw this.csvError(error);
    }
  }

  /** The file as decoded text chunks; `onBytes` is told how many bytes each read took. */
  text(onBytes?: (bytes: number) => void): AsyncGenerator<string> {
    return readText(this.path, {
      encoding: this.format.encoding,
      ...(onBytes ? { onBytes } : {}),
      ...(this.format.dropTrailingEof ? { dropTrailingEof: true } : {}),
    });
  }

  /**
   * The file's CSV records, streaming, as the records each read completed (one array a chunk: a step of an async
   * generator costs a few microtasks, so a record each would cost more than parsing it); blank lines are skipped.
   */
  async *csvRecordChunks(onBytes?: (bytes: number) => void): AsyncGenerator<CsvRecord[]> {
    const reader = new CsvReader({ maxRecordChars: MAX_RECORD_CHARS, strictQuotes: true });
    try {
      for await (const text of this.text(onBytes)) {
        const records = reader.push(text);
        if (records.length > 0) yield records;
      }
      const last = reader.end();
      if (last.length > 0) yield last;
    } catch (error) {
      throw this.csvError(error);
    }
  }

  /** The file's lines (LF or CRLF), numbered from 1, streaming. */
  lines(onBytes?: (bytes: number) => void): AsyncGenerator<TextLine> {
    return textLines(this.path, this.text(onBytes));
  }

  /** Hashes the file, streaming. */
  digest(): Promise<ListFileDigest> {
    return digestFile(this.path);
  }

  private csvError(error: unknown): unknown {
    if (!(error instanceof TextInputError)) return error;
    const at = { file: this.path, ...(error.at !== undefined ? { line: error.at } : {}) };
    if (error.problem === 'quote_not_closed')
      return new ListFileError(at, 'a quoted field is never closed: the file is truncated or not CSV', {
        cause: error,
      });
    if (error.problem === 'record_too_long')
      return new ListFileError(
        at,
        `a record is longer than ${MAX_RECORD_CHARS} characters: not a list file, or a quote is never closed`,
        { cause: error },
      );
    if (error.problem === 'text_after_quote')
      return new ListFileError(at, 'text follows a closing quote: not valid CSV', { cause: error });
    return new ListFileError(at, `is not valid CSV (${error.message})`, { cause: error });
  }
}

/** Hashes every file, streaming: done after the files were recognised, before any is parsed. */
export async function digestAll(files: readonly ListFile[]): Promise<ListFileDigest[]> {
  const digests: ListFileDigest[] = [];
  for (const file of files) digests.push(await file.digest());
  return digests;
}
