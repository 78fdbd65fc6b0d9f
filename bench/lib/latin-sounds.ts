/**
 * A romanised name read as the sounds it spells, for writing it in other scripts (script-alphabets.ts,
 * script-syllables.ts). The reading is the one English-language practice gives a romanised foreign name: digraphs
 * (sh, ch, kh, zh, th, dh, gh, ph, ts, dj) are one sound, c is k or s by the vowel after it, x is ks, a y before a vowel
 * is a consonant and a vowel otherwise, doubled letters one long sound. Bench-only: the generator of written forms, not
 * a reader of the matcher.
 */

export type Vowel = 'a' | 'e' | 'i' | 'o' | 'u';
export type Sound =
  { kind: 'consonant'; value: string; long: boolean } | { kind: 'vowel'; value: Vowel; long: boolean };

const DIGRAPHS: Record<string, string> = {
  sch: 'sh',
  tch: 'ch',
  sh: 'sh',
  ch: 'ch',
  kh: 'kh',
  zh: 'zh',
  th: 'th',
  dh: 'dh',
  gh: 'gh',
  ph: 'f',
  ts: 'ts',
  tz: 'ts',
  dj: 'j',
  ck: 'k',
};
const VOWEL_PAIRS: Record<string, Vowel> = { ou: 'u', oo: 'u', ee: 'i', aa: 'a', ii: 'i', uu: 'u' };
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/** The sounds of one romanised word (letters only; marks and other characters are dropped). */
export function soundsOf(word: string): Sound[] {
  const w = word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  const out: Sound[] = [];
  const push = (s: Sound): void => {
    const last = out[out.length - 1];
    if (last?.kind === s.kind && last.value === s.value) last.long = true;
    else out.push(s);
  };
  for (let i = 0; i < w.length;) {
    const three = DIGRAPHS[w.slice(i, i + 3)];
    const two = DIGRAPHS[w.slice(i, i + 2)];
    if (three !== undefined) {
      push({ kind: 'consonant', value: three, long: false });
      i += 3;
      continue;
    }
    if (two !== undefined) {
      push({ kind: 'consonant', value: two, long: false });
      i += 2;
      continue;
    }
    const pair = VOWEL_PAIRS[w.slice(i, i + 2)];
    if (pair !== undefined) {
      out.push({ kind: 'vowel', value: pair, long: true });
      i += 2;
      continue;
    }
    const ch = w[i] as string;
    const next = w[i + 1] ?? '';
    i++;
    if (VOWELS.has(ch)) push({ kind: 'vowel', value: ch as Vowel, long: false });
    else if (ch === 'y') {
      if (VOWELS.has(next)) out.push({ kind: 'consonant', value: 'y', long: false });
      else push({ kind: 'vowel', value: 'i', long: false });
    } else if (ch === 'c') push({ kind: 'consonant', value: /[eiy]/.test(next) ? 's' : 'k', long: false });
    else if (ch === 'x') {
      push({ kind: 'consonant', value: 'k', long: false });
      out.push({ kind: 'consonant', value: 's', long: false });
    } else push({ kind: 'consonant', value: ch, long: false });
  }
  return out;
}

/**
 * Syllables of a word's sounds: an onset of at most one consonant (y and w glides stay with it), a vowel, and the
 * consonants before the next onset as a coda. Words opening or closing in consonant clusters give vowel-less
 * syllables (vowel undefined), which each script writes its own way (a virama, an epenthetic u or ŭ).
 */
export interface Syllable {
  onset?: string;
  glide?: 'y' | 'w';
  vowel?: Vowel;
  long: boolean;
  coda: string[];
  /** The onset consonant was written doubled ("Hassan"): the consonant closes the syllable before too. */
  geminate: boolean;
}

export function syllablesOf(sounds: readonly Sound[]): Syllable[] {
  const out: Syllable[] = [];
  let i = 0;
  while (i < sounds.length) {
    const s = sounds[i] as Sound;
    const next = sounds[i + 1];
    if (s.kind === 'vowel') {
      out.push({ vowel: s.value, long: s.long, coda: [], geminate: false });
      i++;
    } else if (next?.kind === 'vowel') {
      const glide = s.value === 'y' ? 'y' : s.value === 'w' ? 'w' : undefined;
      out.push({
        ...(glide === undefined ? { onset: s.value } : { glide }),
        vowel: next.value,
        long: next.long,
        coda: [],
        geminate: s.long,
      });
      i += 2;
    } else {
      // A consonant not followed by a vowel: the coda of the syllable before when there is one, else its own.
      const last = out[out.length - 1];
      if (last !== undefined && last.vowel !== undefined && last.coda.length === 0) last.coda.push(s.value);
      else out.push({ onset: s.value, long: false, coda: [], geminate: false });
      i++;
    }
  }
  return out;
}
