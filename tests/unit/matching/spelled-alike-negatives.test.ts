import { alikeWord, rareVocabulary, spelledAlikeNegatives } from '../../../bench/lib/spelled-alike-negatives';
import { sameRomanisation } from '@sanctions/shared/matching/signals/romanisation-fold';
import { seededRng } from '../../../bench/lib/seeded-rng';
import { entity } from './entity-factory';

describe('spelled-alike hard negatives (decision 0036)', () => {
  const people = [
    entity('KOVTUN, Dmitry', 'person'),
    entity('KOVTUM, Pavel', 'person'),
    entity('KOVTUNOV, Oleg', 'person'),
    entity('ASLAN, Hasmet', 'person'),
    entity('ASLAN, Hasret', 'person'),
    entity('SHAKERI, Ali', 'person', { aliases: ['SHAKERY, Ali'] }),
  ];

  it('replaces a rare word by another listed word the matcher aligns with it, as a negative against the listed name', () => {
    const pairs = spelledAlikeNegatives('test', people, 20, 1);
    expect(pairs.length).toBeGreaterThan(0);
    for (const p of pairs) {
      expect(p.match).toBe(false);
      expect(p.left).not.toBe(p.right.toLowerCase());
    }
    const made = pairs.map((p) => `${p.left} / ${p.right}`);
    expect(made).toContain('kovtunov pavel / KOVTUM, Pavel');
    // "Kovtunov" is "Kovtun" with an ending added: the same word written longer, not another name.
    expect(made).not.toContain('kovtunov dmitry / KOVTUN, Dmitry');
  });

  it('never makes a negative of two spellings one listed entity carries, nor of one romanisation folded two ways', () => {
    const vocabulary = rareVocabulary(people);
    const rng = seededRng(3);
    for (let k = 0; k < 20; k++) {
      expect(alikeWord('shakeri', vocabulary, rng)).toBeUndefined();
      const other = alikeWord('hasmet', vocabulary, rng);
      if (other !== undefined) expect(sameRomanisation(other, 'hasmet')).toBe(false);
    }
  });

  it('never replaces a word by one of its consonant skeleton (a romanisation) or one slip away (a typo)', () => {
    const vocabulary = rareVocabulary([
      entity('HASSAN, Omar', 'person'),
      entity('HASAN, Karim', 'person'),
      entity('KOVTUN, Dmitry', 'person'),
      entity('KOVTUM, Pavel', 'person'),
    ]);
    const rng = seededRng(5);
    for (let k = 0; k < 20; k++) {
      expect(alikeWord('hassan', vocabulary, rng)).toBeUndefined();
      expect(alikeWord('kovtun', vocabulary, rng)).toBeUndefined();
    }
  });

  it('takes nothing when asked for nothing', () => {
    expect(spelledAlikeNegatives('test', people, 0, 1)).toEqual([]);
  });
});
