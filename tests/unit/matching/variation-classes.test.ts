import {
  buildMatchIndex,
  compare,
  DEFAULT_MATCH_THRESHOLD,
  tokenizeName,
  type MatchableEntity,
  type ScreeningQuery,
} from '@sanctions/shared/matching';
import { entity } from './entity-factory';

const LIST: MatchableEntity[] = [
  entity('PUTIN, Vladimir Vladimirovich', 'person'),
  entity('RI, Yong Gil', 'person'),
  entity('BIN LADEN, Usama', 'person', { aliases: ['Usama Muhammad Awad BINLADEN'] }),
  entity('AL-ZAWAHIRI, Ayman', 'person'),
  entity('MUJAHID, Mohammed Yahya', 'person'),
  entity('IZZAT IBRAHIM AL-DURI', 'person'),
  entity('MUHAMMAD, Yusuf', 'person'),
  entity('ROMASHKA LLC', 'organization'),
  entity('ACME TRADING LIMITED', 'organization'),
  entity('LIMITED LIABILITY COMPANY TESTKOMPLEKT', 'organization'),
  entity('FU YUAN YU 7888', 'vessel'),
  entity('HAN YU-RO', 'person'),
  entity('NKUNDA, Laurent', 'person'),
  entity('Alexey Yevgeniyevich GROMOV', 'person'),
  entity('Guangzong ZHAO', 'person'),
  entity('CHEN, Zhu', 'person'),
  entity('LI, Guihua', 'person'),
  entity('CHENGDU JINGXIN TECHNOLOGY CO. LTD', 'organization'),
  entity('CHELYABINSK METALLURGICAL PLANT', 'organization'),
  entity('JSC LOMO', 'organization'),
  entity('"ZAPCHAST TRADE" LLP', 'organization'),
  entity('AKTSIONERNOE OBSHCHESTVO NAUCHNO-ISSLEDOVATELSKIY INSTITUT VEKTOR', 'organization'),
];

const index = buildMatchIndex(LIST);
const hits = (query: string | ScreeningQuery): string[] =>
  index
    .screen(typeof query === 'string' ? { name: query } : query, { threshold: DEFAULT_MATCH_THRESHOLD, limit: 5 })
    .map((m) => m.matchedName);

