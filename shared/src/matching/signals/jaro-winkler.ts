/** How much a shared prefix lifts the Jaro score: Winkler's standard 0.1 (keeps the score within 0..1 for a 4-char prefix). */
const WINKLER_PREFIX_SCALE = 0.1;
/**
 * Smallest match window: the textbook window (half the longer length, less one) is zero for three-letter tokens, so
 * "sok"/"sko" or "yu"/"yyu" would share a single letter; one position of slack makes short syllables comparable.
 */
const MIN_MATCH_WINDOW = 1;
/** Longest prefix Winkler rewards: beyond four characters a prefix says nothing more about a typo. */
const WINKLER_MAX_PREFIX = 4;

// Scratch flags reused across calls: the matcher calls this in its hot loop, so no allocation per call.
let matchedA = new Uint8Array(64);
let matchedB = new Uint8Array(64);

/**
 * Jaro similarity of two strings (0..1): shared characters within a sliding window, less half the transpositions.
 * The window is never narrower than one position (see MIN_MATCH_WINDOW).
 * Pure and allocation-free for strings under 64 characters.
 */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (la > matchedA.length) matchedA = new Uint8Array(la * 2);
  if (lb > matchedB.length) matchedB = new Uint8Array(lb * 2);
  matchedA.fill(0, 0, la);
  matchedB.fill(0, 0, lb);
  const window = Math.max(MIN_MATCH_WINDOW, (Math.max(la, lb) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const ca = a.charCodeAt(i);
    const from = Math.max(0, i - window);
    const to = Math.min(lb - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (matchedB[j] === 0 && b.charCodeAt(j) === ca) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (matchedA[i] === 0) continue;
    while (matchedB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  return (m / la + m / lb + (m - transpositions / 2) / m) / 3;
}

/**
 * Jaro-Winkler similarity (0..1): Jaro lifted for a shared prefix, since name typos cluster away from the first letters.
 */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j === 0 || j === 1) return j;
  const limit = Math.min(WINKLER_MAX_PREFIX, a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * WINKLER_PREFIX_SCALE * (1 - j);
}
