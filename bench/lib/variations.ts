/**
 * The labelled accuracy suite: queries derived from real listed names by one kind of variation each (positives, which
 * must find their entity) and look-alikes that must not hit (negatives). Deterministic: a seeded generator, so a run
 * can be compared with the last one.
 *
 * The variations are written from how names go wrong in customer data, not from the matcher's rules; where they use
 * a spelling table it is a different one from the matcher's (romanisation rules, not name lists).
 */
import type { MatchableEntity } from '../../shared/src/matching';

export type Rng = () => number;

/** mulberry32: a small, fast, seedable generator. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

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

const primary = (e: MatchableEntity): string => (e.names.find((n) => n.kind === 'primary') ?? e.names[0])?.value ?? '';
const isLatin = (s: string): boolean => /^[\p{Script=Latin}\p{N}\s,.'&()/-]+$/u.test(s);
const wordsOf = (e: MatchableEntity): string[] => naturalTokens(primary(e), e.type);
const letterTokens = (tokens: string[]): number[] =>
  tokens.map((t, i) => (/^\p{L}{4,}$/u.test(t) ? i : -1)).filter((i) => i >= 0);
const isPerson = (e: MatchableEntity): boolean => e.type === 'person' && isLatin(primary(e)) && wordsOf(e).length >= 2;
const isOrg = (e: MatchableEntity): boolean =>
  e.type === 'organization' && isLatin(primary(e)) && wordsOf(e).length >= 2;
const isNamed = (e: MatchableEntity): boolean =>
  (e.type === 'person' || e.type === 'organization') && isLatin(primary(e)) && wordsOf(e).length >= 2;

function matchCase(template: string, ch: string): string {
  return template === template.toUpperCase() ? ch.toUpperCase() : ch.toLowerCase();
}

/** One edit in one word: substitution, deletion, insertion or transposition. */
function typo(word: string, rng: Rng): string {
  const i = 1 + Math.floor(rng() * (word.length - 1)); // first letters are rarely mistyped
  const letter = matchCase(word, pick(rng, LETTERS.split('')));
  switch (Math.floor(rng() * 4)) {
    case 0:
      return word.slice(0, i) + letter + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + letter + word.slice(i);
    default:
      return i + 1 < word.length
        ? word.slice(0, i) + (word[i + 1] as string) + (word[i] as string) + word.slice(i + 2)
        : word.slice(0, i - 1) + (word[i] as string) + (word[i - 1] as string);
  }
}

/** Sound-alike respellings, as a clerk writes a name heard rather than read. */
const PHONETIC_RULES: readonly [RegExp, string][] = [
  [/ph/i, 'f'],
  [/f/i, 'ph'],
  [/ck/i, 'k'],
  [/c(?=[aou])/i, 'k'],
  [/k/i, 'c'],
  [/ou/i, 'u'],
  [/u/i, 'ou'],
  [/oo/i, 'u'],
  [/ee/i, 'i'],
  [/y(?=\w)/i, 'i'],
  [/(?<=\w)i(?=[aeou])/i, 'y'],
  [/([bdfglmnprst])\1/i, '$1'],
  [/(?<=[aeiou])([bdlmnprst])(?=[aeiou])/i, '$1$1'],
  [/kh/i, 'h'],
  [/q/i, 'k'],
  [/(?<=[aeiou])s(?=[aeiou])/i, 'z'],
  [/z/i, 's'],
  [/v/i, 'w'],
  [/w/i, 'v'],
  [/ov$/i, 'off'],
  [/ie$/i, 'y'],
];

/** Romanisation alternatives: the same sound written under another system (French, German, English, BGN, ALA-LC). */
const ROMANISATION_RULES: readonly [RegExp, string][] = [
  [/ou/i, 'u'],
  [/u/i, 'ou'],
  [/dj/i, 'j'],
  [/j/i, 'dj'],
  [/sh/i, 'ch'],
  [/ch/i, 'tch'],
  [/kh/i, 'ch'],
  [/ts/i, 'tz'],
  [/iy$/i, 'i'],
  [/y$/i, 'i'],
  [/ya/i, 'ia'],
  [/yu/i, 'iu'],
  [/zh/i, 'j'],
  [/aa/i, 'a'],
  [/ee/i, 'i'],
  [/oo/i, 'u'],
  [/ei$/i, 'ey'],
  [/q/i, 'k'],
  [/dh/i, 'z'],
  [/th/i, 's'],
  [/(?<=\w)e(?=\w)/i, 'a'],
  [/(?<=\w)a(?=\w)/i, 'e'],
  [/w/i, 'ou'],
  [/j/i, 'zh'],
];

function applyRule(tokens: string[], rules: readonly [RegExp, string][], rng: Rng): string | undefined {
  const options: [number, RegExp, string][] = [];
  tokens.forEach((t, i) => {
    if (t.length < 4) return;
    for (const [re, to] of rules) if (re.test(t)) options.push([i, re, to]);
  });
  if (options.length === 0) return undefined;
  const [i, re, to] = pick(rng, options);
  const token = tokens[i] as string;
  const replaced = token.replace(re, (m, ...groups: unknown[]) => {
    const g = typeof groups[0] === 'string' ? groups[0] : '';
    return matchCase(m, to.replaceAll('$1', g));
  });
  if (replaced === token) return undefined;
  const out = [...tokens];
  out[i] = replaced;
  return out.join(' ');
}