describe('screening finds a listed name through each kind of variation', () => {
  it.each([
    ['a missing patronymic', 'Vladimir Putin', 'PUTIN, Vladimir Vladimirovich'],
    ['a one-letter typo', 'Vladimir Puttin', 'PUTIN, Vladimir Vladimirovich'],
    ['a typo in a short syllable', 'Han Yyu-Ro', 'HAN YU-RO'],
    ['a word boundary shifted by one letter', 'Lauren Tnkunda', 'NKUNDA, Laurent'],
    ['Cyrillic script', 'Путин Владимир', 'PUTIN, Vladimir Vladimirovich'],
    [
      'Cyrillic script romanised as the listing does not ("ks" for x, "e" for ye, "ye" for ьe)',
      'Алексей Евгеньевич Громов',
      'Alexey Yevgeniyevich GROMOV',
    ],
    ['a Latin spelling of another romanisation', 'Aleksei Evgenievich Gromov', 'Alexey Yevgeniyevich GROMOV'],
    ['Han characters read in pinyin, two syllables meeting a listed word written whole', '赵光宗', 'Guangzong ZHAO'],
    ['Han characters in the order a listing may reverse', '桂花 李', 'LI, Guihua'],
    [
      'a Chinese company: place and brand in pinyin, 科技 as "technology", 有限公司 as a legal form',
      '成都景昕科技有限公司',
      'CHENGDU JINGXIN TECHNOLOGY CO. LTD',
    ],
    [
      'Russian organisation words listed in translation',
      'Челябинский металлургический комбинат',
      'CHELYABINSK METALLURGICAL PLANT',
    ],
    ['a Cyrillic legal form in front of the name', 'АО ЛОМО', 'JSC LOMO'],
    ['a Kazakh legal form (ТОО is an LLP)', 'ТОО ЗАПЧАСТЬ ТРЕЙД', '"ZAPCHAST TRADE" LLP'],
    [
      'Russian words inflected and listed transliterated',
      'Научно-исследовательский институт «Вектор» АО',
      'AKTSIONERNOE OBSHCHESTVO NAUCHNO-ISSLEDOVATELSKIY INSTITUT VEKTOR',
    ],
    ['Hangul script', '리영길', 'RI, Yong Gil'],
    ['Arabic script', 'عزت ابراهيم الدوري', 'IZZAT IBRAHIM AL-DURI'],
    ['a concatenated given name', 'Yonggil Ri', 'RI, Yong Gil'],
    ['a particle written apart or together', 'Osama bin Laden', 'BIN LADEN, Usama'],
    ['a title and a particle spelling', 'Dr. Ayman el-Zawahiri', 'AL-ZAWAHIRI, Ayman'],
    ['an initial for a middle name', 'Mohammed Y. Mujahid', 'MUJAHID, Mohammed Yahya'],
    ['known spelling variants', 'Mohamed Yousef', 'MUHAMMAD, Yusuf'],
    ['a legal form written out', 'Acme Trading Ltd.', 'ACME TRADING LIMITED'],
    ['a Russian legal form', 'OOO Romashka', 'ROMASHKA LLC'],
    ['a misspelt legal form', 'Acme Trading Limted', 'ACME TRADING LIMITED'],
    ['a truncated name', 'LIMITED LIABILITY COMPANY TESTKOMPL', 'LIMITED LIABILITY COMPANY TESTKOMPLEKT'],
  ])('through %s: "%s"', (_class, query, listed) => {
    expect(hits(query)).toContain(listed);
  });
});

describe('organisation words of a name written in Cyrillic', () => {
  it('are read as the English words listings translate them to, and say so', () => {
    const result = compare(
      { name: 'Челябинский металлургический комбинат' },
      { name: 'CHELYABINSK METALLURGICAL PLANT' },
    );
    expect(result.match).toBe(true);
    expect(result.explanation).toContain('"kombinat" is the word listings translate as "plant".');
  });

  it('cover the kinds of body and trades names are made of, in every case ending', () => {
    expect(
      compare(
        { name: 'Российская национальная перестраховочная компания' },
        { name: 'RUSSIAN NATIONAL REINSURANCE COMPANY' },
      ).match,
    ).toBe(true);
    expect(compare({ name: 'АО Новые возможности' }, { name: 'JSC NEW OPPORTUNITIES' }).match).toBe(true);
    expect(compare({ name: 'Российская венчурная компания' }, { name: 'RUSSIAN VENTURE COMPANY' }).match).toBe(true);
    // A translation that is a legal-form word meets the listing's legal form: "частная" is "private" (PVT).
    expect(
      compare(
        { name: 'Частная военная компания Редут', type: 'organization' },
        { name: 'PRIVATE MILITARY COMPANY REDUT', type: 'organization' },
      ).match,
    ).toBe(true);
    // "Компания" and "корпорация" are legal forms, as "company" and "corporation" are.
    expect(tokenizeName('Государственная корпорация Ростех').tokens[1]).toMatchObject({ text: 'corp', kind: 'legal' });
  });

  it('are read beside the word itself, so a listing that keeps the Russian word still meets it', () => {
    expect(compare({ name: 'АО Завод Легмаш' }, { name: 'OTKRYTOE AKTSIONERNOE OBSCHESTVO ZAVOD LEGMASH' }).match).toBe(
      true,
    );
  });

  it('read an adjective of a place as the place, in the name of an organisation only', () => {
    const result = compare({ name: 'Тамбовский пороховой завод' }, { name: 'TAMBOV POWDER PLANT' });
    expect(result.explanation).toContain('"tambovskiy" is the adjective of the place "tambov" (90% similar).');
    // In a person's name the same ending makes a surname: Petrovsky is not Petrov.
    expect(compare({ name: 'Андрей Петровский' }, { name: 'Andrey PETROV' }).match).toBe(false);
  });

  it('read "и" as "and" in the name of an organisation, and as an initial in a person\'s', () => {
    expect(tokenizeName('Радиотехнические и Информационные Системы').tokens[1]).toMatchObject({
      text: 'and',
      kind: 'particle',
    });
    expect(tokenizeName('Иванов И. И.').tokens[1]).toMatchObject({ text: 'i', kind: 'initial' });
  });

  it('are not read in a Latin-script name, where a typo of the listed word stays a typo', () => {
    expect(compare({ name: 'Kirov Zavod' }, { name: 'KIROV PLANT' }).match).toBe(false);
    expect(
      compare({ name: 'JOINT STOCK COMPANY VOTKINSKIY ZAVQD' }, { name: 'JOINT STOCK COMPANY VOTKINSKIY ZAVOD' }).match,
    ).toBe(true);
  });
});

