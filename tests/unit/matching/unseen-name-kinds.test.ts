/**
 * The kinds of variation issue 18 names, each by its principle (not by a benchmark pair): numbers written as words,
 * legal forms written in mixed case, abbreviated company words and long legal forms in several languages, scripts
 * read by any-ascii, given-name variants and nicknames, and names in one syllabic script compared as written.
 */
import {
  buildMatchIndex,
  compare,
  DEFAULT_MATCH_THRESHOLD,
  GIVEN_NAME_VARIANT_COUNT,
  givenNameVariants,
  normalizeName,
  originalScriptDistance,
  pairSignals,
  alignPair,
  readNumberWords,
  transliterate,
} from '@sanctions/shared/matching';
import { entity } from './entity-factory';

const input = (a: string, b: string) => ({ ...alignPair({ name: a }, { name: b }), leftName: a, rightName: b });

describe('numbers written as words and ordinals', () => {
  it.each([
    [
      ['fund', 'seven'],
      ['fund', '7'],
    ],
    [
      ['the', 'second', 'bank'],
      ['the', '2', 'bank'],
    ],
    [
      ['2nd', 'bank'],
      ['2', 'bank'],
    ],
    [
      ['brigade', 'twenty', 'one'],
      ['brigade', '21'],
    ],
    [
      ['brigade', 'forty', '4'],
      ['brigade', '44'],
    ],
    [
      ['unit', 'one', 'hundred', 'twenty'],
      ['unit', '120'],
    ],
    [
      ['seven', 'seven'],
      ['7', '7'],
    ],
  ])('reads %j as %j', (words, expected) => {
    expect(readNumberWords(words)).toEqual(expected);
  });

  it('leaves a one-word name alone and words that are not numbers', () => {
    expect(readNumberWords(['one'])).toEqual(['one']);
    expect(readNumberWords(['tenzin', 'tenth'])).toEqual(['tenzin', '10']);
  });

  it('lets "Fund Seven" meet "Fund 7" and keeps "Fund Seven" apart from "Fund 8"', () => {
    expect(compare({ name: 'Fund Seven' }, { name: 'Fund 7' }).match).toBe(true);
    expect(compare({ name: 'Twenty-First Century Trading' }, { name: '21st Century Trading' }).match).toBe(true);
    expect(compare({ name: 'Fund Seven' }, { name: 'Fund 8' }).match).toBe(false);
  });
});

describe('legal forms and company words', () => {
  it('keeps a mixed-case legal form one word', () => {
    expect(normalizeName('Volkswagen GmbH')).toBe('volkswagen gmbh');
    expect(normalizeName('Fiat SpA')).toBe('fiat spa');
    expect(normalizeName('Acme GmbH&Co.KG')).toBe('acme gmbh and co kg');
    // A case change that is not a legal form is still a lost space.
    expect(normalizeName('MohamedSALMAN')).toBe('muhammad salman');
  });

  it('reads long legal forms of several languages as their abbreviation', () => {
    expect(normalizeName('Volkswagen Gesellschaft mit beschränkter Haftung')).toBe(normalizeName('Volkswagen GmbH'));
    expect(normalizeName('Faberlic Europe Sp. z o.o.')).toBe('faberlic europe spzoo');
    expect(normalizeName('Con Traffic Societatea cu Răspundere Limitată')).toBe(normalizeName('Con Traffic SRL'));
    expect(normalizeName('Toyota Kabushiki Kaisha')).toBe('toyota kk');
  });

  it('reads abbreviated company words written out', () => {
    expect(normalizeName('Acme Mfg Co')).toBe(normalizeName('Acme Manufacturing Company'));
    expect(normalizeName('Acme Ind.')).toBe(normalizeName('Acme Industries'));
    expect(normalizeName('Acme Intl Trdg')).toBe(normalizeName('Acme International Trading'));
    // Not given names that look like abbreviations.
    expect(normalizeName('Kim Min')).toBe('kim min');
  });
});

describe('scripts without a table of their own, read by any-ascii', () => {
  it.each([
    ['Երևան', 'erevan'],
    // เ is written before ท but spoken after it: Krung Thep.
    ['กรุงเทพ', 'krungtheph'],
    ['ខ្មែរ', 'khmaer'],
    ['ዐቢይ አሕመድ', "`abiy 'ahmed"],
  ])('romanises %s', (text, latin) => {
    expect(transliterate(text)).toBe(latin);
  });

  it('meets the romanised name from the other script', () => {
    expect(compare({ name: 'Արամ Մանուկյան' }, { name: 'Aram Manukyan' }).match).toBe(true);
  });
});

