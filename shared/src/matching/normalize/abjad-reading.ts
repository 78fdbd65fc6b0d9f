/**
 * Reading an abjad skeleton (a word romanised from Arabic or Hebrew script, see transliterate.ts) against a vowelled
 * Latin spelling, the way a romanising clerk would: every letter of the skeleton stands for one of the spellings its
 * letter is given in published romanisations (ق → q, k, g; ث → th, s, t; و → w, u, o, ou, v; final ه → h, a, e),
 * consonants may be doubled (the script does not write shadda), and between letters the listed spelling may add the
 * short vowels the script never writes. Nothing else may be added: every letter of the listed spelling must be
 * accounted for, so "hsn" (حسن) reads as "hassan" and "hasan" but not as "hussein" (no ي) or "hasnain" (no second n).
 *
 * `abjadKeys` / `latinAbjadKey` give a coarse consonant key (labial / velar / coronal classes, l, r, m, n) that every
 * spelling the reading accepts shares with the skeleton, so the index can retrieve the spellings to read.
 */

/** Fewest Latin letters a skeleton needs to be read at all: "th" (طه) is "Taha", "sd" (سعد) "Saad". */
export const ABJAD_READING_MIN_LENGTH = 2;
/** Skeletons of fewer letters than this (digraphs counting as one) fit many names, so their reading counts for less. */
export const ABJAD_FULL_READING_MIN_LETTERS = 3;

/** Romanisations of each letter of the transliterated skeleton (the transliteration's own spelling first). */
// prettier-ignore
const LETTER_SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  b: ['b', 'p'],
  p: ['p', 'b'],
  t: ['t'],
  d: ['d', 'dh', 'z'],
  th: ['th', 's', 't', 'z'],
  dh: ['dh', 'z', 'd', 'th'],
  j: ['j', 'g', 'dj', 'dzh', 'zh'],
  h: ['h'],
  kh: ['kh', 'k', 'x'],
  r: ['r'],
  z: ['z', 's', 'dh', 'th', 'd'],
  s: ['s'],
  sh: ['sh', 'ch', 'sch', 's'],
  gh: ['gh', 'g', 'q', 'kh'],
  f: ['f', 'ph', 'v'],
  q: ['q', 'k', 'g', 'gh', 'c'],
  k: ['k', 'c', 'ck', 'q', 'g', 'kh'],
  l: ['l'],
  m: ['m'],
  n: ['n'],
  w: ['w', 'v', 'ou', 'u', 'o', 'oo'],
  y: ['y', 'i'],
  v: ['v', 'w', 'b'],
  g: ['g', 'gu', 'k'],
  ch: ['ch', 'tch', 'tsh'],
  zh: ['zh', 'j', 'z'],
  // Long vowels (alif, waw and ya read as vowels, Urdu ye) and their usual spellings.
  a: ['a', 'aa', 'e'],
  i: ['i', 'e', 'ee', 'ie', 'ei', 'y', 'ey', 'iy', 'ii'],
  // و after a consonant: a long u, or in Persian the v of "Khosravi", "Mousavi", "Darvish".
  u: ['u', 'o', 'ou', 'oo', 'w', 'uu', 'v'],
  o: ['o', 'u', 'ou', 'oo', 'w'],
  e: ['e', 'ai', 'ay', 'ei', 'a'],
};
/** Letters the transliteration writes as two Latin letters; "th" may also be ت followed by ه, so both are read. */
export const DIGRAPHS = new Set(['th', 'dh', 'kh', 'sh', 'gh', 'ch', 'zh']);
export const VOWELS = new Set(['a', 'i', 'u', 'o', 'e']);
/** Sun letters: the article's l takes their sound ("al-rahman" → "ar-rahman", "abd al-rahman" → "abderrahmane"). */
export const SUN_LETTERS = new Set(['t', 'th', 'd', 'dh', 'r', 'z', 's', 'sh', 'l', 'n', 'zh', 'ch']);
/** A word-initial alif, hamza or ayn carries whichever vowel the name starts with; it is never left unspelled. */
const INITIAL_A = ['a', 'e', 'i', 'o', 'u', 'aa'];
/** The article's alif is spelled by dialect and convention: al, el, il, ul ("abdul"), ol. */
const ARTICLE_A = ['a', 'e', 'i', 'u', 'o'];
/** A final ه is often a ta marbuta written without its dots: "شحاته" is "Shihata", "حماده" "Hamada". */
const FINAL_H = ['h', 'a', 'e', 'ah', 'eh', 'ha'];
/**
 * A final alif, ta marbuta or alif maqsura: "a", "ah" or "eh" ("Fatimah", "Hanifeh"), and i when Afghan spelling writes
 * a final ye as ى ("حقانى" is "Haqqani"); not a bare "e", which would read "يسنا" (Yasna) as "Yassine". In longer words
 * also "at", a ta marbuta read before the next word ("جبهة النصرة" is "Jabhat al-Nusra", "نصرة" in "Nusrat al-Islam"),
 * and a bare "h" ("الشيبة" in "Binalshibh").
 */
