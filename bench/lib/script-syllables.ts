/**
 * A romanised name written in the abugidas and syllabaries: Devanagari, Bengali, Thai, Khmer, Hangul, katakana, and Han
 * for Chinese names. Each is the reverse of a named romanisation, applied to the sounds of latin-sounds.ts:
 * - Devanagari (Hunterian / ISO 15919 reversed): consonant letters with vowel signs, the inherent a unwritten, a virama
 *   inside a cluster, none at the end of a word (Hindi drops the final inherent vowel);
 * - Bengali (ISO 15919 reversed): the same, but a written as the sign া, since the inherent vowel reads o;
 * - Thai (Royal Thai General System reversed, as the Thai press writes foreign names): e and o as the leading vowels
 *   เ and โ written before their consonant, a word-initial vowel on อ, no mark for a cluster;
 * - Khmer (UNGEGN reversed): vowel signs after the consonant, clusters with the coeng sign ្, a word-initial vowel on អ;
 * - Hangul (the Korean rules for foreign words, 외래어 표기법): syllable blocks, codas n m l k p, a consonant with no
 *   vowel closed by ㅡ (ㅣ after ch, j, sh), r before a consonant dropped;
 * - katakana (Hepburn reversed, and the Cabinet notice of 1991 for foreign sounds): ファ フィ ティ ディ ウィ ヴァ with the small
 *   vowels ァィゥェォ, ッ before a doubled consonant, ン for a coda n, u (o after t, d) after any other lone consonant,
 *   words divided by the middle dot ・;
 * - Han: only for names made of pinyin syllables, each syllable as the character most Chinese names write it with.
 */
import { soundsOf, syllablesOf, type Syllable, type Vowel } from './latin-sounds';

export type SyllabicScript = 'Devanagari' | 'Bengali' | 'Thai' | 'Khmer' | 'Hangul' | 'katakana' | 'Han';

interface AbugidaTable {
  consonants: Record<string, string>;
  independent: Record<Vowel, string>;
  /** Vowel signs after a consonant; '' is the inherent vowel. */
  signs: Record<Vowel, string>;
  /** The mark between two consonants of a cluster ('' when the script writes none). */
  cluster: string;
  /** Signs written before the consonant they follow in speech (Thai เ โ). */
  leading?: ReadonlySet<string>;
}

// prettier-ignore
const ABUGIDAS: Record<'Devanagari' | 'Bengali' | 'Thai' | 'Khmer', AbugidaTable> = {
  Devanagari: {
    consonants: {
      k: 'क', kh: 'ख़', g: 'ग', gh: 'ग़', ch: 'च', j: 'ज', t: 'त', th: 'थ', d: 'द', dh: 'ध', n: 'न', p: 'प', f: 'फ़',
      b: 'ब', m: 'म', y: 'य', r: 'र', l: 'ल', v: 'व', w: 'व', sh: 'श', s: 'स', h: 'ह', z: 'ज़', q: 'क़', zh: 'झ़',
      ts: 'त्स',
    },
    independent: { a: 'अ', e: 'ए', i: 'इ', o: 'ओ', u: 'उ' },
    signs: { a: '', e: 'े', i: 'ि', o: 'ो', u: 'ु' },
    cluster: '्',
  },
  Bengali: {
    consonants: {
      k: 'ক', kh: 'খ', g: 'গ', gh: 'ঘ', ch: 'চ', j: 'জ', t: 'ত', th: 'থ', d: 'দ', dh: 'ধ', n: 'ন', p: 'প', f: 'ফ',
      b: 'ব', m: 'ম', y: 'য়', r: 'র', l: 'ল', v: 'ভ', w: 'ও', sh: 'শ', s: 'স', h: 'হ', z: 'জ', q: 'ক', zh: 'জ',
      ts: 'ৎস',
    },
    independent: { a: 'আ', e: 'এ', i: 'ই', o: 'ও', u: 'উ' },
    signs: { a: 'া', e: 'ে', i: 'ি', o: 'ো', u: 'ু' },
    cluster: '্',
  },
  Thai: {
    consonants: {
      k: 'ค', kh: 'ค', g: 'ก', gh: 'ก', ch: 'ช', j: 'จ', t: 'ท', th: 'ท', d: 'ด', dh: 'ด', n: 'น', p: 'พ', f: 'ฟ',
      b: 'บ', m: 'ม', y: 'ย', r: 'ร', l: 'ล', v: 'ว', w: 'ว', sh: 'ช', s: 'ซ', h: 'ฮ', z: 'ซ', q: 'ก', zh: 'ช',
      ts: 'ทซ',
    },
    independent: { a: 'อา', e: 'เอ', i: 'อิ', o: 'โอ', u: 'อุ' },
    signs: { a: 'า', e: 'เ', i: 'ิ', o: 'โ', u: 'ุ' },
    cluster: '',
    leading: new Set(['เ', 'โ']),
  },
  Khmer: {
    consonants: {
      k: 'ក', kh: 'ខ', g: 'គ', gh: 'គ', ch: 'ច', j: 'ជ', t: 'ត', th: 'ថ', d: 'ដ', dh: 'ដ', n: 'ន', p: 'ព', f: 'ហ្វ',
      b: 'ប', m: 'ម', y: 'យ', r: 'រ', l: 'ល', v: 'វ', w: 'វ', sh: 'ស', s: 'ស', h: 'ហ', z: 'ហ្ស', q: 'ក', zh: 'ហ្ស',
      ts: 'ត្ស',
    },
    independent: { a: 'អា', e: 'អេ', i: 'អ៊ី', o: 'អូ', u: 'អ៊ូ' },
    signs: { a: 'ា', e: 'េ', i: 'ិ', o: 'ោ', u: 'ុ' },
    cluster: '្',
  },
};

