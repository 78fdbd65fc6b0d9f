import {
  abjadSpells,
  buildMatchIndex,
  compare,
  DEFAULT_MATCH_THRESHOLD,
  normalizeName,
  tokenizeName,
} from '@sanctions/shared/matching';
import { abjadNearlySpells } from '@sanctions/shared/matching';
import { entity } from './entity-factory';

describe('reading an Arabic-script skeleton as a romanised spelling', () => {
  it.each([
    ['hsin', 'hussein', 'ي read as the long vowel of Hussein'],
    ['hsin', 'husayn', '... or as the y of Husayn'],
    ['shhath', 'shihata', 'final ه as the a of a ta marbuta written without dots (شحاته)'],
    ['hmadh', 'hamada', 'the same in حماده'],
    ['mzidh', 'mazidih', '"dh" read as د followed by ه, not only as ذ'],
    ['abdalhlim', 'abdelhalim', 'the article glued inside a compound (عبدالحليم), spelled "el"'],
    ['abdalrhmn', 'abderrahmane', 'the article assimilated to a sun letter and a French final e'],
    ['jlalaldin', 'jalaluddin', 'the article spelled "u" and assimilated to the d of din'],
    ['hqana', 'haqqani', 'a doubled consonant and a final ى that Afghan spelling reads as i'],
    ['fdl', 'fazal', 'ض spelled z, as Persian and Urdu romanise it'],
    ['anur', 'anwar', 'و read as w with an unwritten vowel after it'],
    ['zidan', 'zidane', 'a French mute final e'],
    ['aabd', 'abid', 'an initial ayn and long a (عابد) spelled as one vowel'],
    ['tuab', 'tawwab', 'a doubled semivowel (shadda on و)'],
    ['alsbar', 'essabar', 'the article assimilated to a sun letter, which doubles'],
    ['th', 'taha', 'a word of two letters (طه), ه split from the t'],
    ['sd', 'saad', 'a word of two letters with an unwritten ayn (سعد)'],
    ['aysi', 'isa', 'an initial ayn and ya as one vowel, and a Persian final ی as alif maqsura (عیسی)'],
    ['aysi', 'essa', 'the same, spelled with e and a doubled s'],
    ['astankzi', 'stanekzai', 'a prothetic alif before s and a consonant, left unspelled (استانکزی)'],
    ['nsra', 'nusrat', 'a ta marbuta read as t before the next word (نصرة الإسلام, "Nusrat al-Islam")'],
    ['shiba', 'shibh', 'a ta marbuta spelled h'],
    ['yhiy', 'yahya', 'a final ی after another as alif maqsura (یحیی)'],
    ['khsruy', 'khosravi', 'Persian و after a consonant as v (خسروی)'],
    ['rdayi', 'rezaei', 'the Persian "-ایی" ending as "-aei" (رضایی)'],
    ['baldm', 'biddam', 'the preposition bi- before the article, assimilated to a sun letter (بالدم)'],
    ['balqasm', 'belqasem', 'the same before a moon letter (بالقاسم)'],
    ['chuhdri', 'chaudhry', 'an Urdu aspirate written with ہ before its consonant after a long vowel (چوہدری)'],
    [
      'bblad',
      'bilad',
      'a preposition written before a word with the same first letter, listed apart (ببلاد, "fi bilad")',
    ],
  ])('%s reads as %s (%s)', (skeleton, listed) => {
    expect(abjadSpells(skeleton, listed)).toBe(true);
  });

  it.each([
    ['hsn', 'hussein', 'the listed ي has no letter in حسن'],
    ['hsn', 'hasnain', 'the listed second n is not written'],
    ['mhmd', 'ahmad', 'the first consonant differs'],
    ['slah', 'sala', 'ح is written, so it must be spelled'],
    ['khald', 'khadid', 'an l that is no article cannot be left out'],
    ['ali', 'aliyev', 'a listed ending the script does not write'],
    ['ab', 'abu', 'the listed final u is not written'],
    ['ali', 'ullah', 'in a short word a final ی stays a long i (علی is not "Ullah")'],
    ['aayd', 'izz', 'in a short word an initial ayn and ya are not one vowel'],
    ['asma', 'sami', 'no prothetic alif in a short word (اسما is "Asma")'],
    ['rha', 'rahat', 'no construct t in a short word (رها is "Raha")'],
    ['alswd', 'aswad', 'an assimilated article must double its sun letter'],
    ['swd', 'sweet', 'a long vowel (ee) the skeleton does not write'],
    ['fali', 'fli', 'no preposition and article in a short word (فالی)'],
    ['mhdi', 'madhi', 'ه before a consonant after a consonant is an h of its own (مهدي is Mahdi)'],
    ['blal', 'lal', 'a first letter written once is no preposition (بلال is "Bilal")'],
  ])('%s does not read as %s (%s)', (skeleton, listed) => {
    expect(abjadSpells(skeleton, listed)).toBe(false);
  });
});

