/**
 * The index's storage primitives: a polynomial string hash (the deletion neighbourhoods of the typo table are put
 * together from prefix hashes), a hash multimap from 32-bit keys to token ids, and a growable Int32 buffer.
 */
/**
 * A polynomial 32-bit string hash (h = h * B + c, mod 2^32; collisions are verified away by the similarity check).
 * Polynomial so that the hash of a string with one or two characters deleted can be put together from prefix and
 * suffix hashes in constant time, which makes the deletion neighbourhoods of the typo table cheap.
 */
const HASH_BASE = 0x01000193;

export function hashString(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, HASH_BASE) + s.charCodeAt(i)) | 0;
  return h >>> 0;
}

/** Prefix hashes (prefix[k] = hash of s[0..k)) and powers of the base, for deletion hashes. */
function hashPrefixes(s: string): { prefix: Int32Array; power: Int32Array } {
  const prefix = new Int32Array(s.length + 1);
  const power = new Int32Array(s.length + 1);
  power[0] = 1;
  for (let i = 0; i < s.length; i++) {
    prefix[i + 1] = (Math.imul(prefix[i] as number, HASH_BASE) + s.charCodeAt(i)) | 0;
    power[i + 1] = Math.imul(power[i] as number, HASH_BASE);
  }
  return { prefix, power };
}

/** Hash of s[a..b) from prefix hashes. */
function rangeHash(prefix: Int32Array, power: Int32Array, a: number, b: number): number {
  return ((prefix[b] as number) - Math.imul(prefix[a] as number, power[b - a] as number)) | 0;
}

/** Bits of the HashPostings filter per entry: with 16, about 6% of absent keys get through to the buckets. */
const FILTER_BITS_PER_KEY = 16;
/** Mixes a key's bits before taking the filter bit, so it does not repeat the bucket's low bits. */
const FILTER_MIX = 0x9e3779b1 | 0;

/**
 * A hash multimap from 32-bit keys to token ids in CSR layout: bucket starts, then (key, value) pairs interleaved in
 * one Int32Array so a probe reads one cache line. No objects per entry.
 */
export class HashPostings {
  private readonly mask: number;
  private readonly starts: Int32Array;
  private readonly entries: Int32Array;
  /**
   * One bit per key (FILTER_BITS_PER_KEY bits per entry, so a few percent of absent keys pass): most probes are for
   * keys no listed word has (the deletions of an unknown query word), and the bitmap, unlike the buckets, stays in
   * cache, so they end there.
   */
  private readonly filter: Int32Array;
  private readonly filterShift: number;
  /** Entries held: 0 lets a caller skip probing a table the list left empty. */
  readonly size: number;

  constructor(pairKeys: Uint32Array, pairValues: Int32Array, count: number) {
    this.size = count;
    let buckets = 1;
    while (buckets < count) buckets <<= 1;
    this.mask = buckets - 1;
    let filterBits = 5;
    while (1 << filterBits < count * FILTER_BITS_PER_KEY) filterBits++;
    this.filter = new Int32Array(1 << (filterBits - 5));
    this.filterShift = 32 - filterBits;
    for (let i = 0; i < count; i++) {
      const bit = Math.imul(pairKeys[i] as number, FILTER_MIX) >>> this.filterShift;
      this.filter[bit >>> 5] = (this.filter[bit >>> 5] as number) | (1 << (bit & 31));
    }
    this.starts = new Int32Array(buckets + 1);
    for (let i = 0; i < count; i++) {
      const bucket = ((pairKeys[i] as number) & this.mask) + 1;
      this.starts[bucket] = (this.starts[bucket] as number) + 1;
    }
    for (let b = 0; b < buckets; b++) this.starts[b + 1] = (this.starts[b + 1] as number) + (this.starts[b] as number);
    this.entries = new Int32Array(2 * count);
    const fill = this.starts.slice(0, buckets);
    for (let i = 0; i < count; i++) {
      const key = pairKeys[i] as number;
      const at = fill[key & this.mask] as number;
      fill[key & this.mask] = at + 1;
      this.entries[2 * at] = key | 0;
      this.entries[2 * at + 1] = pairValues[i] as number;
    }
  }

  forEach(key: number, visit: (value: number) => void): void {
    const bit = Math.imul(key, FILTER_MIX) >>> this.filterShift;
    if (((this.filter[bit >>> 5] as number) & (1 << (bit & 31))) === 0) return;
    const bucket = key & this.mask;
    const signed = key | 0;
    const end = this.starts[bucket + 1] as number;
    for (let i = this.starts[bucket] as number; i < end; i++)
      if (this.entries[2 * i] === signed) visit(this.entries[2 * i + 1] as number);
  }

  bytes(): number {
    return this.starts.byteLength + this.entries.byteLength + this.filter.byteLength;
  }
}

/** A growable Int32 buffer for building typed arrays without knowing their final size. */
export class IntBuffer {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** Hashes of a word and of each single-character deletion (distinct). */
export function deletionKeys(text: string): number[] {
  const keys = [hashString(text)];
  if (text.length < 3) return keys;
  const { prefix, power } = hashPrefixes(text);
  const n = text.length;
  for (let k = 0; k < n; k++) {
    if (k > 0 && text.charCodeAt(k) === text.charCodeAt(k - 1)) continue; // deleting either of a double letter is the same
    // hash(s without k) = hash(s[0..k)) * B^(n-k-1) + hash(s[k+1..n))
    keys.push((Math.imul(prefix[k] as number, power[n - k - 1] as number) + rangeHash(prefix, power, k + 1, n)) >>> 0);
  }
  return keys;
}

/** Hashes of a word with two characters deleted, for long query words only (repeats are harmless: lookups dedupe). */
export function doubleDeletionKeys(text: string): number[] {
  const keys: number[] = [];
  const { prefix, power } = hashPrefixes(text);
  const n = text.length;
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      // s[0..a) · s[a+1..b) · s[b+1..n)
      const left = Math.imul(prefix[a] as number, power[n - a - 2] as number);
      const middle = Math.imul(rangeHash(prefix, power, a + 1, b), power[n - b - 1] as number);
      keys.push((left + middle + rangeHash(prefix, power, b + 1, n)) >>> 0);
    }
  }
  return keys;
}

/** A power of two at least twice `count` (open addressing stays short). */
export function tableSize(count: number): number {
  let size = 8;
  while (size < count * 2) size <<= 1;
  return size;
}
