import {
  buildMatchIndex,
  compare,
  DEFAULT_MATCH_THRESHOLD,
  tokenizeName,
  transliterate,
} from '@sanctions/shared/matching';
import { entity } from './entity-factory';

describe('foreign names written in Hangul (the Korean rules for foreign words, reversed)', () => {
  it.each([
    ['블라디미르 푸틴', 'bladimir putin', 'ㄹㄹ is one l, ㅡ after a lone consonant is not read'],
    ['알렉산드르', 'aleksandr', 'the added ㅡ of 드 and 르 is not read'],
    ['드미트리 메드베데프', 'dmitri medbedep', 'ㄷ ㅂ read voiced, as the rules write d and b'],
  ])('reads %s as whole words: %s (%s)', (hangul, latin) => {
    expect(transliterate(hangul).trim().split(/\s+/).join(' ')).toBe(latin);
  });

  it('keeps reading a Korean name syllable by syllable', () => {
    expect(tokenizeName('김정은').tokens.map((t) => t.text)).toEqual(['kim', 'jong', 'un']);
    expect(tokenizeName('김정은').hangul).toBe(true);
    expect(tokenizeName('블라디미르 푸틴').hangul).toBe(false);
    expect(tokenizeName('블라디미르 푸틴').orderedPairs).toEqual([]);
  });

  it('matches the romanised listing of a foreign name written in Hangul', () => {
    expect(compare({ name: '알렉산드르 페트로프' }, { name: 'PETROV, Aleksandr' }).match).toBe(true);
    expect(compare({ name: '드미트리 메드베데프' }, { name: 'MEDVEDEV, Dmitry' }).match).toBe(true);
  });

  it('screens a foreign name written in Hangul against a built index', () => {
    const petrov = entity('PETROV, Aleksandr', 'person');
    const index = buildMatchIndex([petrov, entity('KIM, Jong Un', 'person')]);
    const hits = index.screen({ name: '알렉산드르 페트로프' }, { threshold: DEFAULT_MATCH_THRESHOLD, limit: 10 });
    expect(hits.map((h) => h.entityId)).toEqual([petrov.id]);
  });
});
