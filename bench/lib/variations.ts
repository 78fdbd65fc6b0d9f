/**
 * The labelled accuracy suite: queries derived from real listed names by one kind of variation each (positives, which
 * must find their entity) and look-alikes that must not hit (negatives). Deterministic: a seeded generator, so a run
 * can be compared with the last one.
 *
 * The variations are written from how names go wrong in customer data, not from the matcher's rules; where they use
 * a spelling table it is a different one from the matcher's (romanisation rules, not name lists).
 */
import type { MatchableEntity } from '../../shared/src/matching';
import {
  typo,
  PHONETIC_RULES,
  ROMANISATION_RULES,
  applyRule,
  COMMON_GIVEN,
  COMMON_SURNAMES,
  COMMON_FIRST,
  TITLES,
  LEGAL_SWAPS,
  ACCENTS,
  LEGAL_WORDS,
  LEGAL_BLOCK_START,
  LEGAL_BLOCK_END,
} from './name-edits';
import { pick, seededRng, shuffled, type Rng } from './seeded-rng';

/** Re-exported: the benches that draw the suite seed it from here. */
export { seededRng, type Rng };

export interface LabelledQuery {
  query: string;
  /** The entity a positive must find; undefined for negatives. */
  expected?: string;
  source: string;
}

export interface VariationClass {
  name: string;
  positive: boolean;
  /** Which listed entities this class starts from. */
  appliesTo: (e: MatchableEntity) => boolean;
  make: (e: MatchableEntity, rng: Rng) => string | undefined;
}

/**
 * Words of a listed name in natural order: a person's "SURNAME, Given" becomes "Given SURNAME" as a customer would
 * write it; an organisation's comma is part of its name ("CIMEX, S.A.") and stays.
 */
export function naturalTokens(name: string, type: MatchableEntity['type']): string[] {
  const comma = name.indexOf(',');
  const ordered = type === 'person' && comma > 0 ? `${name.slice(comma + 1)} ${name.slice(0, comma)}` : name;
  return ordered.split(/\s+/).filter((t) => t.length > 0);
}

/** The entity's primary name (its first name when none is marked primary). */
export const primary = (e: MatchableEntity): string =>
  (e.names.find((n) => n.kind === 'primary') ?? e.names[0])?.value ?? '';
