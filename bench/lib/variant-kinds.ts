/**
 * Kinds of name variant the issue lists that variations.ts does not make: legal forms glued, misspelt or in another
 * language's long or short form, given-name hypocorisms, a first given name as an initial, numbers as words and words
 * as numbers, digits typed for letters, random case. Positives only, drawn from listed names with a seeded generator,
 * in the same VariationClass shape so generateClass draws them. The tables here are the bench's own, not the matcher's.
 */
import type { MatchableEntity } from '../../shared/src/matching';
import { typo, LEGAL_BLOCK_END, LEGAL_BLOCK_START } from './name-edits';
import { pick, type Rng } from './seeded-rng';
import { isOrg, isPerson, primary, wordsOf, type VariationClass } from './variations';

const isNamed = (e: MatchableEntity): boolean => (isPerson(e) || isOrg(e)) && wordsOf(e).join('').length >= 6;

/** Each letter upper or lower case at random: a name typed with caps lock toggling, or a filter being dodged. */
export function randomCase(text: string, rng: Rng): string {
  return Array.from(text)
    .map((ch) => (rng() < 0.5 ? ch.toLowerCase() : ch.toUpperCase()))
    .join('');
}

/**
 * Long legal-form words as they are spelt in full, for one-letter-off misspellings ("Limted", "Compnay").
 */
const LONG_LEGAL =
  /\b(LIMITED|COMPANY|CORPORATION|INCORPORATED|JOINT|STOCK|LIABILITY|ENTERPRISE|INDUSTRIES|TRADING|AKTSIONERNOE|OBSHCHESTVO|OTVETSTVENNOSTYU|OGRANICHENNOI|GESELLSCHAFT|SOCIEDAD|ANONIMA)\b/gi;

/**
 * Legal forms in full and as their usual abbreviation, from the ISO 20275 Entity Legal Forms code list (GLEIF) and
 * common company-register practice ("Mfg", "Ind."): a name carrying one side is written with the other.
 */
const LEGAL_EQUIVALENTS: readonly [RegExp, string][] = [
  [/\bPUBLICHNOE AKTSIONERNOE OBSHCHESTVO\b/i, 'PAO'],
  [/\bPAO\b/i, 'PJSC'],
  [/\bPJSC\b/i, 'Public Joint Stock Company'],
  [/\bAKTSIONERNOE OBSHCHESTVO\b/i, 'AO'],
  [/\bAO\b/i, 'Aktsionernoe Obshchestvo'],
  [/\bOBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU\b/i, 'OOO'],
  [/\bOOO\b/i, 'Obshchestvo s Ogranichennoi Otvetstvennostyu'],
  [/\bSOCIETE A RESPONSABILITE LIMITEE\b/i, 'SARL'],
  [/\bSARL\b/i, 'Société à responsabilité limitée'],
  [/\bSOCIETA PER AZIONI\b/i, 'SpA'],
  [/\bS\.?P\.?A\.?(?=\s|$)/i, 'Società per Azioni'],
  [/\bGMBH\b/i, 'Gesellschaft mit beschränkter Haftung'],
  [/\bMANUFACTURING\b/i, 'Mfg'],
  [/\bINDUSTRIES\b/i, 'Ind.'],
  [/\bINDUSTRIAL\b/i, 'Ind.'],
  [/\bINTERNATIONAL\b/i, 'Intl'],
  [/\bTRADING\b/i, 'Trdg'],
  [/\bLIMITED LIABILITY COMPANY\b/i, 'L.L.C.'],
  [/\bJOINT STOCK COMPANY\b/i, 'J.S.C.'],
  [/\bCOMPANY LIMITED\b/i, 'Co.,Ltd.'],
  [/\bCO\.?,? LTD\.?(?=\s|$)/i, 'Co.,Ltd'],
];

/**
 * Hypocorisms and short forms of given names as customers write them: English diminutives, Russian and Spanish
 * hypocorisms, the Arabic-speaking world's abbreviations ("Mohd", "Abd."). Common practice, written for this bench.
 */
