import { pinyin } from 'pinyin-pro';
import { otherScriptToLatin, OTHER_SCRIPT_LETTER } from './any-script';
import { romaniseKana } from './kana-reading';
import { HANGUL_SYLLABLE_RUN, romaniseHangulRun, readsAsKoreanName } from './hangul-reading';
import {
  CHINESE_ORGANISATION_WORD_CHARACTERS,
  CHINESE_ORGANISATION_WORD_MAX_LENGTH,
  CHINESE_ORGANISATION_WORDS,
} from './chinese-organisation-words';

/**
 * Non-Latin scripts to Latin, so a name written in its own script meets its romanised listing.
 *
 * Algorithmic where the script allows it (Hangul syllables, kana, Devanagari), a letter table otherwise
 * (Cyrillic, Greek, Georgian, Arabic/Persian/Urdu, Hebrew). Abjads (Arabic, Hebrew) do not write short vowels, so
 * their output is a consonant skeleton ("محمد" → "mhmd") that meets "Muhammad" through the phonetic key, not the
 * spelling.
 * Han characters are read in Mandarin pinyin from pinyin-pro's dictionary, which knows the readings names take. Every
 * other script (Armenian, Thai, Khmer, Bengali, Ethiopic, Tamil, ...) is read by any-ascii (any-script.ts).
 * Expects lower-cased input (the Cyrillic and Greek tables are lower case).
 */

// prettier-ignore
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  // Ukrainian, Belarusian, Serbian/Macedonian, Kazakh, Uzbek/Tajik letters.
  і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'u', ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz', ѓ: 'gj', ќ: 'kj',
  ѕ: 'dz', ә: 'a', ғ: 'g', қ: 'k', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', ҳ: 'h', ӣ: 'i', ӯ: 'u', ҷ: 'j',
};

const SIGN_BEFORE_Y = new Set(['е', 'ё', 'и']);
/** Letters only Ukrainian and Belarusian write: in their names г is an h ("Сяргей" is "Siarhei"), и a y. */
const UKRAINIAN_OR_BELARUSIAN = /[іїєґў]/;
const UKRAINIAN_LETTERS: Record<string, string> = { г: 'h', и: 'y' };
/**
 * Latin letters that look like Cyrillic ones, as lower-cased (an upper-case H is Н, B is В): typed into a Cyrillic word
 * by a keyboard layout or to slip past a filter ("Pуслан", "Канстанцiнавiч" with a Latin i).
 */
// prettier-ignore
const LATIN_LOOKALIKES: Record<string, string> = {
  a: 'а', b: 'в', c: 'с', e: 'е', h: 'н', i: 'і', k: 'к', m: 'м', o: 'о', p: 'р', t: 'т', x: 'х', y: 'у',
};
/** A Cyrillic letter (Russian, Ukrainian, Belarusian and the other Cyrillic alphabets). */
export const CYRILLIC_LETTER = /[\u0400-\u04ff]/;
const MIXED_WORD = /[\p{L}\u0300-\u036f]+/gu;

/** Latin look-alikes inside a word otherwise written in Cyrillic, read as the Cyrillic letters they stand for. */
function cyrillicLookalikes(text: string): string {
  return text.replace(MIXED_WORD, (word) =>
    CYRILLIC_LETTER.test(word) && /[a-z]/.test(word)
      ? word.replace(/[a-z]/g, (ch) => LATIN_LOOKALIKES[ch] ?? ch)
      : word,
  );
}

/** Georgian (Mkhedruli), by the national romanisation of 2002 without its apostrophes, as listings write it ("ძე" is "dze"). */
// prettier-ignore
const GEORGIAN: Record<string, string> = {
  ა: 'a', ბ: 'b', გ: 'g', დ: 'd', ე: 'e', ვ: 'v', ზ: 'z', თ: 't', ი: 'i', კ: 'k', ლ: 'l', მ: 'm', ნ: 'n', ო: 'o',
  პ: 'p', ჟ: 'zh', რ: 'r', ს: 's', ტ: 't', უ: 'u', ფ: 'p', ქ: 'k', ღ: 'gh', ყ: 'q', შ: 'sh', ჩ: 'ch', ც: 'ts', ძ: 'dz',
  წ: 'ts', ჭ: 'ch', ხ: 'kh', ჯ: 'j', ჰ: 'h',
};