describe('screening names written in Arabic script against romanised listings', () => {
  const index = buildMatchIndex([
    entity('ABDUL RAHMAN ZAHED', 'person'),
    entity('JALALUDDIN HAQQANI', 'person'),
    entity('THARWAT SALAH SHIHATA', 'person'),
    entity('ABD EL HALIM ZIDANE', 'person'),
    entity('HASSAN NASRALLAH', 'person'),
    entity('HAMADA OULD MOHAMED EL KHAIRY', 'person'),
    entity('ABD-AL-TAWWAB MULLAH HUWAYSH', 'person'),
    entity('MUHAMMAD ABD AL-KARIM AL-GHAMARI', 'person'),
    entity('MOHAMMAD WALI MOHAMMAD EWAZ', 'person'),
    entity('RAMZI MOHAMED ABDULLAH BINALSHIBH', 'person'),
    entity('SADUDDIN SAYYED', 'person'),
    entity('AMINULLAH AMIN QUDDUS', 'person'),
    entity('TAHA YASSIN RAMADAN AL-JIZRAWI', 'person'),
    entity('NAZIRULLAH HANAFI WALIULLAH', 'person'),
    entity('MOHAMMED QASIM MIR WALI KHUDAI RAHIM', 'person'),
    entity('HASSAN DAHIR AWEYS', 'person'),
    entity('ABDUL HAI HAZEM ABDUL QADER', 'person'),
    entity('HAQQANI NETWORK (HQN)', 'organization'),
    entity('LIBYAN ISLAMIC FIGHTING GROUP', 'organization'),
    entity('ISLAMIC STATE IN IRAQ AND THE LEVANT - LIBYA', 'organization'),
    entity('ANSARUL MUSLIMINA FI BILADIS SUDAN', 'organization'),
    entity('HAJI BASIR AND ZARJMIL COMPANY HAWALA', 'organization'),
    entity('DEFENSE INDUSTRIES ORGANIZATION', 'organization'),
    entity('RAHAT LTD.', 'organization'),
    entity('HANIFA MONEY EXCHANGE OFFICE', 'organization'),
    entity("JAMA'A NUSRAT UL-ISLAM WA AL-MUSLIMIN (JNIM)", 'organization'),
  ]);
  const hits = (query: string): string[] =>
    index.screen({ name: query }, { threshold: DEFAULT_MATCH_THRESHOLD, limit: 5 }).map((m) => m.matchedName);

  it.each([
    ['عبدالرحمان زاهد', 'ABDUL RAHMAN ZAHED', 'a glued compound against its halves written apart'],
    ['جلال الدين حقانى', 'JALALUDDIN HAQQANI', 'a compound written apart against one listed word'],
    ['ثروت صالح شحاته', 'THARWAT SALAH SHIHATA', 'a final ه spelled a'],
    ['عبدالحليم زيدان', 'ABD EL HALIM ZIDANE', 'a glued compound against three listed tokens'],
    [
      'محمد ولی محمد عوض',
      'MOHAMMAD WALI MOHAMMAD EWAZ',
      'a word of one consonant class (عوض, "ewaz"), found by its first letter',
    ],
    [
      'محمد عبدالكريم الغماري',
      'MUHAMMAD ABD AL-KARIM AL-GHAMARI',
      'a glued compound whose article the query\'s own "al" must not take',
    ],
    [
      'رمزي محمد عبد الله بن الشيبة',
      'RAMZI MOHAMED ABDULLAH BINALSHIBH',
      'a compound around the article after a particle (bin al shiba)',
    ],
    ['سعد الدين سيد', 'SADUDDIN SAYYED', 'a compound around the article whose first half has two letters'],
    [
      'امین الله امین قدوس',
      'AMINULLAH AMIN QUDDUS',
      'a repeated word: the free "amin" pairs with AMIN, so "amin allah" can meet AMINULLAH',
    ],
    ['طه ياسين رمضان الجزراوي', 'TAHA YASSIN RAMADAN AL-JIZRAWI', 'a two-letter word (طه)'],
    [
      'نذیر الله حنفى ولى الله',
      'NAZIRULLAH HANAFI WALIULLAH',
      'two words against one, each read with its own ending (ولى is "wali")',
    ],
    [
      'محمد قاسم میر ولی خدايرحيم',
      'MOHAMMED QASIM MIR WALI KHUDAI RAHIM',
      'a long glued word against two listed words',
    ],
    ['حسن ظاهرعويس', 'HASSAN DAHIR AWEYS', 'two words glued after ر, which joins no letter: found through both halves'],
    ['عبد الحی عظیم عبد القادر', 'ABDUL HAI HAZEM ABDUL QADER', 'the same: "HAZEM" for عظیم'],
  ])('finds %s as %s (%s)', (query, listed) => {
    expect(hits(query)).toContain(listed);
  });

  it.each([
    [
      'شبکه حقانی',
      'HAQQANI NETWORK',
      'شبکه is listed as "network", and the acronym in parentheses is a name of its own',
    ],
    ['راحت لمتد', 'RAHAT LTD.', 'لمتد is the legal form Limited'],
    [
      'جماعة نصرة الإسلام والمسلمين',
      "JAMA'A NUSRAT UL-ISLAM WA AL-MUSLIMIN",
      'the same kind of word kept transliterated ("jama\'a")',
    ],
    [
      'الجماعة الاسلامية المقاتلة الليبية',
      'LIBYAN ISLAMIC FIGHTING GROUP',
      'listed only in translation: group, Islamic, fighting, Libyan',
    ],
    [
      'الدولة الإسلامية في العراق والشام - ليبيا',
      'ISLAMIC STATE IN IRAQ AND THE LEVANT - LIBYA',
      '"and the" glued to الشام, which English writes "the Levant"',
    ],
    [
      'أنصار المسلمین في بلاد السودان',
      'ANSARUL MUSLIMINA FI BILADIS SUDAN',
      'the article closing a compound as the sun letter it turns into ("biladis sudan")',
    ],
    ['د حاجی بصیر او ضرجمیل کمپنی حواله', 'HAJI BASIR AND ZARJMIL COMPANY HAWALA', 'Pashto "of" (د) and "and" (او)'],
    [
      'سازمان صنایع دفاع',
      'DEFENSE INDUSTRIES ORGANIZATION',
      'Persian organisation words: سازمان is organisation, صنایع industries, دفاع defence',
    ],
  ])('finds the organisation %s as %s (%s)', (query, listed) => {
    expect(hits(query)).toContain(listed);
  });

  // calibrated-4 lifts a cross-script pair only when every word aligned (decision 0028): "money" has no counterpart
  // here, so the name is its best candidate just under the threshold (0.55 against 0.56), not a hit.
  it('reads مكتب حنيفة للصرافة as HANIFA MONEY EXCHANGE OFFICE (مكتب is "office" and للصرافة "for exchange")', () => {
    const [best] = index.screen({ name: 'مكتب حنيفة للصرافة' }, { threshold: 0, limit: 1 });
    expect(best?.matchedName).toBe('HANIFA MONEY EXCHANGE OFFICE');
    expect(best?.score).toBeGreaterThan(0.5);
  });

  it('explains an organisation word met in translation', () => {
    const explanation =
      index.screen({ name: 'شبکه حقانی' }, { threshold: DEFAULT_MATCH_THRESHOLD, limit: 1 })[0]?.explanation ?? [];
    expect(explanation).toContain('"shbkh" is the word listings translate as "network".');
  });

  it('reads Arabic-script particles and titles as such: ولد is "Ould", ملا the title Mullah', () => {
    expect(normalizeName('حماده ولد محمد')).toBe('hmadh ould mhmd');
    expect(hits('حماده ولد محمد الخيري')).toContain('HAMADA OULD MOHAMED EL KHAIRY');
    expect(hits('عبد التواب ملا حويش')).toContain('ABD-AL-TAWWAB MULLAH HUWAYSH');
    // Only in Arabic script: a Latin "wld" is no particle.
    expect(normalizeName('Wld Smith')).toBe('wld smith');
  });

  it('does not let sound alone pair a skeleton with a word no reading explains', () => {
    // "khdir" (خضير) has no reading as "khair": the d is written. Latin-script sound-alike rules do not apply to skeletons.
    expect(compare({ name: 'آلاء خضير' }, { name: 'Khair' }).score).toBeLessThan(0.6);
    expect(compare({ name: 'خضير' }, { name: 'Khair' }).match).toBe(false);
  });

  it('reads a listed spelling one consonant off only as a weak agreement, and never a letter the listing leaves out', () => {
    expect(abjadNearlySpells('slah', 'shalah')).toBe(true); // one consonant added
    expect(abjadNearlySpells('khdir', 'khair')).toBe(false); // خضير is not خير: the listing left a letter out
    expect(abjadNearlySpells('mhdi', 'muhammad')).toBe(false); // a long vowel is never the slip
    expect(abjadNearlySpells('hsn', 'hassan')).toBe(false); // too short to read past a slip (and exact anyway)
    expect(compare({ name: 'حامد رجا صلاح التكريتي' }, { name: 'HAMID RAJA SHALAH AL-TIKRITI' }).match).toBe(true);
    // One word a consonant off scores below the word read exactly: "HAZEM" for عظیم is a weak typo. (The rules kept it
    // below the threshold; the calibrated scorer does not: decision 0025.)
    expect(compare({ name: 'عظیم' }, { name: 'HAZEM' }).score).toBeLessThan(
      compare({ name: 'حازم' }, { name: 'HAZEM' }).score,
    );
    expect(
      compare({ name: 'عبد الحی عظیم عبد القادر' }, { name: 'ABDUL HAI HAZEM ABDUL QADER' }).explanation.join(' '),
    ).toContain('"azim" reads as "hazem" but for one letter');
  });

  it('reads two glued words apart only to find the listed name; the glued word must still read as both listed words', () => {
    // ظاهر and عويس are both listed words, but in another order: the glued word reads as neither pair.
    const reversed = buildMatchIndex([entity('HASSAN AWEYS DAHIR', 'person')]);
    expect(reversed.screen({ name: 'حسن ظاهرعويس' }, { threshold: DEFAULT_MATCH_THRESHOLD, limit: 5 })).toEqual([]);
  });

  it('does not take a different name with the same consonant classes for a hit', () => {
    // A glued compound is read whole: عبدالحميد (Abd al-Hamid) is not Abdul Rahman.
    expect(hits('عبدالحميد زاهد')).toEqual([]);
    expect(compare({ name: 'حسين زاهد' }, { name: 'ABDUL RAHMAN ZAHED' }).match).toBe(false);
    // يسنا (Yasna) ends in a written alif, which a bare French e does not spell.
    expect(abjadSpells('ysna', 'yassine')).toBe(false);
  });

  it('still romanises glued compounds as one word (the reading splits them, not the transliteration)', () => {
    expect(normalizeName('عبدالرحمن')).toBe('abdalrhmn');
  });

  it('writes apart a very common name glued to the next word after a letter that joins nothing ("محمدعلی")', () => {
    expect(normalizeName('محمدعلی')).toBe('mhmd ali');
    expect(normalizeName('محمدعبد البصیر')).toBe('mhmd abd al bsir');
    // ...but not a name with an ending ("محمدی" is Mohammadi), nor a compound of عبد.
    expect(normalizeName('محمدی')).toBe('mhmdi');
    expect(normalizeName('عبدالله')).toBe(normalizeName('عبد الله'));
    expect(compare({ name: 'نظر محمدعبد البصیر' }, { name: 'NAZIR MOHAMMAD ABDUL BASIR' }).match).toBe(true);
    expect(compare({ name: 'محمدعلی جعفری' }, { name: 'MOHAMMADALI JAFARI' }).match).toBe(true);
  });

  it('reads Allah written with the Urdu final heh (اللہ) as the word, not the article and "lh"', () => {
    expect(normalizeName('ثناء اللہ غفاری')).toBe('thna allah ghfari');
    expect(normalizeName('عبداللہ')).toBe(normalizeName('عبد الله'));
  });

  it('reads the Persian plural ending written apart as a particle ("سامانه های", systems)', () => {
    expect(tokenizeName('سامانه های').tokens[1]).toMatchObject({ text: 'ha', kind: 'particle' });
    expect(
      compare(
        { name: 'دفتر طراحی سامانه های قوای محرکه فرزانگان', type: 'organization' },
        { name: 'FARZANEGAN PROPULSION SYSTEMS DESIGN BUREAU', type: 'organization' },
      ).match,
    ).toBe(true);
  });

  it('reads "لل" glued to a word as "for the" ("للعلوم", for the sciences)', () => {
    expect(normalizeName('للعلوم')).toBe('for alum');
    expect(
      compare(
        { name: 'المعهد العالي للعلوم التطبيقية والتكنولوجيا', type: 'organization' },
        { name: 'HIGHER INSTITUTE FOR APPLIED SCIENCES AND TECHNOLOGY', type: 'organization' },
      ).match,
    ).toBe(true);
  });

  it('reads a preposition written onto a word: "بالدم" as "biddam", "ببلاد" as "fi bilad"', () => {
    expect(
      compare({ name: 'الموقعون بالدم', type: 'organization' }, { name: 'AL MOUAKAOUNE BIDDAM', type: 'organization' })
        .match,
    ).toBe(true);
    expect(
      compare(
        { name: 'تنظيم القاعدة ببلاد المغرب الاسلامي' },
        { name: "TANZIM AL-QA'IDA FI BILAD AL-MAGHRIB AL-ISLAMIYA" },
      ).match,
    ).toBe(true);
  });
});
