import { buildMatchIndex, compare, DEFAULT_MATCH_THRESHOLD } from '@sanctions/shared/matching';
import { acronymRunEnd, nameAcronyms } from '../../../shared/src/matching/normalize/acronyms';
import { entity } from './entity-factory';

const words = (...texts: string[]): { text: string; kind: string }[] =>
  texts.map((text) => ({ text, kind: text === 'of' ? 'particle' : text === 'corp' ? 'legal' : 'word' }));

describe('acronyms of organisation names (issue #18)', () => {
  it('reads the initials of a run of words, with digraphs a romanisation writes for one letter', () => {
    expect(acronymRunEnd('pla', words('peoples', 'liberation', 'army'), 0)).toBe(3);
    expect(acronymRunEnd('chmk', words('chelyabinskiy', 'metallurgicheskiy', 'kombinat'), 0)).toBe(3);
    expect(acronymRunEnd('cmk', words('chelyabinskiy', 'metallurgicheskiy', 'kombinat'), 0)).toBe(3);
    expect(acronymRunEnd('boa', words('bank', 'of', 'america'), 0)).toBe(3);
    expect(acronymRunEnd('ba', words('bank', 'of', 'america'), 0)).toBe(3);
    expect(acronymRunEnd('uac', words('united', 'aircraft', 'corp'), 0)).toBe(3);
  });

  it('needs two words and every letter', () => {
    expect(acronymRunEnd('pl', words('peoples'), 0)).toBe(-1);
    expect(acronymRunEnd('plx', words('peoples', 'liberation', 'army'), 0)).toBe(-1);
    expect(acronymRunEnd('ofa', words('of', 'france', 'aviation'), 0)).toBe(-1);
  });

  it('lists the acronyms of every run of two or more words, three letters and up', () => {
    const acronyms = nameAcronyms(words('peoples', 'liberation', 'army', 'navy')).map((a) => a.acronym);
    expect(acronyms).toEqual(expect.arrayContaining(['pla', 'plan', 'lan']));
    expect(acronyms).not.toContain('la');
    const middle = nameAcronyms(words('alpha', 'bravo', 'charlie', 'delta', 'echo')).map((a) => a.acronym);
    expect(middle).toEqual(expect.arrayContaining(['abc', 'cde', 'abcde']));
    expect(middle).not.toContain('bcd');
    expect(acronyms).not.toContain('pl');
    expect(nameAcronyms(words('peoples', 'liberation', 'army')).find((a) => a.acronym === 'pla')).toEqual({
      acronym: 'pla',
      start: 0,
      end: 3,
    });
  });

  it('compares an acronym with the organisation it abbreviates, both ways, and explains it', () => {
    const org = { type: 'organization' as const };
    const pla = compare({ name: 'PLA', ...org }, { name: 'People’s Liberation Army', ...org });
    expect(pla.match).toBe(true);
    expect(pla.explanation.join(' ')).toContain('is the initials of');
    expect(compare({ name: 'Bank of America', ...org }, { name: 'BOA', ...org }).match).toBe(true);
    expect(
      compare({ name: 'CHMK', ...org }, { name: 'Челябинский металлургический комбинат', ...org }).score,
    ).toBeGreaterThanOrEqual(DEFAULT_MATCH_THRESHOLD);
  });

  it('does not read a person’s name as initials', () => {
    const person = { type: 'person' as const };
    expect(compare({ name: 'Pla', ...person }, { name: 'Peter Lars Andersen', ...person }).match).toBe(false);
    expect(compare({ name: 'PLA' }, { name: 'Peter Lars Andersen' }).match).toBe(false);
  });

  it('screening finds an organisation by its acronym, and an acronym listed by the words', () => {
    const index = buildMatchIndex([
      entity('Челябинский металлургический комбинат', 'organization'),
      entity('PUBLIC JOINT STOCK COMPANY UNITED AIRCRAFT CORPORATION', 'organization'),
      entity('SNG', 'organization'),
      entity('OOO RGS HOLDING', 'organization'),
      entity('Pavel Lvovich Antonov', 'person'),
    ]);
    const top = (name: string): string | undefined =>
      index.screen({ name }, { threshold: DEFAULT_MATCH_THRESHOLD, limit: 5 })[0]?.matchedName;
    expect(top('CHMK')).toBe('Челябинский металлургический комбинат');
    expect(top('PJSC UAC')).toBe('PUBLIC JOINT STOCK COMPANY UNITED AIRCRAFT CORPORATION');
    expect(top('Shirkat Nafti Gaz LLC')).toBe('SNG');
    expect(top('Sergei Nikolaevich Gaz')).toBeUndefined();
    expect(top('PLA')).toBeUndefined();
    expect(top('Rebecca Grethe Schou')).toBeUndefined();
  });
});