const FINAL_A = ['a', 'aa', 'ah', 'eh', 'i', 'y'];
const FINAL_A_OR_CONSTRUCT = [...FINAL_A, 'at', 'et', 'h'];
/** The construct-state reading only in words of this many letters: "رها" (Raha) is not "Rahat". */
const CONSTRUCT_STATE_MIN_LETTERS = 4;
/** A final ی: a long i, or an alif maqsura in Persian spelling. */
const AFTER_LONG_A_YE = ['y', 'i', 'e', ''];
const FINAL_YE = [...(LETTER_SPELLINGS['i'] as string[]), 'a'];
/**
 * The readings of ی as part of another vowel (an initial "عی", a final alif maqsura) only in words of this many letters:
 * in shorter ones they fit too much ("علی" would read as "Ullah", "عايض" as "Izz").
 */
const LONG_VOWEL_READINGS_MIN_LETTERS = 4;
/** A prothetic alif only in words of this many letters ("اسما" is "Asma", not "Sami"). */
const PROTHESIS_MIN_LETTERS = 5;
/** The article inside a glued compound ("عبدالرحمن", "نورالدين") comes after at least this many letters. */
const GLUED_ARTICLE_MIN_BEFORE = 3;
/** ...and before at least this many, so "khalid" or "jalal" are not read as holding an article. */
const GLUED_ARTICLE_MIN_AFTER = 2;

/** One-letter prepositions written onto the next word: bi- (by, in), fa- (then), ka- (as). */
const PROCLITICS = new Set(['b', 'f', 'k']);
/** A preposition and the article only in words of this many letters: "بالی" (Bali) and "فالح" (Falih) are names. */
const PROCLITIC_ARTICLE_MIN_LETTERS = 5;
/** Prepositions whose letter may be written before a word that starts with the same letter ("ببلاد" is bi-bilad). */
const DOUBLED_PROCLITICS = new Set(['b', 'f', 'k', 'l', 'w']);
/** Letters a word must keep after such a preposition. */
const DOUBLED_PROCLITIC_MIN_REST = 3;

/** No known article position: isArticleA decides from the word's shape. */
export const NO_ARTICLE = -1;
/** Letters after which a word-initial alif may be unspelled: a Persian or Pashto prothetic vowel ("astankzi" is "Stanekzai"). */
const PROTHESIS_BEFORE = new Set(['s', 'sh']);

/** Splits a skeleton into its letters, digraphs taken whole (their split reading is offered when matching). */
export function units(skeleton: string): string[] {
  const out: string[] = [];
  // A word-initial ayn before a long a (عابد, عادل) is one vowel in every romanisation: "Abid", "Adel".
  const start = skeleton.startsWith('aa') ? 1 : 0;
  for (let i = start; i < skeleton.length; i++) {
    const pair = skeleton.slice(i, i + 2);
    if (DIGRAPHS.has(pair)) {
      out.push(pair);
      i++;
    } else out.push(skeleton.charAt(i));
  }
  return out;
}

