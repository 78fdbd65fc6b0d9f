import { isUtf8 } from 'node:buffer';
import { TextInputError } from './text-input-error';

export type ByteChunks = AsyncIterable<Buffer | string> | Iterable<Buffer | string>;

/** Bytes at the end of `bytes` that start a UTF-8 sequence the next chunk completes. */
export function incompleteUtf8Tail(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? back : 0;
  }
  return 0;
}

/**
 * Decodes bytes as UTF-8 until a byte sequence is not UTF-8, then as Latin-1 from there on: core banking
 * exports are one or the other, and ASCII reads the same in both. Refuses binary data (NUL bytes in the
 * first 4 KiB). A UTF-8 BOM is dropped.
 */
export async function* decodeUtf8OrLatin1(chunks: ByteChunks): AsyncGenerator<string> {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let latin1 = false;
  let carry: Buffer = Buffer.alloc(0);
  let first = true;
  for await (const chunk of chunks) {
    let bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (first && bytes.length > 0) {
      first = false;
      if (bytes.subarray(0, 4096).includes(0))
        throw new TextInputError('binary', 'it contains binary data (NUL bytes)');
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

/**
 * The same reading as `decodeUtf8OrLatin1`, as UTF-8 bytes rather than text, for a parser that decodes UTF-8
 * itself (JSON): valid UTF-8 passes through uncopied; from the first chunk that is not, bytes are read as
 * Latin-1 and re-encoded. The BOM is left for the parser.
 */
export async function* utf8OrLatin1Bytes(chunks: ByteChunks): AsyncGenerator<Uint8Array> {
  let latin1 = false;
  let carry: Buffer = Buffer.alloc(0);
  let first = true;
  const fromLatin1 = (bytes: Buffer) => Buffer.from(bytes.toString('latin1'), 'utf8');
  for await (const chunk of chunks) {
    let bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (first && bytes.length > 0) {
      first = false;
      if (bytes.subarray(0, 4096).includes(0))
        throw new TextInputError('binary', 'it contains binary data (NUL bytes)');
    }
    if (carry.length > 0) bytes = Buffer.concat([carry, bytes]);
    if (latin1) {
      yield fromLatin1(bytes);
      carry = Buffer.alloc(0);
      continue;
    }
    const tail = incompleteUtf8Tail(bytes);
    const whole = bytes.subarray(0, bytes.length - tail);
    carry = Buffer.from(bytes.subarray(bytes.length - tail));
    if (isUtf8(whole)) yield whole;
    else {
      latin1 = true;
      yield fromLatin1(whole);
    }
  }
  if (carry.length > 0) yield fromLatin1(carry);
}
