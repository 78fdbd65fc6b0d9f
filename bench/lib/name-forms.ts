/**
 * One listed person written in 80 forms and scripts: Latin variants (orders, case, diacritics, typos, respellings,
 * initials, glued and hyphenated words, titles) and the name written in Cyrillic, Greek, Armenian, Georgian, Arabic,
 * Persian, Hebrew, Devanagari, Bengali, Thai, Khmer, Hangul, katakana and, for Chinese names, Han, by the documented
 * tables of script-alphabets.ts and script-syllables.ts, in both word orders, in upper and random case where the script
 * has case. Deterministic for a seed. Bench-only.
 */
import { ACCENTS, PHONETIC_RULES, ROMANISATION_RULES, TITLES, applyRule, typo } from './name-edits';
import { ALPHABET_SCRIPTS, writeInAlphabet, type AlphabetScript } from './script-alphabets';
import { SYLLABIC_SCRIPTS, writeInSyllables, type SyllabicScript } from './script-syllables';
import { pick, seededRng, type Rng } from './seeded-rng';
import { randomCase } from './variant-kinds';

export const FORMS_PER_PERSON = 80;

export interface WrittenForm {
  text: string;
  /** "Latin" or the script it is written in. */
  script: string;
  /** What was done to the name ("reversed order", "random case", ...). */
  kind: string;
}

const CASED_SCRIPTS: ReadonlySet<string> = new Set(['Cyrillic', 'Greek', 'Armenian']);

function accented(text: string, rng: Rng): string {
  const chars = Array.from(text);
  const at = chars.map((ch, i) => (ACCENTS[ch] !== undefined ? i : -1)).filter((i) => i >= 0);
  for (let k = 0; k < 2 && at.length > 0; k++) {
    const i = pick(rng, at);
    chars[i] = ACCENTS[chars[i] as string] as string;
  }
  return chars.join('');
}

/** Latin variants of a person's name (`given` words then `surname`), in a fixed order of kinds. */
function latinForms(given: readonly string[], surname: string, rng: Rng): WrittenForm[] {
  const natural = [...given, surname];
  const out: WrittenForm[] = [];
  const add = (text: string | undefined, kind: string): void => {
    if (text !== undefined && text.trim() !== '') out.push({ text, script: 'Latin', kind });
  };
  const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
  add(natural.join(' '), 'as listed');
  add(natural.map(cap).join(' '), 'title case');
  add(natural.join(' ').toLowerCase(), 'lower case');
  add(natural.join(' ').toUpperCase(), 'upper case');
  add(`${surname}, ${given.join(' ')}`, 'surname, given');
  add([surname, ...given].join(' '), 'surname first');
  add(`${surname.toUpperCase()} ${given.map(cap).join(' ')}`, 'surname first, upper-cased surname');
  for (let k = 0; k < 4; k++) add(randomCase(natural.join(' '), rng), 'random case');
  for (let k = 0; k < 3; k++) add(accented(natural.map(cap).join(' '), rng), 'diacritics');
  for (let k = 0; k < 4; k++) {
    const words = [...natural];
    const long = words.map((w, i) => (w.length >= 4 ? i : -1)).filter((i) => i >= 0);
    if (long.length === 0) break;
    const i = pick(rng, long);
    words[i] = typo(words[i] as string, rng);
    add(words.join(' '), 'typo');
  }
  for (let k = 0; k < 3; k++) add(applyRule([...natural], PHONETIC_RULES, rng), 'phonetic respelling');
  for (let k = 0; k < 3; k++) add(applyRule([...natural], ROMANISATION_RULES, rng), 'romanisation variant');
  add([`${(given[0] as string).charAt(0)}.`, ...given.slice(1), surname].join(' '), 'initial of the first given name');
  if (given.length >= 2)
    add([given[0], ...given.slice(1).map((g) => `${g.charAt(0)}.`), surname].join(' '), 'initials of middle names');
  add(natural.join('-'), 'hyphenated');
  add(natural.join(''), 'glued');
  add(`${given.join(' ')}-${surname}`, 'hyphen before the surname');
  add(`${pick(rng, TITLES)} ${natural.join(' ')}`, 'title');
  add(`${natural.join(', ')}.`, 'punctuation');
  add(natural.join('  ').toLowerCase(), 'double spaces');
  add(
    natural
      .map((w) => cap(w))
      .reverse()
      .join(' '),
    'reversed order',
  );
  return out;
}

