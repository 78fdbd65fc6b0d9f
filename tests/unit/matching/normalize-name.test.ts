import { normalizeName, tokenizeName } from '@sanctions/shared/matching';

describe('name normalisation', () => {
  it.each([
    ['  JOSÉ   María  GARCÍA-LÓPEZ ', 'jose maria garcia lopez'],
    ['ＡＢＣ Ｔｒａｄｉｎｇ', 'abc trading'],
    ['Straße Ørsted Łódź', 'strasse orsted lodz'],
    ['AL-NU’AYMI, ‘Abd al-Rahman', 'al nuaymi abd al rahman'],
    ['Mus?ab', 'musab'],
    ['SENSETIME GROUP LIMITED', 'sensetime group ltd'],
    ['Acme Corporation', 'acme corp'],
    ['Foo Aktiengesellschaft', 'foo ag'],
    ['OOO Romashka', 'llc romashka'],
    ['Bar Joint Stock Company', 'bar jsc'],
    ['Baz S.A.', 'baz sa'],
    ['Qux L.L.C.', 'qux llc'],
    ['ANGLO-CARIBBEAN CO., LTD.', 'anglo caribbean co ltd'],
    ['Dr. Mohammed Yousef', 'muhammad yusuf'],
    ['Sheikh Hamad', 'hamad'],
    // A lower-to-upper case change inside a word is a lost space, in plain ASCII and beyond it.
    ['MohamedSALMAN', 'muhammad salman'],
    ['JoséGARCÍA', 'jose garcia'],
  ])('normalises %p to %p', (raw, expected) => {
    expect(normalizeName(raw)).toBe(expected);
  });

  it('keeps numbers as tokens that must agree', () => {
    expect(tokenizeName('11420 CORP.').tokens.map((t) => t.kind)).toEqual(['number', 'legal']);
  });

  it('reads the Arabic article assimilated to a sun letter as the article, and nothing else', () => {
    expect(normalizeName('AD-DAWLA AL-ISLAMIYYA')).toBe('al dawla al islamiyya');
    expect(normalizeName('ash-Shami, Abu Muhammad')).toBe('al shami abu muhammad');
    expect(normalizeName('Ad Dawla')).toBe('al dawla');
    // "Ed" is a given name, and "as" before another word is not the article.
    expect(normalizeName('Ed Davis')).toBe('ed davis');
    expect(normalizeName('As Salam')).toBe('al salam');
    expect(normalizeName('As Good')).toBe('as good');
    expect(normalizeName('An Nguyen')).toBe('an nguyen');
  });

  it('classifies particles, initials and legal forms', () => {
    const kinds = tokenizeName('Osama bin Laden J. Acme Ltd').tokens.map((t) => `${t.text}:${t.kind}`);
    expect(kinds).toEqual(['usama:word', 'bin:particle', 'laden:word', 'j:initial', 'acme:word', 'ltd:legal']);
  });

  it('reads an ambiguous legal form as a name when it comes first', () => {
    expect(tokenizeName('SA Mun Kil').tokens[0]?.kind).toBe('word');
    expect(tokenizeName('Foo SA').tokens[1]?.kind).toBe('legal');
  });

  it('does not drop a title that is the whole name', () => {
    expect(normalizeName('Sheikh')).toBe('sheikh');
  });

  it('reads a name in Arabic script for titles in that script only', () => {
    // آدم (Adam) is spelled "adm", the letters of the abbreviated rank "Adm."; ملا is the title Mullah.
    expect(tokenizeName('آدم خان اچکزی').tokens.map((t) => t.text)).toEqual(['adm', 'khan', 'achkzi']);
    expect(tokenizeName('ملا محمد عمر').dropped).toEqual(['mla']);
    expect(normalizeName('Adm. Ahmad Shah')).toBe('ahmad shah');
  });

  it('drops a rank only from a person-like name', () => {
    expect(normalizeName('General Ahmad Shah')).toBe('ahmad shah');
    expect(normalizeName('General Trading Co Ltd')).toBe('general trading co ltd');
  });
});

describe('organisation words translated from their own script', () => {
  it.each([
    ['Расчетный', ['settlement', 'settlements']],
    ['технологии', ['technologies', 'technology']],
    ['газовая', ['gas']],
  ])('%s is read as %p', (word, translations) => {
    const [token] = tokenizeName(`ООО ${word} Банк`).tokens.filter((t) => t.surface !== 'ooo' && t.surface !== 'bank');
    expect(token?.translations).toEqual(translations);
  });
});