// prettier-ignore
const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x',
  ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
  ά: 'a', έ: 'e', ή: 'i', ί: 'i', ό: 'o', ύ: 'y', ώ: 'o', ϊ: 'i', ϋ: 'y', ΐ: 'i', ΰ: 'y',
};
/** Greek digraphs read as one sound (ELOT 743): checked before single letters. */
const GREEK_DIGRAPHS: Record<string, string> = {
  ου: 'ou',
  ού: 'ou',
  αι: 'ai',
  ει: 'ei',
  οι: 'oi',
  μπ: 'mb',
  ντ: 'nd',
  γγ: 'ng',
  γκ: 'ng',
};
/**
 * At the start or the end of a word μπ, ντ, γκ are plain b, d, g (ELOT 743), as Greek writes those sounds in names
 * ("Μπους" is "Bush", "Ολεγκ" "Oleg", "Μοχαμμαντ" "Mochammad").
 */
const GREEK_WORD_EDGE_DIGRAPHS: Record<string, string> = { μπ: 'b', ντ: 'd', γκ: 'g' };
const GREEK_LETTER = /[\u0370-\u03ff]/;

// prettier-ignore
const ARABIC: Record<string, string> = {
  ا: 'a', أ: 'a', إ: 'i', آ: 'a', ٱ: 'a', ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'dh', ر: 'r',
  ز: 'z', س: 's', ش: 'sh', ص: 's', ض: 'd', ط: 't', ظ: 'z', ع: '', غ: 'gh', ف: 'f', ق: 'q', ك: 'k', ل: 'l', م: 'm',
  ن: 'n', ه: 'h', ة: 'a', ى: 'a', ء: '', ئ: '', ؤ: '',
  // Persian and Urdu letters.
  پ: 'p', چ: 'ch', ژ: 'zh', گ: 'g', ک: 'k', ٹ: 't', ڈ: 'd', ڑ: 'r', ں: 'n', ہ: 'h', ھ: 'h', ے: 'e', ۃ: 'a',
  // Pashto letters.
  ټ: 't', ډ: 'd', ړ: 'r', ږ: 'zh', ښ: 'sh', ځ: 'z', څ: 's', ګ: 'g', ڼ: 'n', ې: 'e', ۀ: 'a',
  // Short-vowel marks, written only in careful text; shadda and sukun add no letter.
  '\u064E': 'a', '\u0650': 'i', '\u064F': 'u', '\u064B': 'an', '\u064D': 'in', '\u064C': 'un', '\u0651': '', '\u0652': '',
  '\u0640': '',
};
/** Arabic letters that are a vowel after a consonant and a consonant otherwise. */
// prettier-ignore
const ARABIC_SEMIVOWELS: Record<string, [vowel: string, consonant: string]> = {
  و: ['u', 'w'],
  ي: ['i', 'y'],
  ی: ['i', 'y'],
  ۍ: ['i', 'y'],
  // A hamza on waw or ya is spelled as its seat: لؤي is "Louay", فائز "Fayez".
  ؤ: ['u', 'w'],
  ئ: ['i', 'y'],
};