/**
 * Whether letters[k] is the alif of the article: at `articleAt` when the caller knows (a compound written as three
 * words, "sd al din"), else at the start of a longer word or inside a glued compound with room on both sides.
 */
export function isArticleA(letters: readonly string[], k: number, articleAt = NO_ARTICLE): boolean {
  if (letters[k] !== 'a' || letters[k + 1] !== 'l') return false;
  if (articleAt !== NO_ARTICLE) return k === articleAt;
  if (k === 0) return letters.length > 2;
  // After a one-letter preposition: "بالدم" (bi-l-dam) is "Biddam", "بالقاسم" "Belqasem".
  if (k === 1) return PROCLITICS.has(letters[0] as string) && letters.length >= PROCLITIC_ARTICLE_MIN_LETTERS;
  return k >= GLUED_ARTICLE_MIN_BEFORE && letters.length - (k + 2) >= GLUED_ARTICLE_MIN_AFTER;
}

/** Whether the word starts with a preposition before a word with the same first letter ("ببلاد", bi-bilad). */
export function startsWithDoubledProclitic(letters: readonly string[]): boolean {
  return (
    letters[1] === letters[0] &&
    DOUBLED_PROCLITICS.has(letters[0] as string) &&
    letters.length > DOUBLED_PROCLITIC_MIN_REST
  );
}

/** Spellings of one letter at its place in the word. */
function spellingsAt(letters: readonly string[], k: number, articleAt: number): string[] {
  const letter = letters[k] as string;
  const last = k === letters.length - 1;
  // No Arabic word starts with a letter twice (a doubled letter is written once, with shadda): the first is a
  // preposition, which a listing may write as a word of its own ("ببلاد" is "FI BILAD", "in the land of").
  if (k === 0 && startsWithDoubledProclitic(letters)) return [...(LETTER_SPELLINGS[letter] ?? [letter]), ''];
  if (k === 0 && letter === 'a') {
    const prothetic =
      PROTHESIS_BEFORE.has(letters[1] ?? '') &&
      letters.length >= PROTHESIS_MIN_LETTERS &&
      !VOWELS.has(letters[2] as string);
    return prothetic ? [...INITIAL_A, ''] : INITIAL_A;
  }
  if (isArticleA(letters, k, articleAt)) return ARTICLE_A;
  if (letter === 'l' && k > 0 && isArticleA(letters, k - 1, articleAt) && SUN_LETTERS.has(letters[k + 1] ?? '')) {
    // Assimilated, the article's l doubles the sun letter: "as-sabar" ("essabar"), not "asabar" ("alswd" is not
    // "aswad"). Inside a compound the doubling is often not written ("Jalaludin").
    if (k > 1) return ['l', ''];
    return ['l', ...(LETTER_SPELLINGS[letters[k + 1] as string] ?? []).filter((x) => !VOWELS.has(x.charAt(0)))];
  }
  if (letter === 'h' && last && k > 0) return FINAL_H;
  // An initial ayn or alif and a ya are one vowel: "عیسی" (aysi) is "Isa" or "Essa", "عید" "Eid".
  if (letter === 'y' && k === 1 && letters[0] === 'a' && letters.length >= LONG_VOWEL_READINGS_MIN_LETTERS)
    return ['', ...(LETTER_SPELLINGS['y'] as string[])];
  // Persian writes a final alif maqsura as ی: "عیسی" is "Isa", "موسی" "Musa", "مصطفی" "Mustafa", and after another ی
  // (read as a consonant after it) "یحیی" is "Yahya".
  if (
    (letter === 'i' || (letter === 'y' && letters[k - 1] === 'i')) &&
    last &&
    letters.length >= LONG_VOWEL_READINGS_MIN_LETTERS
  )
    return FINAL_YE;
  // A ya between a long a and a final ی is the Persian "-ayi" ending: "Rezaei", "Rezayi", "Rezaie" and "Rezai".
  if (letter === 'y' && letters[k - 1] === 'a' && k === letters.length - 2 && letters[k + 1] === 'i')
    return AFTER_LONG_A_YE;
  const base = LETTER_SPELLINGS[letter] ?? [letter];
  if (last && letter === 'a') return letters.length >= CONSTRUCT_STATE_MIN_LETTERS ? FINAL_A_OR_CONSTRUCT : FINAL_A;
  return [...base];
}

