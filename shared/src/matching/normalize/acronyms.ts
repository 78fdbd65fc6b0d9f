/**
 * Acronyms of organisation names: which strings of initials a run of words abbreviates to ("People's Liberation
 * Army" is "PLA"; "Челябинский металлургический комбинат", read "chelyabinskiy metallurgicheskiy kombinat", is "CHMK").
 */

import { givenNameVariantsOf } from './given-name-variants';

/**
 * Which side's words may be read as acronyms: none; the query's only ("PLA" for "People's Liberation Army"); or also
 * the listed side's ("UAC" listed, "United Aircraft Corporation" asked).
 */
export type AcronymReading = 'none' | 'query' | 'both';

/**
 * How a query may be read for acronyms against a listed name. Never for a person on either side: a person's initials
 * spell some company's acronym by chance ("Rebecca Grethe Schou" / "RGS HOLDING"). Both ways for a query known to be
 * an organisation (by its type or a legal form); the query's words only when it is one word that is no given name
 * (an acronym asked alone: "CHMK").
 */
export function acronymReading(
  queryType: string | undefined,
  listedIsPerson: boolean,
  query: { readonly hasLegalForm: boolean; readonly tokens: readonly AcronymToken[] },
): AcronymReading {
  if (queryType === 'person' || listedIsPerson) return 'none';
  if (queryType !== undefined || query.hasLegalForm) return 'both';
  let only: AcronymToken | undefined;
  for (const t of query.tokens) {
    if (t.kind === 'particle') continue;
    if (only !== undefined) return 'none';
    only = t;
  }
  return only !== undefined && mayBeAcronym(only) && givenNameVariantsOf(only.text).size === 0 ? 'query' : 'none';
}

/** Shorter acronyms fit too many names ("AB", "SA" are legal forms as often as initials). */
export const ACRONYM_MIN_LETTERS = 3;
/** Longer "acronyms" are words: a run of eleven initials spelling a query word is chance. */
export const ACRONYM_MAX_LETTERS = 10;
/** An acronym abbreviates at least this many words (one word's first letters are a truncation, not an acronym). */
const ACRONYM_MIN_WORDS = 2;
/** Runs of more words than this are not abbreviated at index build (acronyms of long names cover part of them). */
const ACRONYM_MAX_WORDS = 8;
/** Acronyms kept per listed name: particles and digraphs multiply the readings of a long name. */
const MAX_ACRONYMS_PER_NAME = 16;
/**
 * Two letters a romanisation writes for one letter of the source script: an acronym read out of Cyrillic writes the
 * letter as the word's romanisation begins ("ЧМК" is "CHMK").
 */
const ONE_LETTER_DIGRAPHS: ReadonlySet<string> = new Set(['ch', 'sh', 'zh', 'kh', 'ts', 'ya', 'yu', 'ye', 'yo']);
const LETTERS_ONLY = /^[a-z]+$/;

/**
 * Tokens after a word that may give their letter or be passed over: particles ("Bank of America" is "BOA" or "BA")
 * and legal forms ("United Aircraft Corporation" is "UAC").
 */
const PASSABLE: ReadonlySet<string> = new Set(['particle', 'legal']);

interface AcronymToken {
  readonly text: string;
  readonly kind: string;
}

/** Whether a token may be an acronym: one word of three to ten plain letters. */
export function mayBeAcronym(token: AcronymToken): boolean {
  return (
    token.kind === 'word' &&
    token.text.length >= ACRONYM_MIN_LETTERS &&
    token.text.length <= ACRONYM_MAX_LETTERS &&
    LETTERS_ONLY.test(token.text)
  );
}

/** The initials a word may give: its first letter, and its first two when they write one letter of another script. */
function initialsOf(text: string): string[] {
  const pair = text.slice(0, 2);
  return ONE_LETTER_DIGRAPHS.has(pair) ? [text[0] as string, pair] : [text.slice(0, 1)];
}

/**
 * Where `acronym` spells the initials of the words from `start` on: the index after the last token it covers, or -1.
 * Each word gives one of its initials; a particle or legal form after a word may give its letter or be passed over;
 * numbers end the run.
 */
export function acronymRunEnd(acronym: string, tokens: readonly AcronymToken[], start: number): number {
  const walk = (at: number, t: number, words: number): number => {
    if (at === acronym.length) return words >= ACRONYM_MIN_WORDS ? t : -1;
    const token = tokens[t];
    if (token === undefined || !(token.kind === 'word' || PASSABLE.has(token.kind))) return -1;
    if (PASSABLE.has(token.kind)) {
      if (words === 0) return -1;
      const taken = token.text[0] === acronym[at] ? walk(at + 1, t + 1, words) : -1;
      return taken >= 0 ? taken : walk(at, t + 1, words);
    }
    for (const initial of initialsOf(token.text).reverse()) {
      if (!acronym.startsWith(initial, at)) continue;
      const end = walk(at + initial.length, t + 1, words + 1);
      if (end >= 0) return end;
    }
    return -1;
  };
  return walk(0, start, 0);
}

/** An acronym of a run of a name's tokens: `start` up to (not including) `end`. */
export interface NameAcronym {
  acronym: string;
  start: number;
  end: number;
}

/**
 * Every acronym of a run of two or more of a name's words that opens or closes the name (particles and legal forms
 * after a word given or passed over), three to ten letters: what a query may abbreviate the name, or its leading or
 * closing part ("NPO" and "MRTZ" of "НПО Московский радиотехнический завод"), to. Runs in the middle are left out:
 * they would multiply a long name's acronyms for little.
 */
export function nameAcronyms(tokens: readonly AcronymToken[]): NameAcronym[] {
  const found = new Map<string, NameAcronym>();
  const firstWord = tokens.findIndex((x) => x.kind === 'word');
  let lastWord = -1;
  tokens.forEach((x, i) => {
    if (x.kind === 'word') lastWord = i;
  });
  let start = 0;
  const walk = (prefix: string, t: number, words: number): void => {
    if (found.size >= MAX_ACRONYMS_PER_NAME || prefix.length > ACRONYM_MAX_LETTERS) return;
    const closes = start === firstWord || t > lastWord;
    if (words >= ACRONYM_MIN_WORDS && prefix.length >= ACRONYM_MIN_LETTERS && closes && !found.has(prefix))
      found.set(prefix, { acronym: prefix, start, end: t });
    const token = tokens[t];
    if (token === undefined || words >= ACRONYM_MAX_WORDS) return;
    if (PASSABLE.has(token.kind) && words > 0) {
      walk(prefix + (token.text[0] as string), t + 1, words);
      walk(prefix, t + 1, words);
    } else if (token.kind === 'word') {
      for (const initial of initialsOf(token.text)) walk(prefix + initial, t + 1, words + 1);
    }
  };
  tokens.forEach((token, t) => {
    start = t;
    if (token.kind === 'word') walk('', t, 0);
  });
  return [...found.values()].filter((a) => LETTERS_ONLY.test(a.acronym));
}