// prettier-ignore
const HEBREW: Record<string, string> = {
  א: 'a', ב: 'b', ג: 'g', ד: 'd', ה: 'h', ז: 'z', ח: 'kh', ט: 't', כ: 'k', ך: 'k', ל: 'l', מ: 'm', ם: 'm', נ: 'n',
  ן: 'n', ס: 's', ע: '', פ: 'p', ף: 'f', צ: 'ts', ץ: 'ts', ק: 'k', ר: 'r', ש: 'sh', ת: 't',
};
const HEBREW_SEMIVOWELS: Record<string, [vowel: string, consonant: string]> = { ו: ['o', 'v'], י: ['i', 'y'] };
/** A geresh after צ, ג or ז writes a sound Hebrew lacks (the Academy's rules for foreign names): צ׳ is ch, ג׳ j, ז׳ zh. */
const HEBREW_GERESH_LETTERS: Record<string, string> = { צ: 'ch', ץ: 'ch', ג: 'j', ז: 'zh' };
const GERESH = /^[\u05f3'’]$/;

// prettier-ignore
const DEVANAGARI_CONSONANTS: Record<string, string> = {
  क: 'k', ख: 'kh', ग: 'g', घ: 'gh', ङ: 'n', च: 'ch', छ: 'chh', ज: 'j', झ: 'jh', ञ: 'n', ट: 't', ठ: 'th', ड: 'd',
  ढ: 'dh', ण: 'n', त: 't', थ: 'th', द: 'd', ध: 'dh', न: 'n', प: 'p', फ: 'ph', ब: 'b', भ: 'bh', म: 'm', य: 'y', र: 'r',
  ल: 'l', ळ: 'l', व: 'v', श: 'sh', ष: 'sh', स: 's', ह: 'h',
};
const DEVANAGARI_NUKTA: Record<string, string> = {
  k: 'q',
  kh: 'kh',
  g: 'gh',
  j: 'z',
  d: 'r',
  dh: 'rh',
  ph: 'f',
  y: 'y',
};
// prettier-ignore
const DEVANAGARI_VOWELS: Record<string, string> = {
  अ: 'a', आ: 'a', इ: 'i', ई: 'i', उ: 'u', ऊ: 'u', ऋ: 'ri', ए: 'e', ऐ: 'ai', ओ: 'o', औ: 'au', ऑ: 'o',
};
// prettier-ignore
const DEVANAGARI_SIGNS: Record<string, string> = {
  'ा': 'a', 'ि': 'i', 'ी': 'i', 'ु': 'u', 'ू': 'u', 'ृ': 'ri', 'े': 'e', 'ै': 'ai', 'ो': 'o', 'ौ': 'au', 'ॉ': 'o',
};
const DEVANAGARI_VIRAMA = '्';
const DEVANAGARI_NUKTA_SIGN = '़';
const DEVANAGARI_NASALS: Record<string, string> = { 'ं': 'n', 'ँ': 'n', 'ः': 'h' };

const NON_LATIN =
  /[\u0370-\u03ff\u0400-\u052f\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u0900-\u097f\u10d0-\u10ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7a3]/;

/** True when the text holds letters of a script this module romanises. */
export function hasTransliterableScript(text: string): boolean {
  return NON_LATIN.test(text) || OTHER_SCRIPT_LETTER.test(text);
}

/** Romanises every supported script in a lower-cased string, leaving Latin, digits and unsupported scripts as they are. */
export function transliterate(text: string): string {
  if (!NON_LATIN.test(text)) return OTHER_SCRIPT_LETTER.test(text) ? otherScriptToLatin(text) : text;
  if (CYRILLIC_LETTER.test(text)) text = cyrillicLookalikes(text);
  const ukrainianOrBelarusian = UKRAINIAN_OR_BELARUSIAN.test(text);
  let korean: boolean | undefined; // whether the Hangul words are a Korean name, asked at the first syllable
  let out = '';
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xac00 && code <= 0xd7a3) {
      const end = runEnd(chars, i, HANGUL_SYLLABLE_RUN);
      out += romaniseHangulRun(chars.slice(i, end), (korean ??= readsAsKoreanName(text)));
      i = end - 1;
    } else if (code >= 0x0900 && code <= 0x097f) {
      const end = runEnd(chars, i, (c) => c >= 0x0900 && c <= 0x097f);
      out += romaniseDevanagari(chars.slice(i, end));
      i = end - 1;
    } else if (code >= 0x3041 && code <= 0x30ff) {
      const end = runEnd(chars, i, (c) => c >= 0x3041 && c <= 0x30ff);
      out += romaniseKana(chars.slice(i, end));
      i = end - 1;
    } else if (code >= 0x0600 && code <= 0x077f) {
      const end = runEnd(chars, i, (c) => c >= 0x0600 && c <= 0x077f);
      out += romaniseAbjad(chars.slice(i, end), ARABIC, ARABIC_SEMIVOWELS, true);
      i = end - 1;
    } else if (code >= 0x0590 && code <= 0x05ff) {
      const end = runEnd(chars, i, (c) => c >= 0x0590 && c <= 0x05ff);
      out += romaniseAbjad(chars.slice(i, end), HEBREW, HEBREW_SEMIVOWELS, false);
      i = end - 1;
    } else if (code >= 0x0370 && code <= 0x03ff) {
      const pair = ch + (chars[i + 1] ?? '');
      const wordEdge = !GREEK_LETTER.test(chars[i - 1] ?? '') || !GREEK_LETTER.test(chars[i + 2] ?? '');
      const digraph = (wordEdge ? GREEK_WORD_EDGE_DIGRAPHS[pair] : undefined) ?? GREEK_DIGRAPHS[pair];
      if (digraph !== undefined) {
        out += digraph;
        i++;
      } else out += GREEK[ch] ?? '';
    } else if (isHan(code)) {
      // Han characters read in Mandarin pinyin, a syllable a word, as Chinese names are romanised ("赵光宗" → "zhao
      // guang zong" meets "Guangzong ZHAO"). Japanese and Korean readings of the same characters are not guessed.
      const end = runEnd(chars, i, isHan);
      out += ` ${romaniseHan(chars.slice(i, end))} `;
      i = end - 1;
    } else if (code >= 0x10d0 && code <= 0x10ff) {
      out += GEORGIAN[ch] ?? '';
    } else if (code >= 0x0400 && code <= 0x052f) {
      // A soft or hard sign before е, ё or и is the y listings write: "Геннадьевич" is "Gennadyevich", "Ильич" "Ilyich".
      // Ukrainian writes an h with г and a y with и ("Григорій" is "Hryhoriy"); Belarusian has no и.
      const ukrainian = ukrainianOrBelarusian ? UKRAINIAN_LETTERS[ch] : undefined;
      out +=
        (ch === 'ь' || ch === 'ъ') && SIGN_BEFORE_Y.has(chars[i + 1] ?? '') ? 'y' : (ukrainian ?? CYRILLIC[ch] ?? '');
    } else out += ch;
  }
  return OTHER_SCRIPT_LETTER.test(out) ? otherScriptToLatin(out) : out;
}