const MAX_READING_CACHE = 20_000;
/** Short vowels a spelling may add between two written letters: the script leaves them out ("Saadi" for سعدي). */
const MAX_SHORT_VOWELS = 2;

/**
 * How a skeleton may be spelled, letter by letter. Matched by a small backtracking reader rather than a RegExp:
 * compiling one per query word costs more than all the reading.
 */
interface Reading {
  /** Spellings of each letter at its place. */
  spellings: string[][];
  /** For a digraph, its split reading: the first letter's spellings, then ه's. */
  split: ([first: string[], h: string[]] | undefined)[];
  /** A final mute e may follow (after a consonant: "zidane"). */
  muteE: boolean;
  /** Letters a reading can start with, and its shortest and longest length: checked first, most spellings fail on them. */
  firstLetters: string;
  minLength: number;
  maxLength: number;
}
const readingCache = new Map<string, Reading | null>();

function reading(skeleton: string, articleAt = NO_ARTICLE): Reading | null {
  const cacheKey = articleAt === NO_ARTICLE ? skeleton : `${skeleton}#${articleAt}`;
  let cached = readingCache.get(cacheKey);
  if (cached === undefined) {
    const letters = units(skeleton);
    cached = null;
    if (skeleton.length >= ABJAD_READING_MIN_LENGTH && /^[a-z]+$/.test(skeleton)) {
      const spellings = letters.map((_, k) => spellingsAt(letters, k, articleAt));
      const split = letters.map((letter, k): [string[], string[]] | undefined =>
        DIGRAPHS.has(letter)
          ? [
              [...(LETTER_SPELLINGS[letter.charAt(0)] ?? [letter.charAt(0)])],
              k === letters.length - 1 ? FINAL_H : ['h'],
            ]
          : undefined,
      );
      let minLength = 0;
      let maxLength = 0;
      spellings.forEach((options, k) => {
        minLength += Math.min(...options.map((x) => x.length));
        maxLength +=
          Math.max(...options.map((x) => x.length)) +
          1 +
          MAX_SHORT_VOWELS +
          (split[k] !== undefined ? 2 + MAX_SHORT_VOWELS : 0);
      });
      // An unspelled first letter (a prothetic alif) lets the reading start with the second.
      const first = (spellings[0] as string[]).flatMap((x) =>
        x === '' ? (spellings[1] ?? []).map((y) => y.charAt(0)) : [x.charAt(0)],
      );
      for (const x of split[0]?.[0] ?? []) first.push(x.charAt(0));
      cached = {
        spellings,
        split,
        muteE: !VOWELS.has(letters[letters.length - 1] as string),
        firstLetters: [...new Set(first)].join(''),
        minLength,
        maxLength: maxLength + 1,
      };
    }
    if (readingCache.size >= MAX_READING_CACHE) readingCache.clear();
    readingCache.set(cacheKey, cached);
  }
  return cached;
}

function isVowelAt(s: string, j: number): boolean {
  const c = s.charCodeAt(j);
  return c === 97 || c === 101 || c === 105 || c === 111 || c === 117; // a e i o u
}

/**
 * Whether s[j..j+v) can be the unwritten short vowel(s) between two letters: one vowel, the French "ou", or "aa"
 * ("Saadi" for سعدي, where the ayn's vowel joins the fatha). Not a diphthong such as "ei" or "ai", nor "ee" or "oo": those
 * are a ي or و the skeleton would have written ("hsn" is not "hussein", "swd" not "sweet").
 */