const HYPOCORISMS: Record<string, readonly string[]> = {
  MOHAMMED: ['Mohd', 'Mohamad', 'Muhamad'],
  MUHAMMAD: ['Mohd', 'Muhd', 'Mohammed'],
  MOHAMMAD: ['Mohd', 'Mohamed'],
  MOHAMED: ['Mohd', 'Mohammed'],
  AHMAD: ['Ahmed'],
  AHMED: ['Ahmad'],
  ABDUL: ['Abd.', 'Abdel'],
  ABDEL: ['Abdul'],
  ALEKSANDR: ['Sasha', 'Alexander', 'Alex'],
  ALEXANDER: ['Alex', 'Sasha'],
  ALEKSEY: ['Alexei', 'Alyosha'],
  ALEKSEI: ['Alexey'],
  DMITRY: ['Dima', 'Dmitri'],
  DMITRIY: ['Dima', 'Dmitri'],
  VLADIMIR: ['Volodya', 'Vova'],
  NIKOLAY: ['Nikolai', 'Kolya'],
  NIKOLAI: ['Nikolay', 'Kolya'],
  SERGEY: ['Sergei', 'Seryozha'],
  SERGEI: ['Sergey'],
  MIKHAIL: ['Misha', 'Michael'],
  YEVGENIY: ['Evgeny', 'Zhenya'],
  EVGENY: ['Yevgeny', 'Zhenya'],
  IVAN: ['Vanya'],
  PAVEL: ['Pasha'],
  ANDREY: ['Andrei', 'Andrew'],
  ANDREI: ['Andrey'],
  YURIY: ['Yuri', 'Yura'],
  VIKTOR: ['Victor', 'Vitya'],
  JOSE: ['Pepe'],
  FRANCISCO: ['Paco', 'Pancho'],
  MANUEL: ['Manolo'],
  IGNACIO: ['Nacho'],
  ROBERT: ['Bob', 'Rob'],
  WILLIAM: ['Bill', 'Will'],
  RICHARD: ['Rick', 'Dick'],
  JAMES: ['Jim'],
  MICHAEL: ['Mike'],
  JOSEPH: ['Joe'],
  THOMAS: ['Tom'],
  ANTHONY: ['Tony'],
  DANIEL: ['Dan', 'Danny'],
  DAVID: ['Dave'],
  PETER: ['Pete'],
  YUSUF: ['Yousef', 'Joseph'],
  IBRAHIM: ['Ebrahim'],
  HUSSEIN: ['Husain', 'Hussain'],
  HUSAYN: ['Hussein'],
  OSAMA: ['Usama'],
  USAMA: ['Osama'],
  UMAR: ['Omar'],
  OMAR: ['Umar'],
};

