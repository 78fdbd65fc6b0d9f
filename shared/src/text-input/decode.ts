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
 * The reading both decoders share: whole UTF-8 sequences of each chunk go to `asUtf8` (undefined when they are not
 * UTF-8), and from the first chunk that is not, every byte goes to `asLatin1`. Refuses binary data (NUL bytes in the
 * first 4 KiB).
 */
async function* readUtf8OrLatin1<T>(
  chunks: ByteChunks,
  asUtf8: (bytes: Buffer) => T | undefined,
  asLatin1: (bytes: Buffer) => T,
): AsyncGenerator<T> {
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
      yield asLatin1(bytes);
      carry = Buffer.alloc(0);
      continue;
    }
    const tail = incompleteUtf8Tail(bytes);
    const whole = bytes.subarray(0, bytes.length - tail);
    carry = Buffer.from(bytes.subarray(bytes.length - tail));
    const read = asUtf8(whole);
    if (read !== undefined) yield read;
    else {
      latin1 = true;
      yield asLatin1(whole);
    }
  }
  // A UTF-8 sequence cut off by the end of the file cannot be UTF-8: read its bytes as Latin-1.
  if (carry.length > 0) yield asLatin1(carry);
}

/**
 * Decodes bytes as UTF-8 until a byte sequence is not UTF-8, then as Latin-1 from there on: core banking
 * exports are one or the other, and ASCII reads the same in both. Refuses binary data (NUL bytes in the
 * first 4 KiB). A UTF-8 BOM is dropped.
 */
export function decodeUtf8OrLatin1(chunks: ByteChunks): AsyncGenerator<string> {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  return readUtf8OrLatin1(
    chunks,
    (bytes) => {
      try {
        return utf8.decode(bytes);
      } catch {
        return undefined;
      }
    },
    (bytes) => bytes.toString('latin1'),
  );
}

/**
 * The same reading as `decodeUtf8OrLatin1`, as UTF-8 bytes rather than text, for a parser that decodes UTF-8
 * itself (JSON): valid UTF-8 passes through uncopied; from the first chunk that is not, bytes are read as
 * Latin-1 and re-encoded. The BOM is left for the parser.
 */
export function utf8OrLatin1Bytes(chunks: ByteChunks): AsyncGenerator<Uint8Array> {
  return readUtf8OrLatin1<Uint8Array>(
    chunks,
    (bytes) => (isUtf8(bytes) ? bytes : undefined),
    (bytes) => Buffer.from(bytes.toString('latin1'), 'utf8'),
  );
}
