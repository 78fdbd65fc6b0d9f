import {
  buildMatchIndex,
  DEFAULT_MATCH_THRESHOLD,
  listedCyrillicKey,
  queryCyrillicKeys,
} from '@sanctions/shared/matching';
import { entity } from './entity-factory';

// A Latin word romanised from Cyrillic by another system than the index's (BGN/PCGN) is read back to the Cyrillic
// letters it writes (docs/decisions/0044), so it meets the listed reading of the Cyrillic name.

const sharesKey = (query: string, listed: string): boolean => {
  const key = listedCyrillicKey(listed);
  return key !== undefined && queryCyrillicKeys(query).includes(key);
};

describe('the Cyrillic reading key', () => {
  it.each([
    ['janukovyc', 'yanukovich', 'Czech, marks dropped'],
    ['janukowitsch', 'yanukovich', 'German Duden'],
    ['ratusnjak', 'ratushnyak', 'Gaj: s for š, j for the glide'],
    ['ratushniak', 'ratushnyak', 'Ukrainian national: ia after a consonant'],
    ['cernysev', 'chernyshev', 'Czech: c for č, s for š'],
    ['sergejewitsch', 'sergeyevich', 'German, the length gap'],
    ['pschonka', 'pshonka', 'German sch'],
    ['wiaczeslaw', 'vyacheslav', 'Polish cz, ia, w'],
    ['zaxarchenko', 'zakharchenko', 'GOST 7.79-B x for х'],
    ['zacharcenko', 'zakharchenko', 'Czech ch for х'],
    ['herman', 'german', 'Ukrainian h for г'],
    ['fjodorov', 'fedorov', 'jo for ё, which the index writes e'],
    ['gennadij', 'gennadiy', 'a letter doubled, j for й'],
  ])('reads %s as %s (%s)', (query, listed) => {
    expect(sharesKey(query, listed)).toBe(true);
  });

  it.each([
    ['petrov', 'pavlov'],
    ['ivanov', 'ivanova'],
    ['kozlov', 'kozlova'],
    ['borisov', 'barisov'],
    ['shevchenko', 'savchenko'],
  ])('keeps %s and %s apart', (query, listed) => {
    expect(sharesKey(query, listed)).toBe(false);
  });

  it('does not key short words', () => {
    expect(listedCyrillicKey('ili')).toBeUndefined();
    expect(queryCyrillicKeys('oil')).toEqual([]);
  });

  it('reads an ambiguous letter each way a system writes it', () => {
    // ch is ч in English and х in Czech, German and Polish: both keys are probed.
    expect(queryCyrillicKeys('chmara')).toEqual(expect.arrayContaining(['cmara', 'gmara']));
  });
});

describe('screening a Latin name against names listed in Cyrillic', () => {
  const yanukovich = entity('Янукович Виктор Федорович', 'person');
  const ratushnyak = entity('Ратушняк Сергей Михайлович', 'person');
  const latinYanukovich = entity('YANUKOVICH, Viktor', 'person');
  const screen = (index: ReturnType<typeof buildMatchIndex>, name: string): string[] =>
    index.screen({ name }, { threshold: DEFAULT_MATCH_THRESHOLD, limit: 10 }).map((h) => h.entityId);

  it('finds the person through another romanisation', () => {
    const index = buildMatchIndex([yanukovich, ratushnyak]);
    expect(screen(index, 'Viktor Fedorovyc JANUKOVYC')).toContain(yanukovich.id);
    expect(screen(index, 'Sergej Michajlowitsch RATUSNJAK')).toContain(ratushnyak.id);
  });

  it('does not read names listed in Latin through the key', () => {
    // The key serves listed words of Cyrillic names only: a Latin listing has its own spellings.
    const index = buildMatchIndex([latinYanukovich]);
    expect(screen(index, 'Viktor JANUKOWITSCH')).not.toContain(latinYanukovich.id);
  });
});
