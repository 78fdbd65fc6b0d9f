/**
 * Words of Chinese organisation names, in simplified and traditional characters, and what listings write for them:
 * "成都景昕科技有限公司" is listed as "CHENGDU JINGXIN TECHNOLOGY CO. LTD". The transliteration keeps each such word
 * whole, its syllables run together ("keji" for 科技), so a listing that keeps the pinyin still meets it; the word is
 * also read as its English translation (NameToken.translation) or, for a legal form, canonicalised as one.
 *
 * Kinds of company and the trades around them; never names, which are read syllable by syllable.
 */

/** Characters → the English word listings translate them to, or the legal form they are (marked `legal:`). */
const WORDS: readonly (readonly [readonly string[], string])[] = [
  // Legal forms, longest first so the transliteration takes them whole.
  [['股份有限公司'], 'legal:ltd'],
  [['有限责任公司', '有限責任公司'], 'legal:llc'],
  [['有限公司'], 'legal:ltd'],
  [['公司'], 'legal:co'],
  [['集团', '集團'], 'legal:group'],
  [['控股'], 'legal:holding'],
  // Trades and descriptive words.
  [['科技', '技术', '技術'], 'technology'],
  [['电子', '電子'], 'electronics'],
  [['微电子', '微電子'], 'microelectronics'],
  [['机械', '機械', '机器', '機器'], 'machinery'],
  [['机器人', '機器人'], 'robotics'],
  [['国际', '國際'], 'international'],
  [['贸易', '貿易', '商贸', '商貿'], 'trading'],
  [['实业', '實業', '工业', '工業'], 'industrial'],
  [['设备', '設備', '装备', '裝備'], 'equipment'],
  [['数控', '數控'], 'cnc'],
  [['航空'], 'aviation'],
  [['动力', '動力'], 'power'],
  [['船务', '船務', '航运', '航運', '海运', '海運'], 'shipping'],
  [['物流'], 'logistics'],
  [['能源'], 'energy'],
  [['石油'], 'petroleum'],
  [['化工'], 'chemical'],
  [['投资', '投資'], 'investment'],
  [['银行', '銀行'], 'bank'],
  [['发展', '發展'], 'development'],
  [['工程'], 'engineering'],
  [['材料'], 'materials'],
  [['光电', '光電'], 'optoelectronics'],
  [['软件', '軟件'], 'software'],
  [['通信', '通讯', '通訊'], 'communication'],
  [['半导体', '半導體'], 'semiconductor'],
  [['精密'], 'precision'],
  [['仪器', '儀器'], 'instruments'],
  [['香港'], 'hongkong'],
];

/** Each word's characters, for the transliteration to keep them together. */
export const CHINESE_ORGANISATION_WORD_CHARACTERS: ReadonlySet<string> = new Set(WORDS.flatMap(([chars]) => chars));

/** The longest word, in characters. */
export const CHINESE_ORGANISATION_WORD_MAX_LENGTH = Math.max(...WORDS.flatMap(([chars]) => chars.map((c) => c.length)));

/** Characters → translation or `legal:` form, for the transliteration's run-together pinyin to be looked up by. */
export const CHINESE_ORGANISATION_WORDS: ReadonlyMap<string, string> = new Map(
  WORDS.flatMap(([chars, english]) => chars.map((c) => [c, english] as const)),
);