describe('screening does not hit on look-alikes', () => {
  it.each([
    ['a different vessel number', 'FU YUAN YU 7892'],
    ['a number added to a name', 'ACME TRADING LIMITED 2'],
    ['the legal form alone', 'Trading Limited'],
    ['a shared common given name', 'Mohammed Smith'],
    ['the surname alone', 'Putin'],
    ['a substring of a listed word', 'Computinger Ltd'],
    ['another Mandarin syllable one letter away ("cheng" is not "chen")', '成 朱'],
    ['two Han syllables that only nearly spell a listed word ("guang zhong" is not "GUANGZONG")', '赵光中'],
  ])('with %s: "%s"', (_class, query) => {
    expect(hits(query)).toEqual([]);
  });
});

describe('token rarity', () => {
  it('lets a shared rare surname count for more than a shared common given name', () => {
    const rareShared = compare({ name: 'Ali Qabalan' }, { name: 'Hasan Qabalan' }).score;
    const commonShared = compare({ name: 'Ali Qabalan' }, { name: 'Ali Haddad' }).score;
    expect(rareShared).toBeGreaterThan(commonShared);
  });

  it('says in the explanation when a matched part is common', () => {
    const { explanation } = compare({ name: 'Mohammed Qabalan' }, { name: 'QABALAN, Muhammad' });
    expect(explanation.join(' ')).toMatch(/common name part/);
  });
});

describe('the built index', () => {
  it('reports its size', () => {
    expect(index.entityCount).toBe(LIST.length);
    expect(index.nameCount).toBe(LIST.reduce((n, e) => n + e.names.length, 0));
    expect(index.vocabularySize).toBeGreaterThan(20);
    expect(index.memoryBytes()).toBeGreaterThan(0);
  });

  it('is pure: screening the same query twice gives the same result', () => {
    expect(index.screen({ name: 'Vladimir Putin' }, { threshold: 0.5, limit: 3 })).toEqual(
      index.screen({ name: 'Vladimir Putin' }, { threshold: 0.5, limit: 3 }),
    );
  });

  it('returns nothing for a name with no letters or digits', () => {
    expect(index.screen({ name: ' -- ' }, { threshold: 0, limit: 5 })).toEqual([]);
  });
});

describe('a word read as a known spelling', () => {
  it('is also looked up as written, for a listed spelling outside its variant group ("Магомед" → "MAGHOMED")', () => {
    const list = buildMatchIndex([entity('MAGHOMED MAGHOMEDZAKIROVICH ABDURAKHMANOV', 'person')]);
    const found = list.screen(
      { name: 'Абдурахманов Магомед Магомедзакирович' },
      { threshold: DEFAULT_MATCH_THRESHOLD, limit: 5 },
    );
    expect(found.map((m) => m.matchedName)).toContain('MAGHOMED MAGHOMEDZAKIROVICH ABDURAKHMANOV');
  });
});
