import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { ListFileError } from './list-file-error';
import type { ListFileDigest } from './parsed-list';

/** How much of a file is read to recognise it before anything else is read: enough for any list's header. */
export const SNIFF_BYTES = 64 * 1024;
/** Read size while streaming: large enough to keep syscalls few, small enough to keep memory flat. */
const CHUNK_BYTES = 256 * 1024;

export type TextEncoding = 'utf-8' | 'latin1';

/** Streams the file through SHA-256. */
export async function digestFile(path: string): Promise<ListFileDigest> {
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
  } catch (error) {
    throw new ListFileError({ file: path }, `cannot be read: ${(error as Error).message}`, { cause: error });
  }
  return { path, bytes, sha256: hash.digest('hex') };
}

export async function fileSize(path: string): Promise<number> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ListFileError({ file: path }, 'is not a file');
    return info.size;
  } catch (error) {
    if (error instanceof ListFileError) throw error;
    throw new ListFileError({ file: path }, `cannot be read: ${(error as Error).message}`, { cause: error });
  }
}

/** The first bytes of a file, to recognise its format before hashing or parsing a possibly huge file. */
export async function readHead(path: string, bytes = SNIFF_BYTES): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } catch (error) {
    throw new ListFileError({ file: path }, `cannot be read: ${(error as Error).message}`, { cause: error });
  } finally {
    await handle?.close();
  }
}

/**
 * Rejects what is plainly not a text file in the expected encoding: empty, UTF-16/32, binary (NUL
 * bytes), or invalid UTF-8 where UTF-8 is expected. Returns the head decoded, without a BOM.
 */
export function checkTextHead(file: string, head: Buffer, encoding: TextEncoding, expected: string): string {
  if (head.length === 0) throw new ListFileError({ file, line: 1 }, `is empty; expected ${expected}`);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new ListFileError(
      { file, line: 1 },
      `is UTF-16 encoded; expected ${expected} in ${encoding === 'latin1' ? 'Latin-1' : 'UTF-8'}`,
    );
  }
  const nul = head.indexOf(0);
  if (nul >= 0) {
    const line = lineAt(head, nul);
    const utf16 = head.length > 3 && (head[1] === 0 || head[0] === 0);
    throw new ListFileError(
      { file, line },
      utf16
        ? `looks UTF-16 encoded (NUL bytes between characters); expected ${expected}`
        : `holds binary data (NUL byte at offset ${nul}); expected ${expected}`,
    );
  }
  if (encoding === 'latin1') return head.toString('latin1');
  const start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  // A multi-byte character may be cut at the end of the head: let the decoder hold it back.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    return decoder.decode(head.subarray(start), { stream: true });
  } catch (error) {
    throw new ListFileError({ file, line: firstInvalidUtf8Line(head) }, `is not valid UTF-8; expected ${expected}`, {
      cause: error,
    });
  }
}

function lineAt(buffer: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (buffer[i] === 0x0a) line++;
  return line;
}

function firstInvalidUtf8Line(buffer: Buffer): number {
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i <= buffer.length; i++) {
    if (i === buffer.length || buffer[i] === 0x0a) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(lineStart, i), {
          stream: i === buffer.length,
        });
      } catch {
        return line;
      }
      line++;
      lineStart = i + 1;
    }
  }
  return line;
}

export interface ReadTextOptions {
  encoding: TextEncoding;
  /** Called with the number of bytes just read. */
  onBytes?: (bytes: number) => void;
  /** Drop a DOS end-of-file mark (0x1A, Ctrl-Z) at the very end, as OFAC's legacy files have. */
  dropTrailingEof?: boolean;
}

/**
 * Streams a file as decoded text chunks. Invalid UTF-8 becomes a ListFileError naming the line;
 * a BOM is dropped.
 */
export async function* readText(path: string, options: ReadTextOptions): AsyncGenerator<string> {
  const decoder = options.encoding === 'utf-8' ? new TextDecoder('utf-8', { fatal: true }) : undefined;
  let lines = 1;
  let first = true;
  let held = '';
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  try {
    for await (const raw of stream) {
      const chunk = raw as Buffer;
      options.onBytes?.(chunk.length);
      let text: string;
      if (decoder) {
        try {
          text = decoder.decode(chunk, { stream: true });
        } catch (error) {
          throw new ListFileError(
            { file: path, line: lines + firstInvalidUtf8Line(chunk) - 1 },
            'is not valid UTF-8 here (wrong encoding or binary data)',
            { cause: error },
          );
        }
      } else {
        text = chunk.toString('latin1');
      }
      if (first) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
      if (options.dropTrailingEof) {
        text = held + text;
        held = '';
        if (text.endsWith('\x1a')) {
          held = '\x1a';
          text = text.slice(0, -1);
        }
      }
      if (text) yield text;
    }
    if (decoder) {
      try {
        const rest = decoder.decode();
        if (rest) yield rest;
      } catch (error) {
        throw new ListFileError(
          { file: path, line: lines },
          'ends in the middle of a UTF-8 character (truncated or wrong encoding)',
          { cause: error },
        );
      }
    }
  } catch (error) {
    if (error instanceof ListFileError) throw error;
    throw new ListFileError({ file: path }, `cannot be read: ${(error as Error).message}`, { cause: error });
  } finally {
    stream.destroy();
  }
}

/** Reports progress over several reads of known total size. */
export class ProgressCounter {
  private read = 0;
  constructor(
    private readonly total: number,
    private readonly onProgress?: (bytesRead: number, totalBytes: number) => void,
  ) {}

  readonly add = (bytes: number): void => {
    this.read += bytes;
    this.onProgress?.(Math.min(this.read, this.total), this.total);
  };
}