const isLatin = (s: string): boolean => /^[\p{Script=Latin}\p{N}\s,.'&()/-]+$/u.test(s);
/** The primary name's words in natural order (a person's "SURNAME, Given" read "Given SURNAME"). */
export const wordsOf = (e: MatchableEntity): string[] => naturalTokens(primary(e), e.type);
const letterTokens = (tokens: string[]): number[] =>
  tokens.map((t, i) => (/^\p{L}{4,}$/u.test(t) ? i : -1)).filter((i) => i >= 0);
/** A person or an organisation whose primary name is Latin and has two words or more. */
export const isPerson = (e: MatchableEntity): boolean =>
  e.type === 'person' && isLatin(primary(e)) && wordsOf(e).length >= 2;
export const isOrg = (e: MatchableEntity): boolean =>
  e.type === 'organization' && isLatin(primary(e)) && wordsOf(e).length >= 2;
const isNamed = (e: MatchableEntity): boolean =>
  (e.type === 'person' || e.type === 'organization') && isLatin(primary(e)) && wordsOf(e).length >= 2;

/** The positive and negative variation classes of the suite. */
export const VARIATION_CLASSES: readonly VariationClass[] = [
  {
    name: 'typo',
    positive: true,
    appliesTo: isNamed,
    make: (e, rng) => {
      const tokens = wordsOf(e);
      const candidates = letterTokens(tokens);
      if (candidates.length === 0) return undefined;
      const i = pick(rng, candidates);
      tokens[i] = typo(tokens[i] as string, rng);
      return tokens.join(' ');
    },
  },
  {
    name: 'phonetic spelling',
    positive: true,
    appliesTo: isPerson,
    make: (e, rng) => applyRule(wordsOf(e), PHONETIC_RULES, rng),
  },
  {
    name: 'transliteration variant',
    positive: true,
    appliesTo: isPerson,
    make: (e, rng) => applyRule(wordsOf(e), ROMANISATION_RULES, rng),
  },
  {
    name: 'word reorder',
    positive: true,
    appliesTo: (e) => isNamed(e) && wordsOf(e).length >= 2,
    make: (e, rng) => {
      const tokens = wordsOf(e);
      if (e.type !== 'person') {
        // Organisations are reordered by moving the legal form (a block) from one end to the other.
        const name = primary(e).replace(/,/g, '');
        const lead = LEGAL_BLOCK_START.exec(name);
        if (lead) return `${name.slice(lead[0].length).trim()} ${lead[0].trim()}`;
        const tail = LEGAL_BLOCK_END.exec(name);
        if (tail) return `${tail[0].trim()} ${name.slice(0, tail.index).trim()}`;
        return [...tokens.slice(1), tokens[0]].join(' ').replace(/,/g, '');
      }
      for (let attempt = 0; attempt < 5; attempt++) {
        const reordered = [...tokens].sort(() => rng() - 0.5);
        if (reordered.join(' ') !== tokens.join(' ')) return reordered.join(' ');
      }
      return [...tokens.slice(1), tokens[0]].join(' ');
    },
  },
  {
    name: 'split / concatenation',
    positive: true,
    appliesTo: isNamed,
    make: (e, rng) => {
      const tokens = wordsOf(e);
      const long = tokens.map((t, i) => (/^\p{L}{6,}$/u.test(t) ? i : -1)).filter((i) => i >= 0);
      if (long.length > 0 && (rng() < 0.5 || tokens.length < 3)) {
        const i = pick(rng, long);
        const t = tokens[i] as string;
        const at = 3 + Math.floor(rng() * (t.length - 5));
        tokens.splice(i, 1, t.slice(0, at), t.slice(at));
        return tokens.join(' ');
      }
      if (tokens.length < 3) return undefined;
      const i = Math.floor(rng() * (tokens.length - 1));
      tokens.splice(i, 2, `${tokens[i]}${tokens[i + 1]}`);
      return tokens.join(' ');
    },
  },
  {
    name: 'missing token',
    positive: true,
    appliesTo: (e) => isPerson(e) && wordsOf(e).length >= 3,
    make: (e, rng) => {
      const tokens = wordsOf(e);
      tokens.splice(1 + Math.floor(rng() * (tokens.length - 2)), 1);
      return tokens.join(' ');
    },
  },
  {
    name: 'extra token',
    positive: true,
    appliesTo: (e) => isPerson(e) && wordsOf(e).length >= 2,
    make: (e, rng) => {
      const tokens = wordsOf(e);
      tokens.splice(1 + Math.floor(rng() * (tokens.length - 1)), 0, pick(rng, COMMON_GIVEN));
      return tokens.join(' ');
    },
  },
  {
    name: 'initials',
    positive: true,
    appliesTo: (e) => isPerson(e) && wordsOf(e).length >= 3,
    make: (e, rng) => {
      const tokens = wordsOf(e);
      const i = 1 + Math.floor(rng() * (tokens.length - 2));
      tokens[i] = `${(tokens[i] as string).charAt(0)}.`;
      return tokens.join(' ');
    },
  },
  {
    name: 'titles and honorifics',
    positive: true,
    appliesTo: isPerson,
    make: (e, rng) => `${pick(rng, TITLES)} ${wordsOf(e).join(' ')}`,
  },
  {
    name: 'legal-form variants',
    positive: true,
    appliesTo: isOrg,
    make: (e, rng) => {
      const name = primary(e);
      const swaps = LEGAL_SWAPS.filter(([re]) => re.test(name));
      if (swaps.length === 0) return `${name} ${pick(rng, ['LLC', 'Ltd', 'Inc.', 'Co.', 'JSC'])}`;
      const [re, to] = pick(rng, swaps);
      return name.replace(re, to);
    },
  },
  {
    name: 'diacritics and punctuation',
    positive: true,
    appliesTo: isNamed,
    make: (e, rng) => {
      let name = wordsOf(e).join(' ');
      for (let k = 0; k < 3; k++) {
        const positions = [...name].map((ch, i) => (ACCENTS[ch] !== undefined ? i : -1)).filter((i) => i >= 0);
        if (positions.length === 0) break;
        const i = pick(rng, positions);
        name = name.slice(0, i) + (ACCENTS[name[i] as string] as string) + name.slice(i + 1);
      }
      const spaces = [...name].map((ch, i) => (ch === ' ' ? i : -1)).filter((i) => i >= 0);
      if (spaces.length > 0) {
        const i = pick(rng, spaces);
        name = name.slice(0, i) + pick(rng, ['-', ' - ', '.  ', ', ', '  ']) + name.slice(i + 1);
      }
      return rng() < 0.5 ? name.toLowerCase() : `${name}.`;
    },
  },
  {
    name: 'truncation',
    positive: true,
    appliesTo: (e) => isNamed(e) && wordsOf(e).join(' ').length >= 12,
    make: (e, rng) => {
      // A fixed-width field cuts the name 75-95% of the way along, never leaving a last fragment under 4 letters.
      const full = wordsOf(e).join(' ');
      const cut = Math.floor(full.length * (0.75 + rng() * 0.2));
      // Cuts that fall between words or leave under four letters of the cut word are whole-word losses, not truncation;
      // cuts that remove a number, or leave nothing but legal-form words, leave nothing any matcher could find.
      const start = Math.max(full.lastIndexOf(' ', cut - 1), full.lastIndexOf('-', cut - 1)) + 1;
      const rest = full.slice(start);
      const end = start + (/[\s-]/.exec(rest)?.index ?? rest.length);
      if (cut - start < 4 || cut >= end) return undefined;
      const truncated = full.slice(0, cut).trim();
      if (/\d/.test(full.slice(cut))) return undefined;
      if (
        truncated
          .replace(LEGAL_WORDS, ' ')
          .trim()
          .split(/\s+/)
          .filter((w) => w.length > 1).length < 2
      )
        return undefined;
      return truncated.includes(' ') ? truncated : undefined;
    },
  },
  {
    name: 'common names',
    positive: false,
    appliesTo: () => true,
    make: (_e, rng) =>
      `${pick(rng, COMMON_FIRST)} ${rng() < 0.3 ? `${pick(rng, COMMON_FIRST)} ` : ''}${pick(rng, COMMON_SURNAMES)}`,
  },
  {
    name: 'same given name, other surname',
    positive: false,
    appliesTo: (e) => isPerson(e) && primary(e).includes(','),
    make: (e, rng) => {
      const name = primary(e);
      const given = name.slice(name.indexOf(',') + 1).trim();
      if (given === '' || given.includes(' ')) return undefined;
      return `${given} ${pick(rng, COMMON_SURNAMES)}`;
    },
  },
  {
    name: 'substring traps',
    positive: false,
    appliesTo: isNamed,
    make: (e, rng) => {
      const tokens = wordsOf(e).filter((t) => /^\p{L}{4,7}$/u.test(t));
      if (tokens.length === 0) return undefined;
      const core = pick(rng, tokens).toLowerCase();
      const word = `${pick(rng, ['com', 'in', 're', 'ex', 'pro', 'con', 'tele', 'micro'])}${core}${pick(rng, ['ing', 'er', 'ation', 'ity', 'ics', 'ed'])}`;
      return `${word.charAt(0).toUpperCase()}${word.slice(1)} ${pick(rng, ['Ltd', 'Services', 'Group', 'Inc', 'Consulting'])}`;
    },
  },
  {
    name: 'number mismatches',
    positive: false,
    appliesTo: (e) => e.type !== 'person' && isLatin(primary(e)),
    make: (e, rng) => {
      const name = primary(e);
      const number = /\d+/.exec(name);
      if (number !== null) {
        const n = number[0];
        const changed = String((Number(n) + 1 + Math.floor(rng() * 8)) % 10 ** n.length).padStart(n.length, '0');
        return name.replace(n, changed);
      }
      return `${name} ${2 + Math.floor(rng() * 9)}`;
    },
  },
];

/** Up to `perClass` queries for a class, from entities drawn at random (without replacement). */
export function generateClass(
  cls: VariationClass,
  entities: readonly MatchableEntity[],
  perClass: number,
  seed: number,
): LabelledQuery[] {
  const rng = seededRng(seed);
  // A negative that happens to be a listed name (another vessel number, a real "Ahmed Mansour") is not a negative.
  const nameKey = orderFreeNameKey;
  const listed = cls.positive
    ? new Set<string>()
    : new Set(entities.flatMap((e) => e.names.map((n) => nameKey(n.value))));
  const pool = entities.filter(cls.appliesTo);
  const out: LabelledQuery[] = [];
  for (const e of shuffled(pool, rng)) {
    if (out.length >= perClass) break;
    const query = cls.make(e, rng);
    if (query === undefined || query.trim() === '' || query === primary(e) || listed.has(nameKey(query))) continue;
    out.push(cls.positive ? { query, expected: e.id, source: primary(e) } : { query, source: primary(e) });
  }
  return out;
}

/** A name's words, upper-cased and sorted, without punctuation: the same name in any word order has the same key. */
export function orderFreeNameKey(name: string): string {
  return name
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .sort()
    .join(' ');
}
