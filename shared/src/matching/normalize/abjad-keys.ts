/**
 * Coarse consonant keys for retrieval (see abjad-reading.ts): every Latin spelling the reading accepts shares a key
 * with the skeleton, so the index can fetch the spellings to read letter by letter.
 */
import {
  aspirateAfter,
  DIGRAPHS,
  isArticleA,
  NO_ARTICLE,
  startsWithDoubledProclitic,
  SUN_LETTERS,
  units,
  VOWELS,
} from './abjad-reading';

/** Coarse class of a consonant, shared by every spelling the reading allows for it (vowels and glides have none). */
// prettier-ignore
const LATIN_CLASS: Readonly<Record<string, string>> = {
  b: 'P', p: 'P', f: 'P', v: 'P',
  k: 'K', q: 'K', g: 'K', c: 'K', x: 'K',
  t: 'T', d: 'T', s: 'T', z: 'T', j: 'T',
  l: 'l', r: 'r', m: 'm', n: 'n',
};

/**
 * The coarse consonant key of a Latin spelling, as the index stores it for every word: consonant classes in order, a
 * repeated class written once unless a vowel stands between ("hassan" → "hTn", "jawad" → "TT").
 */
export function latinAbjadKey(word: string): string {
  const s = word
    .replace(/dzh|sch|tch|tsh|sh|ch|zh|dj|th|dh|ts|tz/g, 'T')
    .replace(/kh|gh|ck/g, 'K')
    .replace(/ph/g, 'P');
  let key = '';
  let vowelSince = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    const cls = ch === 'T' || ch === 'K' || ch === 'P' ? ch : (LATIN_CLASS[ch] ?? (/[aeiouyw]/.test(ch) ? '' : ch));
    if (cls === '') {
      vowelSince = true;
      continue;
    }
    if (vowelSince || !key.endsWith(cls)) key += cls;
    vowelSince = false;
  }
  return key;
}

/** In skeleton key options: a vowel the spelling writes (so a repeated class on either side is not one letter). */
const VOWEL_MARK = '_';
/** Classes a skeleton letter may take: j may be spelled g, w, v and a long u (Persian و) may be a vowel or v. */
// prettier-ignore
const SKELETON_CLASSES: Readonly<Record<string, readonly string[]>> = {
  j: ['T', 'K'],
  w: [VOWEL_MARK, 'P'],
  u: [VOWEL_MARK, 'P'],
  v: [VOWEL_MARK, 'P'],
  g: ['K'],
};
/** Most key variants looked up for one skeleton word. */
const MAX_KEY_VARIANTS = 16;

/** Key options of one skeleton letter at its place: class strings, VOWEL_MARK for a written vowel, '' for nothing. */
function keyOptions(letters: readonly string[], k: number, articleAt: number): readonly string[] {
  const letter = letters[k] as string;
  const last = k === letters.length - 1;
  if (k === 0 && startsWithDoubledProclitic(letters)) return [latinAbjadKey(letter), ''];
  // The article's l may be assimilated to a sun letter, which then doubles (same class, so nothing in the key).
  if (letter === 'l' && k > 0 && isArticleA(letters, k - 1, articleAt) && SUN_LETTERS.has(letters[k + 1] ?? ''))
    return ['l', ''];
  if (letter === 'h' && last && k > 0) return ['h', VOWEL_MARK];
  if (letter === 'a' && last) return [VOWEL_MARK, `${VOWEL_MARK}h`, `${VOWEL_MARK}T`];
  if ((VOWELS.has(letter) && letter !== 'u') || letter === 'y' || (letter === 'u' && k === 0)) return [VOWEL_MARK];
  if (DIGRAPHS.has(letter)) {
    // Also read as its first letter followed by ه ("th" as ت+ه), which a spelling may write as h or, at the end, as a vowel.
    const first = latinAbjadKey(letter.charAt(0));
    // A split kh may be spelled "ch" ("بريخ" as "Barich"), which a Latin key reads as one coronal.
    return [
      latinAbjadKey(letter),
      `${first}h`,
      ...(last ? [`${first}${VOWEL_MARK}`] : []),
      ...(letter === 'kh' ? ['T'] : []),
    ];
  }
  return SKELETON_CLASSES[letter] ?? [latinAbjadKey(letter)];
}

/** The coarse keys of every reading of a skeleton; a Latin spelling it may stand for has one of them. */
export function abjadKeys(skeleton: string, articleAt = NO_ARTICLE): string[] {
  const aspirated = articleAt === NO_ARTICLE ? aspirateAfter(skeleton) : undefined;
  const keys = skeletonKeys(skeleton, articleAt);
  return aspirated === undefined ? keys : [...new Set([...keys, ...skeletonKeys(aspirated, articleAt)])];
}

function skeletonKeys(skeleton: string, articleAt: number): string[] {
  const letters = units(skeleton);
  let keys = [''];
  letters.forEach((_, k) => {
    const next: string[] = [];
    for (const key of keys) {
      for (const option of keyOptions(letters, k, articleAt)) {
        // Each partial key may end in VOWEL_MARK; a class repeated with no vowel between may be one doubled letter or
        // two letters the spelling separates with an unwritten vowel, so both are kept.
        let partials = [key];
        for (const c of option) {
          const grown: string[] = [];
          for (const p of partials) {
            if (c === VOWEL_MARK) grown.push(p.endsWith(VOWEL_MARK) ? p : p + c);
            else if (p.endsWith(VOWEL_MARK)) grown.push(p.slice(0, -1) + c);
            else if (p.endsWith(c)) grown.push(p, p + c);
            else grown.push(p + c);
          }
          partials = grown;
        }
        next.push(...partials);
      }
    }
    keys = [...new Set(next)].slice(0, MAX_KEY_VARIANTS);
  });
  return [...new Set(keys.map((key) => key.split(VOWEL_MARK).join('')))];
}

/** The coarse keys of every reading of such a compound (see {@link abjadKeys}). */
export function abjadCompoundKeys(before: string, after: string): string[] {
  return abjadKeys(`${before}al${after}`, units(before).length);
}