function runEnd(chars: string[], start: number, inRun: (code: number) => boolean): number {
  let end = start;
  while (end < chars.length && inRun((chars[end] as string).codePointAt(0) ?? 0)) end++;
  return end;
}

function romaniseDevanagari(chars: string[]): string {
  let out = '';
  let pendingA = false; // a consonant waiting to learn whether its inherent "a" is spoken
  for (const ch of chars) {
    const consonant = DEVANAGARI_CONSONANTS[ch];
    if (consonant !== undefined) {
      if (pendingA) out += 'a';
      out += consonant;
      pendingA = true;
      continue;
    }
    if (ch === DEVANAGARI_NUKTA_SIGN) {
      const match = /(kh|dh|ph|[kgjdy])$/.exec(out);
      if (match) out = out.slice(0, -match[0].length) + (DEVANAGARI_NUKTA[match[0]] ?? match[0]);
      continue;
    }
    if (ch === DEVANAGARI_VIRAMA) {
      pendingA = false;
      continue;
    }
    const sign = DEVANAGARI_SIGNS[ch];
    if (sign !== undefined) {
      out += sign;
      pendingA = false;
      continue;
    }
    const nasal = DEVANAGARI_NASALS[ch];
    if (nasal !== undefined) {
      if (pendingA) out += 'a';
      pendingA = false;
      out += nasal;
      continue;
    }
    const vowel = DEVANAGARI_VOWELS[ch];
    if (pendingA) out += 'a';
    pendingA = false;
    out += vowel ?? ' ';
  }
  // Hindi drops the inherent vowel at the end of a word (schwa deletion): राम is "ram", not "rama".
  return out;
}

/**
 * "الله" (Allah), alone or closing a compound ("عبدالله", "خيرالله"): its own word, not the article plus "lh". Urdu
 * writes it with its own final heh (ہ, "ثناء اللہ").
 */