function writeAbugida(word: string, table: AbugidaTable): string {
  const sounds = soundsOf(word);
  let out = '';
  let lastConsonantAt = -1;
  let bare = false; // the last thing written is a consonant with no vowel yet
  for (const s of sounds) {
    if (s.kind === 'consonant') {
      const letter = table.consonants[s.value] ?? '';
      const written = s.long ? `${letter}${table.cluster}${letter}` : letter;
      if (bare) out += table.cluster;
      // A leading vowel goes before the consonant it follows in speech: the second of a doubled one.
      lastConsonantAt = out.length + written.length - letter.length;
      out += written;
      bare = true;
      continue;
    }
    if (!bare) {
      out += table.independent[s.value];
      continue;
    }
    const sign = table.signs[s.value];
    if (table.leading?.has(sign) === true) out = out.slice(0, lastConsonantAt) + sign + out.slice(lastConsonantAt);
    else out += sign;
    bare = false;
  }
  return out;
}

// Hangul jamo indices (initial, medial, final) of the Unicode syllable formula.
// prettier-ignore
const HANGUL_ONSETS: Record<string, number> = {
  g: 0, gh: 0, n: 2, d: 3, dh: 3, r: 5, l: 5, m: 6, b: 7, v: 7, s: 9, th: 9, sh: 9, j: 12, z: 12, zh: 12, ch: 14,
  k: 15, q: 15, kh: 18, t: 16, ts: 14, p: 17, f: 17, h: 18,
};
const HANGUL_SILENT = 11;
const HANGUL_VOWELS: Record<Vowel, number> = { a: 0, e: 5, i: 20, o: 8, u: 13 };
const HANGUL_Y_VOWELS: Record<Vowel, number> = { a: 2, e: 7, i: 20, o: 12, u: 17 };
const HANGUL_W_VOWELS: Record<Vowel, number> = { a: 9, e: 15, i: 16, o: 14, u: 13 };
const HANGUL_CODAS: Record<string, number> = { n: 4, m: 16, l: 8, k: 1, p: 17 };
const HANGUL_EU = 18;

const hangul = (onset: number, vowel: number, coda = 0): string =>
  String.fromCharCode(0xac00 + (onset * 21 + vowel) * 28 + coda);

function writeHangul(word: string): string {
  let out = '';
  for (const syl of syllablesOf(soundsOf(word))) {
    const onset = syl.onset === undefined ? HANGUL_SILENT : (HANGUL_ONSETS[syl.onset] ?? HANGUL_SILENT);
    if (syl.vowel === undefined) {
      out += hangul(onset, syl.onset === 'ch' || syl.onset === 'j' || syl.onset === 'sh' ? 20 : HANGUL_EU);
      continue;
    }
    const shGlide = syl.onset === 'sh' && syl.vowel !== 'i';
    const vowel =
      syl.glide === 'y' || shGlide
        ? HANGUL_Y_VOWELS[syl.vowel]
        : syl.glide === 'w'
          ? HANGUL_W_VOWELS[syl.vowel]
          : HANGUL_VOWELS[syl.vowel];
    const coda = syl.coda[0];
    const codaIndex = coda === undefined ? 0 : (HANGUL_CODAS[coda] ?? -1);
    if (codaIndex >= 0 || coda === 'r') out += hangul(onset, vowel, Math.max(codaIndex, 0));
    else out += hangul(onset, vowel) + hangul(HANGUL_ONSETS[coda as string] ?? HANGUL_SILENT, HANGUL_EU);
  }
  return out;
}

