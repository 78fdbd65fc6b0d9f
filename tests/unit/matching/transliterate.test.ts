import { normalizeName, transliterate } from '@sanctions/shared/matching';

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
    ['Геннадьев', 'gennadyev'],
    ['Ильич', 'ilyich'],
    ['Ильясов', 'ilyasov'],
    ['والشام', 'and sham'],
    ['لؤي', 'luy'],
    ['ალექსანდრე დარახველიძე', 'aleksandre darakhvelidze'],
  ])('romanises %p as %p', (raw, expected) => {
    expect(normalizeName(raw)).toBe(expected);
  });

  it('reads Latin look-alikes typed into a Cyrillic word as the Cyrillic letters', () => {
    // A Latin P in "Руслан", a Latin i for the Belarusian і.
    expect(transliterate('pуслан')).toBe('ruslan');
    expect(transliterate('канстанцiнавiч')).toBe('kanstantsinavich');
    // Latin words beside Cyrillic ones are left alone.
    expect(transliterate('чвк espanola')).toBe('chvk espanola');
  });

  it('reads г as h in Ukrainian and Belarusian names, as g in Russian ones', () => {
    expect(transliterate('сяргей яўгенавіч')).toBe('syarhey yauhenavich');
    expect(transliterate('григорій')).toBe('hryhoriy');
    expect(transliterate('григорий')).toBe('grigoriy');
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
