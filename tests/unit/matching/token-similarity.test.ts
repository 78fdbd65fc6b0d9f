import { jaroWinkler, phoneticKey, tokenSimilarity } from '@sanctions/shared/matching';

describe('token similarity', () => {
  it('computes Jaro-Winkler as published (MARTHA/MARHTA 0.961, DWAYNE/DUANE 0.84, DIXON/DICKSONX 0.813)', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });

  it('gives spelling variants the same phonetic key', () => {
    expect(phoneticKey('mohammed')).toBe(phoneticKey('muhamad'));
    expect(phoneticKey('batallion')).toBe(phoneticKey('battalion'));
    expect(phoneticKey('ibrahim')).toBe(phoneticKey('ebrahim'));
    expect(phoneticKey('ahmad')).not.toBe(phoneticKey('hamad'));
  });

  it('requires numbers and legal forms to be identical', () => {
    expect(tokenSimilarity('11420', 'number', '11421', 'number')).toBe(0);
    expect(tokenSimilarity('ltd', 'legal', 'ltd', 'legal')).toBe(1);
    expect(tokenSimilarity('ltd', 'legal', 'llc', 'legal')).toBe(0);
    expect(tokenSimilarity('ltd', 'legal', 'ltdx', 'word')).toBe(0);
  });

  it('aligns a token read as a legal form on one side and as a name part on the other ("SA", "CO")', () => {
    expect(tokenSimilarity('sa', 'word', 'sa', 'legal')).toBe(1);
  });

  it('lets an initial fit a word with the same first letter', () => {
    expect(tokenSimilarity('j', 'initial', 'john', 'word')).toBeGreaterThan(0.8);
    expect(tokenSimilarity('j', 'initial', 'mary', 'word')).toBe(0);
  });

  it('scores typos high and different names at zero', () => {
    expect(tokenSimilarity('batallion', 'word', 'battalion', 'word')).toBeGreaterThan(0.9);
    expect(tokenSimilarity('bush', 'word', 'habbash', 'word')).toBe(0);
    expect(tokenSimilarity('computing', 'word', 'putin', 'word')).toBe(0);
  });

  it('lets an unvowelled transliteration meet the vowelled spelling by sound', () => {
    expect(tokenSimilarity('mhmd', 'word', 'muhammad', 'word')).toBeGreaterThanOrEqual(0.85);
  });
});

describe('romanisation variants of one sound', () => {
  it.each([
    ['cocak', 'kocak', 'C or K for the same hard sound'],
    ['zhose', 'jose', 'ZH or J'],
    ['phuad', 'fuad', 'PH or F'],
    ['bun', 'boon', 'OO or U'],
    ['kiu', 'kyu', 'Y or I after the first letter'],
    ['reys', 'rays', 'EY or AY'],
  ])('scores %s / %s as a confident variant (%s)', (a, b) => {
    expect(tokenSimilarity(a, 'word', b, 'word')).toBeGreaterThanOrEqual(0.95);
  });

  it('does not forgive other letters or vowels', () => {
    expect(tokenSimilarity('cocak', 'word', 'kozak', 'word')).toBeLessThan(0.95);
    expect(tokenSimilarity('bun', 'word', 'ben', 'word')).toBeLessThan(0.95);
    expect(tokenSimilarity('cesar', 'word', 'kesar', 'word')).toBeLessThan(0.95);
  });
});