/** The name in each other script, in natural and surname-first order, cased forms where the script has case. */
function scriptForms(given: readonly string[], surname: string, rng: Rng): WrittenForm[] {
  const natural = [...given, surname];
  const surnameFirst = [surname, ...given];
  const out: WrittenForm[] = [];
  for (const script of ALPHABET_SCRIPTS) {
    const a = writeInAlphabet(natural, script as AlphabetScript);
    const b = writeInAlphabet(surnameFirst, script as AlphabetScript);
    const cap = (text: string): string =>
      CASED_SCRIPTS.has(script)
        ? text.replace(/(^|\s)(\S)/gu, (_m, s: string, c: string) => s + c.toUpperCase())
        : text;
    out.push({ text: cap(a), script, kind: 'natural order' });
    out.push({ text: cap(b), script, kind: 'surname first' });
    if (CASED_SCRIPTS.has(script)) {
      out.push({ text: a.toUpperCase(), script, kind: 'upper case' });
      out.push({ text: randomCase(b, rng), script, kind: 'random case' });
    }
  }
  for (const script of SYLLABIC_SCRIPTS) {
    const a = writeInSyllables(natural, surnameFirst, script as SyllabicScript);
    if (a === undefined) continue;
    out.push({ text: a, script, kind: script === 'Han' ? 'surname first' : 'natural order' });
    const b = writeInSyllables(surnameFirst, natural, script as SyllabicScript);
    if (b !== undefined) out.push({ text: b, script, kind: script === 'Han' ? 'given name first' : 'surname first' });
  }
  return out;
}

/** A respelt romanisation written in each script: the same person as another clerk romanised, then wrote, them. */
function respeltScriptForms(given: readonly string[], surname: string, rng: Rng): WrittenForm[] {
  const respelt = applyRule([...given, surname], ROMANISATION_RULES, rng)?.split(' ');
  if (respelt === undefined) return [];
  const out: WrittenForm[] = [];
  for (const script of ALPHABET_SCRIPTS)
    out.push({ text: writeInAlphabet(respelt, script), script, kind: 'respelt, natural order' });
  for (const script of SYLLABIC_SCRIPTS) {
    if (script === 'Han') continue;
    const text = writeInSyllables(respelt, respelt, script);
    if (text !== undefined) out.push({ text, script, kind: 'respelt, natural order' });
  }
  return out;
}

/**
 * Up to FORMS_PER_PERSON distinct written forms of one person's name. Script forms come first (they are the point),
 * then Latin ones; more typos and random-case forms fill up to the count when the kinds above repeat.
 */
export function writtenForms(given: readonly string[], surname: string, seed: number): WrittenForm[] {
  const rng = seededRng(seed);
  const candidates = [
    ...scriptForms(given, surname, rng),
    ...respeltScriptForms(given, surname, rng),
    ...latinForms(given, surname, rng),
  ];
  const seen = new Set<string>();
  const out: WrittenForm[] = [];
  const take = (f: WrittenForm): void => {
    if (out.length >= FORMS_PER_PERSON || f.text.trim() === '' || seen.has(f.text)) return;
    seen.add(f.text);
    out.push(f);
  };
  candidates.forEach(take);
  for (let attempt = 0; out.length < FORMS_PER_PERSON && attempt < 200; attempt++) {
    const natural = [...given, surname];
    const i = Math.floor(rng() * natural.length);
    if ((natural[i] as string).length >= 4) natural[i] = typo(natural[i] as string, rng);
    take({
      text: attempt % 2 === 0 ? natural.join(' ') : randomCase(natural.join(' '), rng),
      script: 'Latin',
      kind: 'typo',
    });
  }
  return out;
}