// Katakana rows: the kana for a, i, u, e, o after each consonant (small vowels where Japanese has no such syllable).
// prettier-ignore
const KANA_ROWS: Record<string, [string, string, string, string, string]> = {
  '': ['ア', 'イ', 'ウ', 'エ', 'オ'], k: ['カ', 'キ', 'ク', 'ケ', 'コ'], q: ['カ', 'キ', 'ク', 'ケ', 'コ'],
  g: ['ガ', 'ギ', 'グ', 'ゲ', 'ゴ'], gh: ['ガ', 'ギ', 'グ', 'ゲ', 'ゴ'], s: ['サ', 'シ', 'ス', 'セ', 'ソ'],
  th: ['サ', 'シ', 'ス', 'セ', 'ソ'], z: ['ザ', 'ジ', 'ズ', 'ゼ', 'ゾ'], dh: ['ザ', 'ジ', 'ズ', 'ゼ', 'ゾ'],
  t: ['タ', 'ティ', 'トゥ', 'テ', 'ト'], d: ['ダ', 'ディ', 'ドゥ', 'デ', 'ド'], n: ['ナ', 'ニ', 'ヌ', 'ネ', 'ノ'],
  h: ['ハ', 'ヒ', 'フ', 'ヘ', 'ホ'], kh: ['ハ', 'ヒ', 'フ', 'ヘ', 'ホ'], b: ['バ', 'ビ', 'ブ', 'ベ', 'ボ'],
  p: ['パ', 'ピ', 'プ', 'ペ', 'ポ'], m: ['マ', 'ミ', 'ム', 'メ', 'モ'], r: ['ラ', 'リ', 'ル', 'レ', 'ロ'],
  l: ['ラ', 'リ', 'ル', 'レ', 'ロ'], f: ['ファ', 'フィ', 'フ', 'フェ', 'フォ'], v: ['ヴァ', 'ヴィ', 'ヴ', 'ヴェ', 'ヴォ'],
  sh: ['シャ', 'シ', 'シュ', 'シェ', 'ショ'], ch: ['チャ', 'チ', 'チュ', 'チェ', 'チョ'], j: ['ジャ', 'ジ', 'ジュ', 'ジェ', 'ジョ'],
  zh: ['ジャ', 'ジ', 'ジュ', 'ジェ', 'ジョ'], ts: ['ツァ', 'ツィ', 'ツ', 'ツェ', 'ツォ'],
  y: ['ヤ', 'イ', 'ユ', 'イェ', 'ヨ'], w: ['ワ', 'ウィ', 'ウ', 'ウェ', 'ウォ'],
};
const VOWEL_COLUMN: Record<Vowel, number> = { a: 0, i: 1, u: 2, e: 3, o: 4 };
/** The vowel Japanese adds after a consonant that has none: o after t and d, i after ch and j, u otherwise. */
const LONE_CONSONANT_VOWEL: Record<string, Vowel> = { t: 'o', d: 'o', ch: 'i', j: 'i' };

function kanaSyllable(consonant: string, vowel: Vowel | undefined): string {
  const row = KANA_ROWS[consonant] ?? KANA_ROWS[''];
  if (consonant === 'n' && vowel === undefined) return 'ン';
  return (row as string[])[VOWEL_COLUMN[vowel ?? LONE_CONSONANT_VOWEL[consonant] ?? 'u']] as string;
}

function writeKatakana(word: string): string {
  let out = '';
  for (const syl of syllablesOf(soundsOf(word))) {
    const consonant = syl.onset ?? syl.glide ?? '';
    if (syl.geminate && consonant !== 'n' && consonant !== 'm') out += 'ッ';
    else if (syl.geminate && consonant === 'n') out += 'ン';
    out += kanaSyllable(consonant, syl.vowel);
    if (syl.long && syl.vowel !== undefined) out += 'ー';
    for (const c of syl.coda) out += kanaSyllable(c, undefined);
  }
  return out;
}

