/**
 * Reading-class keys: a word's consonants as classes, with the letters a script writes alike folded together, so a
 * word read out of that script with a one-letter slip ("valerievits" for "valerievich", Greek τσ) still meets its
 * listed spelling (decision 0034). Vowels and y go (katakana and Khmer add or change them), except that a word opening
 * on a vowel keeps one "a"; h goes (Hangul, Thai and kana drop or add it); a class written twice in a row counts once.
 *
 * Two strengths: the retrieval key folds every script's confusions at once (one table for the list), and the key of the
 * query's own script folds only what that script confuses, so a Cyrillic "orobets" (б and в apart) does not read as
 * "airways", nor a Devanagari "karmachary" (च is never h) as "gholamali".
 */

/** Keys shorter than this (one or two consonant classes) would retrieve a large share of any list. */
export const READING_CLASS_MIN_KEY = 3;

/** How a word's ambiguous letters are read: "ch" as Slavic ч or as Greek χ (an h, dropped); "c" as k or as ch. */
interface Reading {
  chAsH: boolean;
  cAsCh: boolean;
  /** w after a vowel read as its glide ("khowsnowllin" / "khusnullin"), not as the v Thai ว writes ("yewkeniya"). */
  wGlide: boolean;
  /** f read as the h katakana writes フ for before a consonant or at a word's end ("afumedo" / "ahmed"), dropped. */
  fAsH: boolean;
}

/** What a script writes alike: classes folded together, readings of ch and c, and nasals dropped before stops. */
interface ScriptFolds {
  /** Fine class → the class it folds into. */
  fold: Readonly<Record<string, string>>;
  readings: readonly Reading[];
  /** Greek writes b d g as μπ ντ γκ, read mb nd ng inside a word ("ambndallach" / "abdallah"). */
  nasalBeforeStop: boolean;
}

const LISTED: Reading = { chAsH: false, cAsCh: false, wGlide: true, fAsH: false };
const SIBILANTS = { z: 's', S: 's', J: 's', C: 's', T: 's' };

/**
 * Per script, what its letters write alike (fine classes: S sh, J j/zh/dz, C ch, T ts/tz; f ph; v w):
 * - Greek: σ s and sh, ζ z and zh, τσ ts and ch, τζ j; χ is kh, h or ch;
 * - Hangul: ㅂ b v p f, ㄹ l r, ㅅ ㅈ ㅊ every sibilant, ㄱ k g, ㄷ t d;
 * - kana: ラ行 l r, バ行 b v, シ ス s sh, ジ ズ z j, チ ツ ch ts, フ f or an h before a consonant;
 * - Bengali: ভ ব b v, শ স s sh, জ j z; ISO 15919 writes চ as c;
 * - Thai: จ ช ซ every sibilant, ก k g, พ p ph, ว a v even after a vowel; Thai romanisations write ch as c too;
 * - Khmer (read by any-ascii): two consonant series, each letter of a pair voiced or not, ហ្វ hv for f;
 * - Georgian: ფ p for f;
 * Cyrillic, Armenian and Devanagari keep these letters apart: none folded.
 */
const SCRIPT_FOLDS: Record<string, ScriptFolds> = {
  Greek: { fold: SIBILANTS, readings: [LISTED, { ...LISTED, chAsH: true }], nasalBeforeStop: true },
  Hangul: {
    fold: { ...SIBILANTS, b: 'p', v: 'p', f: 'p', l: 'r', g: 'k', d: 't' },
    readings: [LISTED],
    nasalBeforeStop: false,
  },
  Katakana: {
    fold: { S: 's', J: 'z', T: 'C', l: 'r', v: 'b' },
    readings: [LISTED, { ...LISTED, fAsH: true }],
    nasalBeforeStop: false,
  },
  Bengali: {
    fold: { S: 's', J: 'z', v: 'b' },
    readings: [LISTED, { ...LISTED, cAsCh: true }],
    nasalBeforeStop: false,
  },
  Thai: {
    fold: { ...SIBILANTS, g: 'k', f: 'p' },
    readings: [
      { ...LISTED, wGlide: false },
      { ...LISTED, wGlide: false, cAsCh: true },
    ],
    nasalBeforeStop: false,
  },
  Khmer: {
    fold: { ...SIBILANTS, b: 'p', v: 'p', f: 'p', g: 'k', d: 't' },
    readings: [LISTED],
    nasalBeforeStop: false,
  },
  Georgian: { fold: { f: 'p' }, readings: [LISTED], nasalBeforeStop: false },
};
SCRIPT_FOLDS['Hiragana'] = SCRIPT_FOLDS['Katakana'] as ScriptFolds;
const NO_FOLDS: ScriptFolds = { fold: {}, readings: [LISTED], nasalBeforeStop: false };

/** Every script's folds at once: the retrieval key's. */
const ALL_FOLDS: ScriptFolds = {
  fold: { ...SIBILANTS, b: 'p', v: 'p', f: 'p', l: 'r', g: 'k', d: 't' },
  // A query word is read as its own script allows (queryReadingClassKeys); listed spellings as listed.
  readings: [LISTED],
  // Both with and without: see withNasalsDropped.
  nasalBeforeStop: false,
};

const CONSONANTS = new Set(['b', 'p', 'v', 'f', 's', 'z', 'S', 'J', 'C', 'T', 'k', 'g', 't', 'd', 'l', 'r', 'm', 'n']);

