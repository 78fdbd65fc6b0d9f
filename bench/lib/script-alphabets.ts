/**
 * A romanised name written in the alphabets and abjads: Cyrillic, Greek, Armenian, Georgian, Arabic, Persian, Hebrew.
 * Each table is the reverse of a named romanisation, sound by sound (latin-sounds.ts), as the script's own press writes
 * a foreign name:
 * - Cyrillic: BGN/PCGN 1947 for Russian, reversed (я ю е for ya yu ye, й for an i after a vowel, э for a word-initial e);
 * - Greek: ELOT 743 reversed, with the common practice for foreign names of μπ ντ γκ for b d g (Greek β δ γ are v dh gh);
 * - Armenian: BGN/PCGN 1981 reversed (է and օ at word start);
 * - Georgian: the national system of 2002 reversed;
 * - Arabic and Persian: the practice of Arabic and Persian newspapers for foreign names: every consonant written, a as
 *   alif, i as ya, o and u as waw, a medial e left unwritten, a word-initial vowel on an alif seat; no shadda for doubled
 *   letters. Persian uses its own letters (پ چ ژ گ ک ی);
 * - Hebrew: the Academy's rules for foreign names, simplified: o and u as vav, i and e as yod, medial a unwritten,
 *   word-initial vowels on alef, final forms of kaf, mem, nun, pe, tsadi, and geresh for ch, j, zh.
 */
import { soundsOf, type Sound, type Vowel } from './latin-sounds';

export type AlphabetScript = 'Cyrillic' | 'Greek' | 'Armenian' | 'Georgian' | 'Arabic' | 'Persian' | 'Hebrew';

interface AlphabetTable {
  consonants: Record<string, string>;
  /** Vowel letters: [word-initial, medial, word-final]. */
  vowels: Record<Vowel, [string, string, string]>;
  /** A doubled consonant written twice (alphabets) or once (abjads, which would write a shadda). */
  doubles: boolean;
  /** Consonant + vowel combinations written as one letter (Cyrillic я, ю, е). */
  glides?: Record<string, string>;
  /** An i after a vowel, not before one (Cyrillic й). */
  offGlideI?: string;
  finals?: Record<string, string>;
}

