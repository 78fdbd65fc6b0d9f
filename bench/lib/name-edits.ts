/**
 * The edits the accuracy suite's variation classes make to a listed name, and the spelling tables they draw on: typos,
 * sound-alike and romanisation respellings, legal-form swaps, accents, common given names and surnames. Written from
 * how names go wrong in customer data, not from the matcher's own tables.
 */
import { pick, type Rng } from './seeded-rng';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function matchCase(template: string, ch: string): string {
  return template === template.toUpperCase() ? ch.toUpperCase() : ch.toLowerCase();
}

/** One edit in one word: substitution, deletion, insertion or transposition. */
export function typo(word: string, rng: Rng): string {
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
export const PHONETIC_RULES: readonly [RegExp, string][] = [
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
export const ROMANISATION_RULES: readonly [RegExp, string][] = [
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

export function applyRule(tokens: string[], rules: readonly [RegExp, string][], rng: Rng): string | undefined {
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

export const COMMON_GIVEN = [
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
export const COMMON_SURNAMES = [
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
export const COMMON_FIRST = [
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
export const TITLES = ['Mr', 'Mrs.', 'Dr.', 'Sheikh', 'Haji', 'General', 'Colonel', 'Prof.', 'Mullah', 'Sir'];
export const LEGAL_SWAPS: readonly [RegExp, string][] = [
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
export const ACCENTS: Record<string, string> = {
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
export const LEGAL_WORDS =
  /\b(?:LIMITED|LIABILITY|COMPANY|JOINT|STOCK|OPEN|CLOSED|PUBLIC|CORPORATION|OBSHCHESTVO|S|OGRANICHENNOI|OGRANICHENNOY|OTVETSTVENNOSTYU|AKTSIONERNOE|LLC|LTD|JSC|OOO|CO|INC|SA|DE|CV)\b\.?/gi;
export const LEGAL_BLOCK_START = new RegExp(`^${LEGAL_BLOCK}\\s`, 'i');
export const LEGAL_BLOCK_END = new RegExp(`\\s${LEGAL_BLOCK}$`, 'i');
