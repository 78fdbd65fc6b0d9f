import { ListFileError } from './list-file-error';

/** Longest line accepted: far above any real FollowTheMoney entity, low enough that garbage fails fast. */
export const MAX_LINE_CHARS = 16 * 1024 * 1024;

export interface TextLine {
  text: string;
  line: number;
}

/** Splits decoded text chunks into lines (LF or CRLF), numbering them from 1. */
export async function* textLines(file: string, chunks: AsyncIterable<string>): AsyncGenerator<TextLine> {
  let buffer = '';
  let line = 0;
  for await (const chunk of chunks) {
    buffer += chunk;
    let start = 0;
    for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n', start)) {
      line++;
      yield { text: buffer.slice(start, end).replace(/\r$/, ''), line };
      start = end + 1;
    }
    buffer = buffer.slice(start);
    if (buffer.length > MAX_LINE_CHARS)
      throw new ListFileError(
        { file, line: line + 1 },
        `has a line longer than ${MAX_LINE_CHARS} characters: not JSON lines`,
      );
  }
  if (buffer.length > 0) yield { text: buffer.replace(/\r$/, ''), line: line + 1 };
}

/** Parses one JSON line into an object, or throws a ListFileError naming the line. */
export function parseJsonLine(file: string, { text, line }: TextLine, expected: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const truncated = /Unexpected end of JSON input|Unterminated string/i.test((error as Error).message);
    throw new ListFileError(
      { file, line },
      truncated
        ? `holds an incomplete JSON object: the file is truncated (${expected} expected)`
        : `is not valid JSON (${(error as Error).message}); expected ${expected}`,
      { cause: error },
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ListFileError(
      { file, line },
      `holds ${Array.isArray(value) ? 'an array' : typeof value}; expected ${expected}`,
    );
  return value as Record<string, unknown>;
}