const NUMBER_WORDS = ['ZERO', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE', 'TEN'];
const ORDINAL_WORDS = [
  '',
  'FIRST',
  'SECOND',
  'THIRD',
  'FOURTH',
  'FIFTH',
  'SIXTH',
  'SEVENTH',
  'EIGHTH',
  'NINTH',
  'TENTH',
];
const ORDINAL_SUFFIX = ['', 'st', 'nd', 'rd', 'th', 'th', 'th', 'th', 'th', 'th', 'th'];
const NUMBER_TOKEN =
  /\b(?:(10|[1-9])(ST|ND|RD|TH)?|ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN|FIRST|SECOND|THIRD|FOURTH|FIFTH|SIXTH|SEVENTH|EIGHTH|NINTH|TENTH)\b/i;

function numberSwap(name: string): string | undefined {
  const m = NUMBER_TOKEN.exec(name);
  if (m === null) return undefined;
  const token = m[0].toUpperCase();
  let to: string;
  if (m[1] !== undefined) {
    const n = Number(m[1]);
    to = m[2] !== undefined ? (ORDINAL_WORDS[n] as string) : (NUMBER_WORDS[n] as string);
  } else if (NUMBER_WORDS.includes(token)) to = String(NUMBER_WORDS.indexOf(token));
  else {
    const n = ORDINAL_WORDS.indexOf(token);
    to = `${n}${ORDINAL_SUFFIX[n]}`;
  }
  return name.slice(0, m.index) + to + name.slice(m.index + m[0].length);
}

/** Digits typed for the letters they look like: O as 0, I as 1, S as 5, E as 3. */
const DIGIT_FOR_LETTER: Record<string, string> = { O: '0', I: '1', S: '5', E: '3', o: '0', i: '1', s: '5', e: '3' };

export const EXTRA_VARIATION_CLASSES: readonly VariationClass[] = [
  {
    name: 'legal form glued to the name',
    positive: true,
    appliesTo: (e) => isOrg(e) && (LEGAL_BLOCK_END.test(primary(e)) || LEGAL_BLOCK_START.test(primary(e))),
    make: (e, rng) => {
      const name = primary(e).replace(/,/g, '');
      const tail = LEGAL_BLOCK_END.exec(name);
      const glue = (form: string): string => {
        const bare = form.trim().replace(/[\s.]+/g, '');
        return rng() < 0.5 ? bare : bare.charAt(0) + bare.slice(1).toLowerCase();
      };
      if (tail !== null) return `${name.slice(0, tail.index).trim()}${glue(tail[0])}`;
      const lead = LEGAL_BLOCK_START.exec(name);
      return lead === null ? undefined : `${glue(lead[0])}${name.slice(lead[0].length).trim()}`;
    },
  },
  {
    name: 'legal form misspelt',
    positive: true,
    appliesTo: (e) => isOrg(e) && new RegExp(LONG_LEGAL.source, 'i').test(primary(e)),
    make: (e, rng) => {
      const name = primary(e);
      const words = [...name.matchAll(LONG_LEGAL)];
      if (words.length === 0) return undefined;
      const m = pick(rng, words);
      return name.slice(0, m.index) + typo(m[0], rng) + name.slice((m.index ?? 0) + m[0].length);
    },
  },
  {
    name: 'legal form in its long or short form',
    positive: true,
    appliesTo: (e) => isOrg(e) && LEGAL_EQUIVALENTS.some(([re]) => re.test(primary(e))),
    make: (e, rng) => {
      const name = primary(e);
      const swaps = LEGAL_EQUIVALENTS.filter(([re]) => re.test(name));
      const [re, to] = pick(rng, swaps);
      return name.replace(re, to);
    },
  },
  {
    name: 'given-name hypocorism',
    positive: true,
    appliesTo: (e) => isPerson(e) && wordsOf(e).some((w) => HYPOCORISMS[w.toUpperCase()] !== undefined),
    make: (e, rng) => {
      const words = wordsOf(e);
      const at = words.map((w, i) => (HYPOCORISMS[w.toUpperCase()] !== undefined ? i : -1)).filter((i) => i >= 0);
      const i = pick(rng, at);
      words[i] = pick(rng, HYPOCORISMS[(words[i] as string).toUpperCase()] as readonly string[]);
      return words.join(' ');
    },
  },
  {
    name: 'first given name as an initial',
    positive: true,
    appliesTo: (e) => isPerson(e) && wordsOf(e).length >= 3,
    make: (e, rng) => {
      const words = wordsOf(e);
      words[0] = `${(words[0] as string).charAt(0)}${rng() < 0.5 ? '.' : ''}`;
      return words.join(' ');
    },
  },
  {
    name: 'numbers as words, words as numbers',
    positive: true,
    appliesTo: (e) => isNamed(e) && NUMBER_TOKEN.test(primary(e)),
    make: (e) => numberSwap(primary(e)),
  },
  {
    name: 'digits for letters',
    positive: true,
    appliesTo: (e) => isNamed(e) && /[OISE]/i.test(primary(e)),
    make: (e, rng) => {
      const name = wordsOf(e).join(' ');
      const at = Array.from(name)
        .map((ch, i) => (DIGIT_FOR_LETTER[ch] !== undefined && i > 0 && name[i - 1] !== ' ' ? i : -1))
        .filter((i) => i >= 0);
      if (at.length === 0) return undefined;
      const i = pick(rng, at);
      return name.slice(0, i) + (DIGIT_FOR_LETTER[name[i] as string] as string) + name.slice(i + 1);
    },
  },
  {
    name: 'random case',
    positive: true,
    appliesTo: isNamed,
    make: (e, rng) => randomCase(wordsOf(e).join(' '), rng),
  },
];