function shortVowelsAt(s: string, j: number, v: number): boolean {
  if (v === 0) return true;
  if (!isVowelAt(s, j)) return false;
  if (v === 1) return true;
  const a = s.charCodeAt(j);
  const b = s.charCodeAt(j + 1);
  return (a === 97 && b === 97) || (a === 111 && b === 117); // "aa", "ou"
}

/**
 * Reads spelling `sp` at s[j..], or a one-letter consonant spelling doubled (the script does not write shadda, for
 * semivowels either: "Tawwab", "Sayyid"); calls `next` with each end position until it returns true.
 */
function eat(s: string, j: number, sp: string, next: (end: number) => boolean): boolean {
  if (!s.startsWith(sp, j)) return false;
  const end = j + sp.length;
  if (next(end)) return true;
  return sp.length === 1 && !VOWELS.has(sp) && s.charCodeAt(end) === sp.charCodeAt(0) && next(end + 1);
}

function readFrom(r: Reading, k: number, j: number, s: string): boolean {
  if (k === r.spellings.length) return j === s.length || (r.muteE && j === s.length - 1 && s.charCodeAt(j) === 101);
  const maxVowels = k > 0 ? MAX_SHORT_VOWELS : 0;
  for (let v = 0; v <= maxVowels; v++) {
    if (!shortVowelsAt(s, j, v)) continue;
    const at = j + v;
    for (const sp of r.spellings[k] as string[]) if (eat(s, at, sp, (end) => readFrom(r, k + 1, end, s))) return true;
    const split = r.split[k];
    if (split !== undefined) {
      const [firsts, hs] = split;
      const afterFirst = (end1: number): boolean => {
        for (let v2 = 0; v2 <= MAX_SHORT_VOWELS; v2++) {
          if (!shortVowelsAt(s, end1, v2)) continue;
          for (const h of hs) if (eat(s, end1 + v2, h, (end2) => readFrom(r, k + 1, end2, s))) return true;
        }
        return false;
      };
      for (const sp of firsts) if (eat(s, at, sp, afterFirst)) return true;
    }
  }
  return false;
}

/** How many letters a skeleton has, a digraph counting as one ("th" (طه) is one, read as ط and ه it is two). */
export function abjadLetterCount(skeleton: string): number {
  return units(skeleton).length;
}

/** The letters a reading of the skeleton can start with ('' for a skeleton too short to read). */
export function abjadFirstLetters(skeleton: string): string {
  return reading(skeleton)?.firstLetters ?? '';
}

/**
 * Whether a Latin spelling is a faithful reading of an abjad skeleton: "hsin" (حسين) as "hussein" or "husayn",
 * "shhath" (شحاته) as "shihata", "abdalhlim" (عبدالحليم) as "abdelhalim", "abd al rhmn" glued as "abderrahmane".
 */
export function abjadSpells(skeleton: string, listed: string): boolean {
  if (spells(reading(skeleton), listed)) return true;
  const aspirated = aspirateAfter(skeleton);
  return aspirated !== undefined && spells(reading(aspirated), listed);
}

/**
 * Urdu writes an aspirate with ھ after its consonant (چودھری, "Chaudhry"), and often with ہ before it after a long
 * vowel (چوہدری): the skeleton with that h moved after the consonant, or undefined. Only after a long vowel, since
 * Arabic ه before a consonant is an h of its own ("مهدي" is Mahdi, never "Madhi").
 */
export function aspirateAfter(skeleton: string): string | undefined {
  const moved = skeleton.replace(ASPIRATE_BEFORE, '$1h');
  return moved === skeleton ? undefined : moved;
}
const ASPIRATE_BEFORE = /(?<=.[uwiy])h([dtkgbpj])(?!h)/;

/** Whether `listed` is one of a reading's spellings; length and first letter are checked first, most fail on them. */
function spells(r: Reading | null, listed: string): boolean {
  if (
    r === null ||
    listed.length < r.minLength ||
    listed.length > r.maxLength ||
    !r.firstLetters.includes(listed.charAt(0))
  )
    return false;
  return readFrom(r, 0, 0, listed);
}