/** A word's fine classes, one letter each: digraphs written as one, h dropped, w after a vowel its glide or a v. */
function fineLetters(word: string, reading: Reading): string {
  const digraphs = word
    .replace(/x/g, 'ks')
    .replace(/tch|ch/g, reading.chAsH ? 'h' : 'C')
    .replace(/sch|sh/g, 'S')
    .replace(/dzh|dj|zh|dz|j/g, 'J')
    .replace(/ts|tz/g, 'T')
    .replace(/ph/g, 'f');
  const s = (reading.fAsH ? digraphs.replace(/f/g, '') : digraphs)
    .replace(/ck|q/g, 'k')
    .replace(reading.cAsCh ? /c/g : /c(?=[eiy])/g, reading.cAsCh ? 'C' : 's')
    .replace(/c/g, 'k')
    .replace(/h/g, '');
  return (reading.wGlide ? s.replace(/([aeiouy])w/g, '$1') : s).replace(/w/g, 'v');
}

function keyOf(word: string, reading: Reading, folds: ScriptFolds): string {
  const s = fineLetters(word, reading);
  let key = '';
  let previous = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    if (!CONSONANTS.has(c)) {
      // A vowel, y or any other letter: only a word's opening vowel is kept, as "a".
      if (i === 0) key += 'a';
      previous = '';
      continue;
    }
    const cls = folds.fold[c] ?? c;
    if (cls !== previous) key += cls;
    previous = cls;
  }
  return folds.nasalBeforeStop ? dropNasalsBeforeStops(key) : key;
}

/** Greek's mb nd ng written for b d g: the nasal before the stop left out. */
function dropNasalsBeforeStops(key: string): string {
  return key.replace(/m(?=[bp])|n(?=[tdkg])/g, '');
}

/** A key, and the key with a nasal before a stop dropped (Greek's mb nd ng for b d g), when that differs. */
function withNasalsDropped(key: string): string[] {
  const dropped = dropNasalsBeforeStops(key);
  return dropped === key ? [key] : [key, dropped];
}

/** The retrieval keys of a listed spelling: every script's folds, ch and c read as a listing writes them. */
export function readingClassKeys(word: string): string[] {
  return withNasalsDropped(keyOf(word, LISTED, ALL_FOLDS)).filter((k) => k.length >= READING_CLASS_MIN_KEY);
}

/**
 * The retrieval keys a word read out of `script` is looked up by: the wide folds, under the readings of ch, c, w and
 * f that script allows, each long enough to retrieve by.
 */
export function queryReadingClassKeys(word: string, script: string): string[] {
  const readings = (SCRIPT_FOLDS[script] ?? NO_FOLDS).readings;
  const keys = new Set(readings.flatMap((r) => withNasalsDropped(keyOf(word, r, ALL_FOLDS))));
  return [...keys].filter((k) => k.length >= READING_CLASS_MIN_KEY);
}

/** The key of a listed spelling under one script's folds, memoised: a list's words come back in query after query. */
export function scriptReadingKey(word: string, script: string): string {
  let cache = listedKeyCaches.get(script);
  if (cache === undefined) listedKeyCaches.set(script, (cache = new Map()));
  let key = cache.get(word);
  if (key === undefined) {
    key = keyOf(word, LISTED, SCRIPT_FOLDS[script] ?? NO_FOLDS);
    if (cache.size >= KEY_CACHE_LIMIT) cache.clear();
    cache.set(word, key);
  }
  return key;
}

/** Per script, listed spellings' keys (a map per script, so no key string is built per look-up). */
const KEY_CACHE_LIMIT = 100_000;
const listedKeyCaches = new Map<string, Map<string, string>>();

/** The keys of a word read out of `script`, under its folds and each reading of ch and c it allows. */
export function scriptQueryReadingKeys(word: string, script: string): string[] {
  const folds = SCRIPT_FOLDS[script] ?? NO_FOLDS;
  return [...new Set(folds.readings.map((r) => keyOf(word, r, folds)))];
}

/**
 * A word spelt with the script's folds but its vowels kept ("reonid" and "leonid" both "reonit" in Hangul): how alike
 * two words are once the letters the script confuses are one, for keys too short to say so alone.
 */
export function scriptFoldedSpellings(word: string, script: string, query: boolean): string[] {
  const folds = SCRIPT_FOLDS[script] ?? NO_FOLDS;
  const readings = query ? folds.readings : [LISTED];
  return [
    ...new Set(
      readings.map((r) =>
        Array.from(fineLetters(word, r), (c) => (CONSONANTS.has(c) ? (folds.fold[c] ?? c) : c)).join(''),
      ),
    ),
  ];
}

/**
 * The keys one class off any of `keys`, and the keys themselves: a key is within one slip of them when it, or it with
 * one class left out, is among these ("krnkrps" / "krkrps"; "prtrn" / "prtmr", one class for another).
 */
export function oneSlipNeighbours(keys: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const k of keys) {
    out.add(k);
    for (let i = 0; i < k.length; i++) out.add(k.slice(0, i) + k.slice(i + 1));
  }
  return out;
}

/** Whether `key` is within one slip of the keys whose neighbours are `neighbours` (see oneSlipNeighbours). */
export function withinOneSlip(neighbours: ReadonlySet<string>, key: string): boolean {
  if (neighbours.has(key)) return true;
  for (let i = 0; i < key.length; i++) if (neighbours.has(key.slice(0, i) + key.slice(i + 1))) return true;
  return false;
}

/** The first script among a name's letters that reading-class folds know, or "" when none. */
export function readingScriptOf(name: string): string {
  for (const script of Object.keys(SCRIPT_FOLDS)) if (SCRIPT_PATTERNS[script]?.test(name) === true) return script;
  return '';
}

const SCRIPT_PATTERNS: Readonly<Record<string, RegExp>> = Object.fromEntries(
  Object.keys(SCRIPT_FOLDS).map((s) => [s, new RegExp(`\\p{Script=${s}}`, 'u')]),
);
