import {
  buildMatchIndex,
  compare,
  DEFAULT_MATCH_THRESHOLD,
  listedCyrillicKey,
  queryCyrillicKeys,
  sameCyrillicReading,
  tokenSimilarity,
} from '@sanctions/shared/matching';
import { entity } from './entity-factory';

// A Cyrillic name romanised under another system than the index's own (docs/decisions/0038): the Cyrillic reading
// key reads the Latin word back to Cyrillic letter classes, so retrieval and scoring both see one word.

describe('the Cyrillic reading key', () => {
  it.each([
    ['ratusnjak', 'ratushnyak', 'Czech, diacritics dropped (š, j for й)'],
    ['ratusnak', 'ratushnyak', 'ISO 9, â for я without its mark'],
    ['janukovyc', 'yanukovich', 'Czech č without its mark'],
    ['anukovic', 'yanukovich', 'ISO 9, Â for a word-opening я'],
    ['janukowitsch', 'yanukovich', 'German tsch and w'],
    ['sergejewitsch', 'sergeevich', 'German j for the glide'],
    ['wiktorowytsch', 'viktorovich', 'German'],
    ['pschonka', 'pshonka', 'German sch'],
    ['cvijanovic', 'tsvijanovic', 'Serbo-Croatian c for ц'],
    ['radojcic', 'radoichic', 'Serbo-Croatian j, č'],
    ['cernysev', 'chernyshev', 'Belarusian Łacinka, marks dropped'],
    ['herman', 'german', 'Ukrainian h for г'],
    ['hulievic', 'gulevich', 'Łacinka ie for е'],
    ['fiodorovich', 'fedorovich', 'io for ё'],
    ['kondratjuk', 'kondratyuk', 'j for the soft vowel'],
    ['zaxarchenko', 'zakharchenko', 'GOST 7.79 System B x for х'],
    ['damarnacki', 'damarnatski', 'Polish c for ц'],
  ])('reads %s as %s (%s)', (query, listed) => {
    expect(queryCyrillicKeys(query)).toContain(listedCyrillicKey(listed));
    expect(sameCyrillicReading(query, listed)).toBe(true);
  });

  it('keeps apart words whose Cyrillic letters differ beyond what some system writes alike', () => {
    expect(sameCyrillicReading('petrov', 'pavlov')).toBe(false);
    expect(sameCyrillicReading('ivanov', 'ivanova')).toBe(false);
    expect(sameCyrillicReading('kovalev', 'kovalenko')).toBe(false);
    expect(sameCyrillicReading('sasha', 'masha')).toBe(false);
  });

  it('gives short words no key: three letters under merged classes fit too many names', () => {
    expect(listedCyrillicKey('ivn')).toBe('');
    expect(queryCyrillicKeys('yan')).toEqual([]);
  });

  it('scores two romanisations of one Cyrillic word as a confident variant', () => {
    expect(tokenSimilarity('sergejewitsch', 'word', 'sergeevich', 'word')).toBeGreaterThanOrEqual(0.9);
    expect(tokenSimilarity('ratusnjak', 'word', 'ratushnyak', 'word')).toBeGreaterThanOrEqual(0.9);
  });
});

describe('screening a Latin name against a name listed only in Cyrillic', () => {
  it.each([
    ['Viktor Fedorovyc JANUKOVYC', 'Янукович Виктор Федорович'],
    ['Sergei Sergejewitsch IWANOW', 'Сергей Сергеевич Иванов'],
    ['Viktor Ivanovych RATUSNAK', 'Ратушняк Виктор Иванович'],
    ['Vitaly Yurievich ZAXARCHENKO', 'Захарченко Виталий Юрьевич'],
  ])('finds %s as %s, as compare scores it', (query, listed) => {
    const target = entity(listed, 'person');
    const index = buildMatchIndex([target, entity('Иван Петров', 'person'), entity('Сергей Кузнецов', 'person')]);
    const hits = index.screen({ name: query }, { threshold: DEFAULT_MATCH_THRESHOLD, limit: 10 });
    expect(hits.map((h) => h.entityId)).toContain(target.id);
    expect(compare({ name: query }, { name: listed }).match).toBe(true);
  });

  it('does not find a different surname through the key', () => {
    const index = buildMatchIndex([entity('Сергей Сергеевич Петров', 'person')]);
    expect(
      index.screen({ name: 'Sergei Sergejewitsch PAWLOW' }, { threshold: DEFAULT_MATCH_THRESHOLD, limit: 10 }),
    ).toEqual([]);
  });
});
