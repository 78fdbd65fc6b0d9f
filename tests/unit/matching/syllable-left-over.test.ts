import {
  buildMatchIndex,
  compare,
  DEFAULT_MATCH_THRESHOLD,
  isSyllabicPersonName,
  tokenizeName,
} from '@sanctions/shared/matching';
import { entity } from './entity-factory';

describe('a Chinese or Korean person’s name written in its own script', () => {
  it.each([
    ['平 张', 'Han, surname and given name'],
    ['张江平', 'Han, written together'],
    ['성훈 김', 'Hangul'],
    ['김정은', 'Hangul, written together'],
  ])('reads %s as a syllabic person name (%s)', (name) => {
    expect(isSyllabicPersonName(tokenizeName(name))).toBe(true);
  });

  it.each([
    ['Zhang Ping', 'a Latin-script name'],
    ['محمد اشتری', 'an Arabic-script name'],
    ['中国石油天然气集团公司', 'an organisation, with its legal form'],
    ['欧阳 文 华 明 思', 'five syllables: more than a Chinese person’s name has'],
  ])('does not read %s as one (%s)', (name) => {
    expect(isSyllabicPersonName(tokenizeName(name))).toBe(false);
  });

  it('takes the name whose syllables all agree', () => {
    expect(compare({ name: '平 张' }, { name: 'ZHANG, Ping' }).match).toBe(true);
    expect(compare({ name: '江平 张' }, { name: 'ZHANG, Jiang Ping' }).match).toBe(true);
    expect(compare({ name: '성훈 김' }, { name: 'KIM, Song Hun' }).match).toBe(true);
  });

  it('does not take a listed given-name syllable left over for a dropped middle name, and says why', () => {
    // 平 alone is Zhang Ping: Zhang Jiangping is another given name.
    const shorter = compare({ name: '平 张' }, { name: 'ZHANG, Jiang Ping' });
    expect(shorter.match).toBe(false);
    expect(shorter.explanation.join(' ')).toMatch(/no middle names to leave out/);
  });

  it('does not take a query syllable left over for an extra given name', () => {
    // Li Guihua-qian, or Choe Yu-jin against Yu Jin: the syllables that agree spell another person's name.
    expect(compare({ name: '桂花 倩 李' }, { name: 'LI, Guihua' }).match).toBe(false);
    expect(compare({ name: '유진 최' }, { name: 'YU, Jin' }).match).toBe(false);
  });

  it('leaves a Latin-script customer’s shorter record to the scorer', () => {
    // Only the script tells that a name has no middle names; in Latin letters a left-over part is a shorter record.
    expect(compare({ name: 'Jiang Zhang' }, { name: 'ZHANG, Jiang Ping' }).explanation.join(' ')).not.toMatch(
      /no middle names to leave out/,
    );
  });

  it('screens the same way: the listed name with a syllable left over is no hit, the whole name is', () => {
    const index = buildMatchIndex([entity('ZHANG, Jiang Ping', 'person'), entity('ZHANG, Ping', 'person')]);
    const hits = index.screen({ name: '平 张' }, { threshold: DEFAULT_MATCH_THRESHOLD, limit: 5 });
    expect(hits.map((m) => m.matchedName)).toEqual(['ZHANG, Ping']);
  });
});