const ALLAH_SPELLINGS = ['الله', 'اللہ'];

function romaniseAbjad(
  chars: string[],
  letters: Record<string, string>,
  semivowels: Record<string, [string, string]>,
  splitArticle: boolean,
): string {
  const written = splitArticle ? chars.join('') : '';
  const allah = splitArticle ? ALLAH_SPELLINGS.find((spelling) => written.endsWith(spelling)) : undefined;
  if (allah !== undefined) {
    const stem = chars.slice(0, chars.length - allah.length);
    return stem.length === 0 ? 'allah' : `${romaniseAbjad(stem, letters, semivowels, splitArticle)} allah`;
  }
  let out = '';
  let wordStart = true;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (splitArticle && wordStart && ch === 'ا' && chars[i + 1] === 'ل' && isLetter(chars[i + 3])) {
      // The article ال is its own token ("al"), as the romanised listings write "AL-RAHMAN".
      out += 'al ';
      i++;
      continue;
    }
    if (
      splitArticle &&
      wordStart &&
      ch === 'و' &&
      chars[i + 1] === 'ا' &&
      chars[i + 2] === 'ل' &&
      isLetter(chars[i + 5])
    ) {
      // "and the" glued to a word of three letters or more ("والشام", and the Levant), as listings write "WAL-ANSAR".
      out += 'wal ';
      i += 2;
      continue;
    }
    if (splitArticle && wordStart && ch === 'ل' && chars[i + 1] === 'ل' && isLetter(chars[i + 4])) {
      // "for the" glued to a word of three letters or more: لل is li- with the article's alif dropped ("للعلوم", for
      // the sciences; "للأعمال", for the works).
      out += 'lil ';
      i++;
      continue;
    }
    if (splitArticle && wordStart && ch === 'ع') {
      // A word-initial ayn carries the word's first vowel: علي is "Ali", عمر "Omar", عبد "Abd".
      out += 'a';
      wordStart = false;
      continue;
    }
    const geresh = GERESH.test(chars[i + 1] ?? '') ? HEBREW_GERESH_LETTERS[ch] : undefined;
    if (geresh !== undefined) {
      out += geresh;
      wordStart = false;
      i++;
      continue;
    }
    const semi = semivowels[ch];
    if (semi !== undefined) {
      const previous = out.charAt(out.length - 1);
      const afterConsonant = previous !== '' && !/[aeiou ]/.test(previous);
      out += afterConsonant ? semi[0] : semi[1];
      wordStart = false;
      continue;
    }
    const latin = letters[ch];
    if (latin !== undefined) {
      out += latin;
      wordStart = false;
    } else {
      out += ch;
      wordStart = true;
    }
  }
  return out;
}

function hanSyllables(text: string): string[] {
  return pinyin(text, { toneType: 'none', type: 'array' }).map((syllable) => syllable.replace(/ü/g, 'u'));
}

/**
 * A run of Han characters as pinyin syllables, a word each, except that the words of organisation names keep their
 * syllables together ("科技" → "keji"), longest first, so they can be read as the word they are.
 */
function romaniseHan(chars: string[]): string {
  const syllables = hanSyllables(chars.join(''));
  const words: string[] = [];
  for (let i = 0; i < chars.length;) {
    let length = Math.min(CHINESE_ORGANISATION_WORD_MAX_LENGTH, chars.length - i);
    while (length > 1 && !CHINESE_ORGANISATION_WORD_CHARACTERS.has(chars.slice(i, i + length).join(''))) length--;
    words.push(syllables.slice(i, i + length).join(''));
    i += length;
  }
  return words.join(' ');
}

/** The organisation words of chinese-organisation-words.ts by their run-together pinyin ("keji" → "technology"). */
// prettier-ignore
export const CHINESE_WORD_READINGS: ReadonlyMap<string, string> = new Map(
  [...CHINESE_ORGANISATION_WORDS].map(([chars, english]) => [hanSyllables(chars).join(''), english] as const),
);

/** CJK unified ideographs (with extension A) and compatibility ideographs. */
function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /\p{L}/u.test(ch);
}
