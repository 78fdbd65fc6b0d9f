import { normalizeName } from '@sanctions/shared/matching';

describe('transliteration of non-Latin scripts', () => {
  it.each([
    ['Владимир Путин', 'vladimir putin'],
    ['Олександр', 'aleksandr'],
    ['Αλέξης Τσίπρας', 'alexis tsipras'],
    ['김정은', 'kim jong un'],
    ['리영길', 'ri yong kil'],
    ['이순신', 'ri sun sin'],
    ['ナカムラ', 'nakamura'],
    ['राम', 'ram'],
    ['محمد', 'mhmd'],
    ['عبد الرحمن', 'abd al rhmn'],
    ['משה', 'mshh'],
    ['Геннадьевич', 'gennadyevich'],
    ['Ильич', 'ilyich'],
    ['Ильясов', 'ilyasov'],
    ['والشام', 'and sham'],
    ['لؤي', 'luy'],
    ['ალექსანდრე დარახველიძე', 'aleksandre darakhvelidze'],
  ])('romanises %p as %p', (raw, expected) => {
    expect(normalizeName(raw)).toBe(expected);
  });

  it('reads Han characters in Mandarin pinyin, a syllable a word', () => {
    expect(normalizeName('习近平')).toBe('xi jin ping');
    expect(normalizeName('赵光宗')).toBe('zhao guang zong');
    expect(normalizeName('呂')).toBe('lu');
    // Words of company names keep their syllables together; 有限公司 is the legal form Limited.
    expect(normalizeName('成都景昕科技有限公司')).toBe('cheng du jing xin keji ltd');
    // Pinyin syllables are never particles or legal forms: 杜 is "du", 奥 "ao".
    expect(normalizeName('阿杜 奥')).toBe('a du ao');
  });
});