const COMMON_GIVEN = [
  'Ali',
  'John',
  'Maria',
  'Ahmed',
  'Anna',
  'Jose',
  'Mohamed',
  'David',
  'Hassan',
  'Ivan',
  'Kim',
  'Omar',
  'Paul',
  'Fatima',
];
const COMMON_SURNAMES = [
  'Smith',
  'Johnson',
  'Williams',
  'Garcia',
  'Martinez',
  'Nguyen',
  'Wang',
  'Singh',
  'Kumar',
  'Ivanov',
  'Petrov',
  'Mueller',
  'Schmidt',
  'Rossi',
  'Silva',
  'Santos',
  'Kowalski',
  'Novak',
  'Yilmaz',
  'Kaya',
  'Tanaka',
  'Suzuki',
  'Sato',
  'Okafor',
  'Mensah',
  'Haddad',
  'Mansour',
  'Farouk',
  'Cohen',
  'Levi',
  'Dubois',
  'Lefebvre',
  'Jansen',
  'Andersson',
  'Hansen',
  'Brown',
  'Taylor',
  'Wilson',
  'Thompson',
  'Moore',
  'Clark',
  'Lewis',
  'Walker',
  'Young',
  'Allen',
  'King',
  'Wright',
  'Scott',
  'Green',
  'Baker',
];
const COMMON_FIRST = [
  'James',
  'Mary',
  'Robert',
  'Patricia',
  'Michael',
  'Jennifer',
  'William',
  'Linda',
  'David',
  'Elizabeth',
  'Richard',
  'Susan',
  'Maria',
  'Jose',
  'Juan',
  'Carlos',
  'Ana',
  'Luis',
  'Wei',
  'Li',
  'Hiroshi',
  'Yuki',
  'Olga',
  'Sergei',
  'Anna',
  'Peter',
  'Fatima',
  'Aisha',
  'Ahmed',
  'Omar',
  'Priya',
  'Rahul',
  'Amit',
  'Sunita',
  'Chen',
  'Mei',
  'Jean',
  'Pierre',
  'Hans',
  'Eva',
];
const TITLES = ['Mr', 'Mrs.', 'Dr.', 'Sheikh', 'Haji', 'General', 'Colonel', 'Prof.', 'Mullah', 'Sir'];
const LEGAL_SWAPS: readonly [RegExp, string][] = [
  [/\bLIMITED\b(?! LIABILITY)/i, 'Ltd.'],
  [/\bLTD\.?(?=\s|$)/i, 'Limited'],
  [/\bCOMPANY\b/i, 'Co.'],
  [/\bCO\.?(?=[\s,]|$)/i, 'Company'],
  [/\bCORPORATION\b/i, 'Corp.'],
  [/\bCORP\.?(?=\s|$)/i, 'Corporation'],
  [/\bLLC\b/i, 'Limited Liability Company'],
  [/\bJSC\b/i, 'Joint Stock Company'],
  [/\bJOINT STOCK COMPANY\b/i, 'JSC'],
  [/\bOOO\b/i, 'LLC'],
  [/\bINC\.?(?=\s|$)/i, 'Incorporated'],
  [/\bAG\b/i, 'Aktiengesellschaft'],
  [/\bS\.A\.(?=\s|$)/i, 'SA'],
  [/\bGMBH\b/i, 'G.m.b.H.'],
];
const ACCENTS: Record<string, string> = {
  a: 'á',
  e: 'é',
  i: 'í',
  o: 'ö',
  u: 'ü',
  c: 'ç',
  n: 'ñ',
  A: 'Á',
  E: 'É',
  I: 'Í',
  O: 'Ö',
  U: 'Ü',
  C: 'Ç',
  N: 'Ñ',
};

const LEGAL_BLOCK = String.raw`(?:(?:OPEN |CLOSED |PUBLIC |PRIVATE )?JOINT STOCK COMPANY|LIMITED LIABILITY COMPANY|(?:PUBLICHNOE |OTKRYTOE |ZAKRYTOE )?AKTSIONERNOE OBSHCHESTVO|OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU|S\.A\. DE C\.V\.|S\.A\.|SA|LLC|OOO|JSC|OAO|ZAO|PAO|AO|LTD\.?|LIMITED|CO\.?,? LTD\.?|COMPANY LIMITED|CORPORATION|CORP\.?|INC\.?|GMBH|AG|SARL|SRL|FZE|PLC)`;
const LEGAL_WORDS =
  /\b(?:LIMITED|LIABILITY|COMPANY|JOINT|STOCK|OPEN|CLOSED|PUBLIC|CORPORATION|OBSHCHESTVO|S|OGRANICHENNOI|OGRANICHENNOY|OTVETSTVENNOSTYU|AKTSIONERNOE|LLC|LTD|JSC|OOO|CO|INC|SA|DE|CV)\b\.?/gi;
const LEGAL_BLOCK_START = new RegExp(`^${LEGAL_BLOCK}\\s`, 'i');
const LEGAL_BLOCK_END = new RegExp(`\\s${LEGAL_BLOCK}$`, 'i');

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
        const shuffled = [...tokens].sort(() => rng() - 0.5);
        if (shuffled.join(' ') !== tokens.join(' ')) return shuffled.join(' ');
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
  const order = pool.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const out: LabelledQuery[] = [];
  for (const i of order) {
    if (out.length >= perClass) break;
    const e = pool[i] as MatchableEntity;
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