describe('given-name variants and nicknames (data/given-name-variants.json)', () => {
  it('has a table of real breadth', () => {
    expect(GIVEN_NAME_VARIANT_COUNT).toBeGreaterThan(800);
  });

  it('joins a name with its forms in other languages and its hypocorisms, not with other names', () => {
    expect(givenNameVariants('william', 'bill')).toBe(true);
    expect(givenNameVariants('john', 'juan')).toBe(true);
    expect(givenNameVariants('aleksandr', 'sasha')).toBe(true);
    expect(givenNameVariants('francisco', 'paco')).toBe(true);
    expect(givenNameVariants('johannes', 'hans')).toBe(true);
    expect(givenNameVariants('william', 'robert')).toBe(false);
    expect(givenNameVariants('bill', 'bill')).toBe(false);
  });

  it('lets a nickname with the same surname match, and explains it', () => {
    const result = compare({ name: 'Bill Gates' }, { name: 'William Gates' });
    expect(result.match).toBe(true);
    expect(result.explanation.join(' ')).toMatch(/forms of one given name/);
    expect(compare({ name: 'Bill Gates' }, { name: 'Robert Gates' }).match).toBe(false);
  });

  it('retrieves the listed name of a nickname through the index, not only in compare', () => {
    // The listed name shares no spelling neighbour with the nickname, so retrieval must look the variants up itself.
    const listed = buildMatchIndex([
      entity('KRYLOV, Vladimir', 'person'),
      entity('KRYLOV, Boris', 'person'),
      entity('PETROV, Sergey Valeriyevich', 'person'),
    ]);
    const hits = (name: string) =>
      listed.screen({ name }, { threshold: DEFAULT_MATCH_THRESHOLD, limit: 10 }).map((h) => h.matchedName);
    expect(hits('Volodya KRYLOV')).toEqual(['KRYLOV, Vladimir']);
    expect(hits('Seryozha Valeriyevich PETROV')).toEqual(['PETROV, Sergey Valeriyevich']);
    expect(hits('Volodya PETROV')).toEqual([]);
  });
});

describe('names in one script compared as written', () => {
  it('measures the letters two names in the same non-Latin script do not share', () => {
    expect(originalScriptDistance('김정은', '김정은')).toBe(0);
    expect(originalScriptDistance('김정은', '김종은')).toBeCloseTo(1 / 3);
    expect(originalScriptDistance('金正恩', '金正銀')).toBeCloseTo(1 / 3);
    // Another script, or Latin: transliteration compares those.
    expect(originalScriptDistance('김정은', 'Kim Jong Un')).toBe(0);
    expect(originalScriptDistance('John', 'Jon')).toBe(0);
  });

  it('keeps two Hangul names one syllable apart below a match, and the same name a match', () => {
    expect(compare({ name: '김종은' }, { name: '김정은' }).score).toBeLessThan(1);
    expect(compare({ name: '김종은' }, { name: '김정은' }).match).toBe(false);
    expect(compare({ name: '김정은' }, { name: '김정은' }).match).toBe(true);
  });
});

describe('the new pair signals', () => {
  it('a replaced part: each name keeps a part the other lacks, unlike a name written shorter', () => {
    const replaced = pairSignals.replacedPartSignal(
      input('Ayman Ibrahim Hasan Dulaimi', 'Ayman Ibrahim Hasan Tikriti'),
    );
    const shorter = pairSignals.replacedPartSignal(input('Ayman Hasan Tikriti', 'Ayman Ibrahim Hasan Tikriti'));
    expect(replaced).toBeGreaterThan(0.5);
    expect(shorter).toBe(0);
  });

  it('a rare part only spelled alike weighs more than a common one, and a given-name variant not at all', () => {
    const rare = pairSignals.fuzzyRarePartSignal(input('Pedro Sancho', 'Pedro Sanchoz'));
    expect(rare).toBeGreaterThan(0);
    expect(pairSignals.fuzzyRarePartSignal(input('Pedro Sanchez', 'Pedro Sanchez'))).toBe(0);
    expect(pairSignals.fuzzyRarePartSignal(input('Bill Gates', 'William Gates'))).toBe(0);
    expect(pairSignals.givenNameVariantSignal(input('Bill Gates', 'William Gates'))).toBe(1);
  });

  it('another name spelled alike: other consonants and more than one slip, never a given-name form', () => {
    expect(pairSignals.anotherNameSpelledAlike('castillo', 'castro')).toBe(true);
    expect(pairSignals.anotherNameSpelledAlike('orbach', 'orban')).toBe(true);
    expect(pairSignals.anotherNameSpelledAlike('schulze', 'scholz')).toBe(false);
    expect(pairSignals.anotherNameSpelledAlike('yusuf', 'yousef')).toBe(false);
    expect(pairSignals.anotherNameSpelledAlike('macron', 'marcon')).toBe(false);
    expect(pairSignals.anotherNameSpelledAlike('william', 'bill')).toBe(false);
    expect(pairSignals.anotherNameSpelledAlike('gates', 'gates')).toBe(false);
    expect(pairSignals.anotherNameSpelledAlike('siemensag', 'siemens')).toBe(false);
    expect(pairSignals.anotherNameSpelledAlike('agriculture', 'agricultural')).toBe(false);
    expect(pairSignals.anotherNameSpelledAlike('albano', 'albanese')).toBe(true);
  });

  it('word-count gap and original script', () => {
    expect(pairSignals.wordCountGapSignal(input('Amir Abdullah', 'Amir Sayyid Abdullah'))).toBeCloseTo(1 / 3);
    expect(pairSignals.originalScriptSignal(input('김종은', '김정은'))).toBeGreaterThan(0);
  });

  it('the weakest pair is 0 when nothing aligned at all (no pair, not a weak one)', () => {
    expect(pairSignals.weakestPairSignal(input('Vladimir Putin', 'Maria Garcia'))).toBe(0);
  });
});
