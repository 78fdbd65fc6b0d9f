import { CYRILLIC_KEY_MIN_LENGTH, listedCyrillicKey, queryCyrillicKeys } from '../signals/cyrillic-reading';
import { CONFIDENT_SIMILARITY } from '../signals/token-similarity';
import { hashString, HashPostings, IntBuffer } from './postings';
import { raiseSimilarity } from './raise-similarity';

/**
 * Words of names written in Cyrillic under their Cyrillic reading key (cyrillic-reading.ts), each key read once here
 * at build, so a Latin query word romanised by another system ("JANUKOVYC", "Janukowitsch") finds the listed reading
 * ("yanukovich") by one probe per key of its own.
 */
export function cyrillicReadingTable(ids: Iterable<number>, tokenText: readonly string[]): HashPostings {
  const keys = new IntBuffer();
  const values = new IntBuffer();
  for (const id of ids) {
    const key = listedCyrillicKey(tokenText[id] as string);
    if (key === undefined) continue;
    keys.push(hashString(key));
    values.push(id);
  }
  return new HashPostings(new Uint32Array(keys.data.buffer, 0, keys.length), values.data, keys.length);
}

/**
 * A listed Cyrillic word sharing a Latin word's Cyrillic reading key is that word romanised by another system
 * ("janukovyc" / "yanukovich"): a confident variant, whatever the length gap or letters the spellings differ by.
 */
export const CYRILLIC_READING_SIMILARITY = CONFIDENT_SIMILARITY;

/**
 * Raises to CYRILLIC_READING_SIMILARITY, in a Latin word's look-up `found`, the listed Cyrillic words sharing one of
 * its reading keys. Only for a word no listed spelling met confidently: most query words meet their listed spelling,
 * and reading their keys would cost every look-up.
 */
export function lookUpCyrillicReadings(table: HashPostings, word: string, found: Map<number, number>): void {
  if (table.size === 0 || word.length < CYRILLIC_KEY_MIN_LENGTH) return;
  for (const similarity of found.values()) if (similarity >= CONFIDENT_SIMILARITY) return;
  const raise = (id: number): void => void raiseSimilarity(found, id, CYRILLIC_READING_SIMILARITY);
  for (const key of queryCyrillicKeys(word)) table.forEach(hashString(key), raise);
}