// The character most often written for a pinyin syllable in Chinese personal names (surnames and given names).
// prettier-ignore
const HAN_SYLLABLES: Record<string, string> = {
  li: '李', wang: '王', zhang: '张', liu: '刘', chen: '陈', yang: '杨', huang: '黄', zhao: '赵', wu: '吴', zhou: '周',
  xu: '徐', sun: '孙', ma: '马', zhu: '朱', hu: '胡', guo: '郭', he: '何', gao: '高', lin: '林', luo: '罗',
  zheng: '郑', liang: '梁', xie: '谢', song: '宋', tang: '唐', han: '韩', feng: '冯', deng: '邓', cao: '曹',
  peng: '彭', zeng: '曾', xiao: '小', tian: '田', dong: '东', pan: '潘', yuan: '袁', cai: '蔡', jiang: '江',
  yu: '于', du: '杜', ye: '叶', cheng: '程', wei: '伟', su: '苏', lu: '陆', ding: '丁', ren: '任', shen: '沈',
  yao: '姚', lu2: '卢', jin: '金', fang: '方', shi: '石', qiu: '邱', xia: '夏', tan: '谭', fan: '范', jia: '佳',
  hong: '红', ming: '明', hua: '华', jun: '军', ping: '平', gang: '刚', qiang: '强', yong: '勇', jie: '杰',
  tao: '涛', bin: '斌', hui: '慧', ling: '玲', fei: '飞', long: '龙', kai: '凯', hai: '海', bo: '波', lei: '雷',
  feng2: '峰', xin: '新', yan: '燕', min: '敏', xiang: '祥', guang: '光', zhi: '志', qing: '清', an: '安',
  ning: '宁', kang: '康', rong: '荣', sheng: '胜', de: '德', wen: '文', jian: '建', guo2: '国', dan: '丹',
  chun: '春', xue: '雪', ying: '英', bao: '宝', yun: '云', fu: '福', shan: '山', shu: '书', zi: '子', en: '恩',
  tai: '泰', ke: '科', qi: '琪', xing: '星', lan: '兰', mei: '美', na: '娜', li2: '丽', zhong: '中', hao: '浩',
  peng2: '鹏', yi: '艺', heng: '恒', quan: '全', xian: '先', zhen: '真', cong: '聪', kun: '坤', lun: '伦',
};
const HAN_KEYS = Object.keys(HAN_SYLLABLES).filter((k) => !/\d/.test(k));
const LONGEST_SYLLABLE = Math.max(...HAN_KEYS.map((k) => k.length));

/** A romanised word as pinyin syllables (longest first), or undefined when it is not all pinyin of the table. */
function pinyinSyllables(word: string): string[] | undefined {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w === '') return undefined;
  // Every segmentation, longest syllable first, backtracking: "xian" is one syllable, "xinan" two.
  const walk = (at: number): string[] | undefined => {
    if (at === w.length) return [];
    for (let length = Math.min(LONGEST_SYLLABLE, w.length - at); length > 0; length--) {
      const s = w.slice(at, at + length);
      if (HAN_SYLLABLES[s] === undefined) continue;
      const rest = walk(at + length);
      if (rest !== undefined) return [s, ...rest];
    }
    return undefined;
  };
  return walk(0);
}

/** A Chinese name in Han: undefined unless every word is pinyin the table writes. */
function writeHan(words: readonly string[], surnameFirst: readonly string[]): string | undefined {
  const parts = surnameFirst.map(pinyinSyllables);
  if (words.length === 0 || parts.some((p) => p === undefined)) return undefined;
  return parts.map((p) => (p as string[]).map((s) => HAN_SYLLABLES[s]).join('')).join('');
}

/**
 * A romanised name in one of these scripts; `surnameFirst` is the same words in the order the script's own
 * practice writes them (Han, Hangul). Undefined when the script has no meaningful form of it (Han for a non-Chinese name).
 */
export function writeInSyllables(
  words: readonly string[],
  surnameFirst: readonly string[],
  script: SyllabicScript,
): string | undefined {
  switch (script) {
    case 'Han':
      return writeHan(words, surnameFirst);
    case 'Hangul':
      return words.map(writeHangul).join(' ');
    case 'katakana':
      return words.map(writeKatakana).join('・');
    default:
      return words.map((w) => writeAbugida(w, ABUGIDAS[script])).join(' ');
  }
}

export const SYLLABIC_SCRIPTS: readonly SyllabicScript[] = [
  'Devanagari',
  'Bengali',
  'Thai',
  'Khmer',
  'Hangul',
  'katakana',
  'Han',
];

export type { Syllable };