// prettier-ignore
const TABLES: Record<AlphabetScript, AlphabetTable> = {
  Cyrillic: {
    consonants: {
      b: 'б', v: 'в', g: 'г', d: 'д', zh: 'ж', z: 'з', y: 'й', k: 'к', l: 'л', m: 'м', n: 'н', p: 'п', r: 'р', s: 'с',
      t: 'т', f: 'ф', kh: 'х', h: 'х', ts: 'ц', ch: 'ч', sh: 'ш', j: 'дж', q: 'к', w: 'в', th: 'т', dh: 'д', gh: 'г',
    },
    vowels: { a: ['а', 'а', 'а'], e: ['э', 'е', 'е'], i: ['и', 'и', 'и'], o: ['о', 'о', 'о'], u: ['у', 'у', 'у'] },
    doubles: true,
    glides: { ya: 'я', yu: 'ю', ye: 'е', yo: 'ё', yi: 'и' },
    offGlideI: 'й',
  },
  Greek: {
    consonants: {
      b: 'μπ', v: 'β', g: 'γκ', d: 'ντ', z: 'ζ', th: 'θ', dh: 'δ', k: 'κ', l: 'λ', m: 'μ', n: 'ν', p: 'π', r: 'ρ', s: 'σ',
      t: 'τ', f: 'φ', kh: 'χ', h: 'χ', ts: 'τσ', ch: 'τσ', sh: 'σ', zh: 'ζ', j: 'τζ', q: 'κ', w: 'ου', y: 'ι', gh: 'γ',
    },
    vowels: { a: ['α', 'α', 'α'], e: ['ε', 'ε', 'ε'], i: ['ι', 'ι', 'ι'], o: ['ο', 'ο', 'ο'], u: ['ου', 'ου', 'ου'] },
    doubles: true,
    finals: { σ: 'ς' },
  },
  Armenian: {
    consonants: {
      b: 'բ', g: 'գ', d: 'դ', z: 'զ', l: 'լ', kh: 'խ', ts: 'ց', k: 'կ', h: 'հ', gh: 'ղ', ch: 'չ', m: 'մ', y: 'յ', n: 'ն',
      sh: 'շ', p: 'պ', j: 'ջ', r: 'ր', s: 'ս', v: 'վ', t: 'տ', f: 'ֆ', zh: 'ժ', th: 'թ', q: 'ք', w: 'վ', dh: 'դ',
    },
    vowels: { a: ['ա', 'ա', 'ա'], e: ['է', 'ե', 'ե'], i: ['ի', 'ի', 'ի'], o: ['օ', 'ո', 'ո'], u: ['ու', 'ու', 'ու'] },
    doubles: true,
  },
  Georgian: {
    consonants: {
      b: 'ბ', g: 'გ', d: 'დ', v: 'ვ', z: 'ზ', th: 'თ', k: 'კ', l: 'ლ', m: 'მ', n: 'ნ', p: 'პ', zh: 'ჟ', r: 'რ', s: 'ს',
      t: 'ტ', f: 'ფ', q: 'ქ', gh: 'ღ', sh: 'შ', ch: 'ჩ', ts: 'ც', kh: 'ხ', j: 'ჯ', h: 'ჰ', w: 'ვ', y: 'ი', dh: 'დ',
    },
    vowels: { a: ['ა', 'ა', 'ა'], e: ['ე', 'ე', 'ე'], i: ['ი', 'ი', 'ი'], o: ['ო', 'ო', 'ო'], u: ['უ', 'უ', 'უ'] },
    doubles: true,
  },
  Arabic: {
    consonants: {
      b: 'ب', t: 'ت', th: 'ث', j: 'ج', h: 'ه', kh: 'خ', d: 'د', dh: 'ذ', r: 'ر', z: 'ز', s: 'س', sh: 'ش', gh: 'غ',
      f: 'ف', q: 'ق', k: 'ك', l: 'ل', m: 'م', n: 'ن', w: 'و', y: 'ي', p: 'ب', v: 'ف', g: 'غ', ch: 'تش', zh: 'ج',
      ts: 'تس',
    },
    vowels: { a: ['ا', 'ا', 'ا'], e: ['إ', '', 'ي'], i: ['إي', 'ي', 'ي'], o: ['أو', 'و', 'و'], u: ['أو', 'و', 'و'] },
    doubles: false,
  },
  Persian: {
    consonants: {
      b: 'ب', t: 'ت', th: 'ث', j: 'ج', h: 'ه', kh: 'خ', d: 'د', dh: 'ذ', r: 'ر', z: 'ز', s: 'س', sh: 'ش', gh: 'غ',
      f: 'ف', q: 'ق', k: 'ک', l: 'ل', m: 'م', n: 'ن', w: 'و', y: 'ی', p: 'پ', v: 'و', g: 'گ', ch: 'چ', zh: 'ژ',
      ts: 'تس',
    },
    vowels: { a: ['آ', 'ا', 'ا'], e: ['ا', '', 'ه'], i: ['ای', 'ی', 'ی'], o: ['او', 'و', 'و'], u: ['او', 'و', 'و'] },
    doubles: false,
  },
  Hebrew: {
    consonants: {
      b: 'ב', g: 'ג', d: 'ד', h: 'ה', v: 'ו', z: 'ז', kh: 'ח', t: 'ט', y: 'י', k: 'ק', l: 'ל', m: 'מ', n: 'נ', s: 'ס',
      p: 'פ', f: 'פ', ts: 'צ', r: 'ר', sh: 'ש', ch: 'צ׳', j: 'ג׳', zh: 'ז׳', th: 'ת', q: 'ק', w: 'ו', dh: 'ד', gh: 'ג',
    },
    vowels: { a: ['א', '', 'ה'], e: ['א', '', 'ה'], i: ['אי', 'י', 'י'], o: ['או', 'ו', 'ו'], u: ['או', 'ו', 'ו'] },
    doubles: false,
    finals: { מ: 'ם', נ: 'ן', פ: 'ף', צ: 'ץ', ק: 'ק' },
  },
};

/** One romanised word in an alphabet or abjad. */
export function writeWordInAlphabet(word: string, script: AlphabetScript): string {
  const table = TABLES[script];
  const sounds = soundsOf(word);
  let out = '';
  for (let i = 0; i < sounds.length; i++) {
    const s = sounds[i] as Sound;
    const next = sounds[i + 1];
    const previous = sounds[i - 1];
    if (s.kind === 'consonant') {
      const glide = table.glides?.[`${s.value}${next?.kind === 'vowel' ? next.value : ''}`];
      if (glide !== undefined) {
        out += glide;
        i++;
        continue;
      }
      const letter = table.consonants[s.value] ?? '';
      // Greek writes n before its d, b, g (ντ, μπ, γκ) once: "Andrei" is "Αντρέι", not "Ανντρει".
      if (script === 'Greek' && (letter === 'ντ' || letter === 'μπ' || letter === 'γκ') && /[νμ]$/.test(out))
        out = out.slice(0, -1);
      out += s.long && table.doubles ? letter + letter : letter;
      continue;
    }
    if (s.value === 'i' && previous?.kind === 'vowel' && next?.kind !== 'vowel' && table.offGlideI !== undefined) {
      out += table.offGlideI;
      continue;
    }
    const position = i === 0 ? 0 : i === sounds.length - 1 ? 2 : 1;
    out += table.vowels[s.value][position];
  }
  const last = Array.from(out).pop() ?? '';
  const final = table.finals?.[last];
  return final === undefined ? out : out.slice(0, out.length - last.length) + final;
}

/** A romanised name (its words in the order given) in an alphabet or abjad. */
export function writeInAlphabet(words: readonly string[], script: AlphabetScript): string {
  return words
    .map((w) => writeWordInAlphabet(w, script))
    .filter((w) => w.length > 0)
    .join(' ');
}

export const ALPHABET_SCRIPTS: readonly AlphabetScript[] = Object.keys(TABLES) as AlphabetScript[];