/** Fewest letters a skeleton needs before a reading one letter off still says something: "hsn" is a letter off many names. */
export const NEAR_READING_MIN_LETTERS = 4;
/** Skeleton letters that write a long vowel or glide. */
const VOWEL_LETTERS = new Set(['a', 'i', 'u', 'o', 'e', 'w', 'y']);
/** How far apart, in consonants counted from the start, a letter written as another may stand on the two sides. */
const SUBSTITUTION_MAX_SHIFT = 1;

/**
 * Whether a Latin spelling is a reading of the skeleton but for one consonant: one the listing adds ("SHALAH" for
 * صلاح, Salah; "HAZEM" for عظیم) or writes as another in about the same place. Listings carry such slips, and a clerk
 * reading the script would still see the name. Not one the listing leaves out: "KHAIR" (خير) for خضير (Khudair) is
 * another name.
 */
export function abjadNearlySpells(skeleton: string, listed: string): boolean {
  const letters = units(skeleton);
  if (letters.length < NEAR_READING_MIN_LETTERS || listed.length < NEAR_READING_MIN_LETTERS) return false;
  const without = (j: number, length = 1): string => listed.slice(0, j) + listed.slice(j + length);
  // A letter added: any one consonant, even the h of a digraph ("SHALAH").
  const whole = reading(skeleton);
  for (let j = 0; j < listed.length; j++) if (!isVowelAt(listed, j) && spells(whole, without(j))) return true;
  // A letter written as another: whole consonants, digraphs taken whole ("KHAIR" is kh-r, so not خضير with d as h).
  const consonants: [at: number, length: number][] = [];
  for (let j = 0; j < listed.length; j++) {
    if (isVowelAt(listed, j)) continue;
    const length = DIGRAPHS.has(listed.slice(j, j + 2)) ? 2 : 1;
    consonants.push([j, length]);
    j += length - 1;
  }
  let skeletonConsonants = 0;
  for (let k = 0; k < letters.length; k++) {
    // Only consonants: a long vowel read as another letter makes another name ("mhdi" (مهدی), Mahdi, is not Muhammad).
    if (VOWEL_LETTERS.has(letters[k] as string)) continue;
    const shorter = reading(letters.filter((_, i) => i !== k).join(''));
    // Written as another letter, not as itself: dropping a letter on both sides would let any other slip through.
    const itself = LETTER_SPELLINGS[letters[k] as string] ?? [letters[k] as string];
    for (let c = 0; c < consonants.length; c++) {
      const [j, length] = consonants[c] as [number, number];
      if (
        Math.abs(c - skeletonConsonants) > SUBSTITUTION_MAX_SHIFT ||
        itself.some((sp) => sp === listed.slice(j, j + length))
      )
        continue;
      if (spells(shorter, without(j, length))) return true;
    }
    skeletonConsonants++;
  }
  return false;
}

/**
 * Whether a Latin spelling reads as a compound written in three words around the article: "sd al din" (سعد الدين) as
 * "Saduddin", "bin al shiba" as "Binalshibh". The article's place is known, so short halves are read as well.
 */
export function abjadSpellsCompound(before: string, after: string, listed: string): boolean {
  return spells(reading(`${before}al${after}`, units(before).length), listed);
}

/**
 * The two halves of a skeleton glued around the article, as Arabic writes compounds ("abdalrhman" (عبدالرحمن) →
 * "abd", "rhman"; "nuraldin" → "nur", "din"), or undefined. Retrieval looks the halves up, since a listing often
 * writes them apart ("ABDUL RAHMAN").
 */
export function gluedArticleParts(skeleton: string): [before: string, after: string] | undefined {
  const letters = units(skeleton);
  for (let k = GLUED_ARTICLE_MIN_BEFORE; k + 2 < letters.length; k++) {
    if (isArticleA(letters, k)) return [letters.slice(0, k).join(''), letters.slice(k + 2).join('')];
  }
  return undefined;
}
