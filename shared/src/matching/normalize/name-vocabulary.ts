import { transliterate } from './transliterate';
/**
 * Word lists the normaliser reads names against: legal forms, titles, particles, spelling variants, common tokens.
 * All entries are lower case, diacritics stripped, as the normaliser produces them.
 */

/** Legal-form words and their canonical abbreviation ("limited" and "ltd" are the same legal form). */
// prettier-ignore
export const LEGAL_FORMS: ReadonlyMap<string, string> = new Map([
  ['limited', 'ltd'], ['ltd', 'ltd'], ['ltda', 'ltd'], ['limitada', 'ltd'], ['ltee', 'ltd'], ['limitee', 'ltd'],
  ['company', 'co'], ['co', 'co'], ['compania', 'co'], ['companhia', 'co'], ['compagnie', 'co'], ['cie', 'co'], ['cia', 'co'],
  ['corporation', 'corp'], ['corp', 'corp'], ['incorporated', 'inc'], ['inc', 'inc'],
  ['kompaniya', 'co'], ['kompanii', 'co'], ['korporatsiya', 'corp'], ['korporatsii', 'corp'],
  ['llc', 'llc'], ['ooo', 'llc'], ['tov', 'llc'], ['taa', 'llc'], ['too', 'llp'],
  ['jsc', 'jsc'], ['ojsc', 'jsc'], ['cjsc', 'jsc'], ['pjsc', 'jsc'], ['oao', 'jsc'], ['zao', 'jsc'], ['pao', 'jsc'], ['ao', 'jsc'],
  ['aat', 'jsc'], ['zat', 'jsc'], ['fsue', 'fsue'], ['fgup', 'fsue'],
  ['plc', 'plc'], ['llp', 'llp'], ['lp', 'lp'], ['gmbh', 'gmbh'], ['ag', 'ag'], ['aktiengesellschaft', 'ag'],
  ['sa', 'sa'], ['sarl', 'sarl'], ['sas', 'sas'], ['spa', 'spa'], ['srl', 'srl'], ['bv', 'bv'], ['nv', 'nv'],
  ['oy', 'oy'], ['ab', 'ab'], ['asa', 'asa'], ['kg', 'kg'], ['kft', 'kft'], ['zrt', 'zrt'],
  ['bhd', 'bhd'], ['berhad', 'bhd'], ['sdn', 'sdn'], ['sendirian', 'sdn'], ['pte', 'pte'], ['pty', 'pty'], ['pvt', 'pvt'],
  ['private', 'pvt'], ['proprietary', 'pty'], ['fze', 'fze'], ['fzco', 'fzco'], ['fzc', 'fzc'], ['fzllc', 'llc'],
  ['dmcc', 'dmcc'], ['est', 'est'], ['establishment', 'est'], ['sal', 'sal'], ['cv', 'cv'], ['sc', 'sc'],
  ['sro', 'sro'], ['spzoo', 'spzoo'], ['doo', 'doo'], ['kk', 'kk'], ['oyj', 'oyj'], ['aps', 'aps'], ['sae', 'sae'],
  ['wll', 'wll'], ['mbh', 'gmbh'], ['aktiebolag', 'ab'], ['kommanditgesellschaft', 'kg'],
  ['group', 'group'], ['grupo', 'group'], ['groupe', 'group'], ['holding', 'holding'], ['holdings', 'holding'],
]);

/** Legal forms that are also ordinary name syllables ("SA", "AS", "CO"): read as legal forms only after the first token. */
// prettier-ignore
export const AMBIGUOUS_LEGAL_FORMS: ReadonlySet<string> = new Set([
  'co', 'sa', 'ab', 'ag', 'ao', 'nv', 'bv', 'oy', 'kg', 'cv', 'sc', 'est', 'sal', 'too', 'tov', 'cia', 'lp', 'taa', 'aat', 'zat',
]);

/**
 * Legal-form words long enough that a typo ("LIMITD", "COMANY") or a cut at the end of a field ("COMPAN") can be
 * recognised and repaired before the name is read.
 */
// prettier-ignore
export const LONG_LEGAL_WORDS: readonly string[] = [
  'limited', 'company', 'corporation', 'incorporated', 'holding', 'holdings', 'group', 'liability', 'aktiengesellschaft',
  'establishment', 'partnership', 'sociedad', 'anonima', 'obshchestvo', 'aktsionernoe', 'ogranichennoi', 'ogranichennoy',
  'otvetstvennostyu', 'otvetstvennostiu', 'joint', 'stock', 'public', 'closed', 'kompaniya', 'korporatsiya',
];
export const LONG_LEGAL_WORD_SET: ReadonlySet<string> = new Set(LONG_LEGAL_WORDS);

/** Legal-form words a fixed-width field may cut at the end of a name ("... TRADING COMPAN", "... LIMITED LIABILI"). */
// prettier-ignore
export const TRUNCATABLE_LEGAL_WORDS: readonly string[] = [
  'limited', 'company', 'corporation', 'incorporated', 'holding', 'holdings', 'liability', 'otvetstvennostyu', 'establishment',
  'partnership', 'aktiengesellschaft', 'kompaniya', 'korporatsiya',
];

/** Short legal forms that get glued to the name in careless data ("TRADINGLLC", "OOOMAKRO"): split off when found at an end. */
export const GLUED_LEGAL_SUFFIXES: readonly string[] = [
  'limited',
  'liability',
  'company',
  'corporation',
  'ltd',
  'llc',
  'inc',
  'corp',
  'jsc',
  'gmbh',
  'plc',
  'ooo',
  'oao',
];
/**
 * Prefix forms are kept to those no name starts with (not "pao": Paolo; not "zao": Zaoui); the long company words
 * that open names ("PRIVATECYPRUS", "HOLDINGSPTY") are read off as words glued to the next.
 */
export const GLUED_LEGAL_PREFIXES: readonly string[] = [
  'private',
  'holdings',
  'ooo',
  'llc',
  'jsc',
  'cjsc',
  'ojsc',
  'pjsc',
  'company',
  'limited',
];

/** Multi-word legal forms, replaced by their canonical abbreviation before tokens are classified. */
// prettier-ignore
export const LEGAL_FORM_PHRASES: readonly (readonly [readonly string[], string])[] = [
  [['limited', 'liability', 'company'], 'llc'],
  [['limited', 'liability', 'partnership'], 'llp'],
  [['limited', 'partnership'], 'lp'],
  [['limited', 'liability'], 'llc'],
  [['public', 'limited', 'company'], 'plc'],
  [['open', 'joint', 'stock', 'company'], 'jsc'],
  [['closed', 'joint', 'stock', 'company'], 'jsc'],
  [['public', 'joint', 'stock', 'company'], 'jsc'],
  [['joint', 'stock', 'company'], 'jsc'],
  // Open, closed and public joint-stock companies by their short form ("OPEN J.S.C."): OJSC, CJSC, PJSC.
  [['open', 'jsc'], 'jsc'],
  [['closed', 'jsc'], 'jsc'],
  [['public', 'jsc'], 'jsc'],
  [['joint', 'stock', 'co'], 'jsc'],
  [['open', 'joint', 'stock', 'co'], 'jsc'],
  [['closed', 'joint', 'stock', 'co'], 'jsc'],
  [['public', 'joint', 'stock', 'co'], 'jsc'],
  [['limited', 'liability', 'co'], 'llc'],
  [['otkrytoe', 'aktsionernoe', 'obshchestvo'], 'jsc'],
  [['zakrytoe', 'aktsionernoe', 'obshchestvo'], 'jsc'],
  [['publichnoe', 'aktsionernoe', 'obshchestvo'], 'jsc'],
  [['aktsionernoe', 'obshchestvo'], 'jsc'],
  [['aktsionernoye', 'obshchestvo'], 'jsc'],
  [['obshchestvo', 's', 'ogranichennoy', 'otvetstvennostyu'], 'llc'],
  [['obshchestvo', 's', 'ogranichennoi', 'otvetstvennostiu'], 'llc'],
  [['obshchestvo', 's', 'ogranichennoi', 'otvetstvennostyu'], 'llc'],
  [['tovarystvo', 'z', 'obmezhenoiu', 'vidpovidalnistiu'], 'llc'],
  [['tovarystvo', 'z', 'obmezhenoyu', 'vidpovidalnistyu'], 'llc'],
  [['tovaristvo', 'z', 'obmezhenoyu', 'vidpovidalnistyu'], 'llc'],
  [['aktsyyanernae', 'tavarystva'], 'jsc'],
  [['adkrytae', 'aktsyyanernae', 'tavarystva'], 'jsc'],
  [['tovarishchestvo', 's', 'ogranichennoy', 'otvetstvennostyu'], 'llp'],
  [['gesellschaft', 'mit', 'beschrankter', 'haftung'], 'gmbh'],
  [['sociedad', 'anonima'], 'sa'],
  [['sociedade', 'anonima'], 'sa'],
  [['societe', 'anonyme'], 'sa'],
  [['societa', 'per', 'azioni'], 'spa'],
  [['societe', 'a', 'responsabilite', 'limitee'], 'sarl'],
  [['sociedad', 'de', 'responsabilidad', 'limitada'], 'srl'],
  [['sp', 'z', 'oo'], 'spzoo'],
  [['sp', 'z', 'o', 'o'], 'spzoo'],
  [['spolka', 'z', 'ograniczona', 'odpowiedzialnoscia'], 'spzoo'],
  [['societatea', 'cu', 'raspundere', 'limitata'], 'srl'],
  [['societate', 'cu', 'raspundere', 'limitata'], 'srl'],
  [['societa', 'a', 'responsabilita', 'limitata'], 'srl'],
  [['societe', 'par', 'actions', 'simplifiee'], 'sas'],
  [['spolecnost', 's', 'rucenim', 'omezenym'], 'sro'],
  [['kabushiki', 'kaisha'], 'kk'],
  [['besloten', 'vennootschap'], 'bv'],
  [['naamloze', 'vennootschap'], 'nv'],
  [['gesellschaft', 'mbh'], 'gmbh'],
  [['sociedad', 'limitada'], 'ltd'],
  [['sociedade', 'limitada'], 'ltd'],
  [['free', 'zone', 'establishment'], 'fze'],
  [['free', 'zone', 'company'], 'fzco'],
];

/** Titles and honorifics: they describe the person, not the name, so they are dropped. */
// prettier-ignore
export const HONORIFICS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'madam', 'mme', 'mlle',
  'herr', 'frau', 'sheikh', 'shaykh', 'shaikh', 'sheik', 'cheikh', 'haji', 'hajji', 'hadji', 'alhaj', 'alhajj', 'alhaji',
  'mullah', 'mulla', 'maulana', 'mawlana', 'maulvi', 'mawlawi', 'mawlavi', 'moulvi', 'molvi', 'ayatollah', 'hojatoleslam',
]);

/**
 * The same titles written in Arabic script, as the transliteration spells them (ملا → "mla", حجي → "hji"). Only read
 * as titles in a name written in that script: as Latin words they would be something else. Not شيخ: "آل الشيخ" is a
 * family name.
 */
// prettier-ignore
export const ABJAD_HONORIFICS: ReadonlySet<string> = new Set(
  ['ملا', 'ملّا', 'حجي', 'حاجي', 'حاجی', 'حاج', 'مولوي', 'مولوی', 'مولانا'].map((w) => transliterate(w)),
);

/** Particles written in Arabic script, as the transliteration spells them: ولد (Ould), ابن (Ibn), بنت (Bint). */
// prettier-ignore
export const ABJAD_PARTICLES: ReadonlyMap<string, string> = new Map([
  [transliterate('ولد'), 'ould'],
  [transliterate('ابن'), 'bin'],
  [transliterate('بنت'), 'bint'],
  // "and" standing alone (Arabic و, Pashto او) and Pashto "of" (د): "د حاجی بصیر او ضرجمیل کمپنی".
  [transliterate('و'), 'and'],
  [transliterate('او'), 'and'],
  [transliterate('د'), 'of'],
  // The Persian plural ending written apart ("سامانه های", systems).
  [transliterate('ها'), 'ha'],
  [transliterate('های'), 'ha'],
]);

/** Ranks and offices: dropped only from names that carry no legal form, since "GENERAL TRADING CO" is a company name. */
// prettier-ignore
export const PERSON_TITLES: ReadonlySet<string> = new Set([
  'gen', 'general', 'col', 'colonel', 'maj', 'major', 'capt', 'captain', 'lt', 'lieutenant', 'brig', 'brigadier',
  'adm', 'admiral', 'cmdr', 'commander', 'sgt', 'sergeant', 'president', 'minister', 'senator', 'ambassador',
]);

/**
 * Name particles and generational suffixes, with the spelling they are compared under.
 * They are part of the name (so they still align) but carry little weight: "AL" or "BIN" shared says nothing.
 */
// prettier-ignore
export const PARTICLES: ReadonlyMap<string, string> = new Map([
  ['al', 'al'], ['el', 'al'], ['ul', 'al'],
  ['bin', 'bin'], ['ibn', 'bin'], ['ben', 'bin'], ['bn', 'bin'], ['bint', 'bint'], ['bent', 'bint'], ['ould', 'ould'],
  ['abu', 'abu'], ['abou', 'abu'], ['abo', 'abu'], ['umm', 'umm'], ['um', 'umm'],
  ['van', 'van'], ['von', 'von'], ['der', 'der'], ['den', 'den'], ['de', 'de'], ['da', 'da'], ['di', 'di'], ['del', 'del'],
  ['della', 'della'], ['dos', 'dos'], ['das', 'das'], ['du', 'du'], ['la', 'la'], ['le', 'le'], ['ter', 'ter'],
  ['and', 'and'], ['of', 'of'], ['the', 'the'], ['for', 'for'], ['wa', 'and'], ['wal', 'and'], ['lil', 'for'],
  ['jr', 'jr'], ['junior', 'jr'], ['sr', 'sr'], ['senior', 'sr'], ['ii', 'ii'], ['iii', 'iii'], ['iv', 'iv'],
]);

/**
 * Spelling variants of the same name, canonical spelling first. Both sides are rewritten to the canonical form, so
 * "Mohammed" and "Muhammad" are one token for retrieval, rarity and alignment.
 */
// prettier-ignore
const VARIANT_GROUPS: readonly (readonly string[])[] = [
  ['muhammad', 'mohammed', 'mohammad', 'mohamed', 'mohamad', 'muhammed', 'muhamad', 'muhamed', 'mohammod', 'mohamud',
    'mahomed', 'mehmet', 'mohd', 'muhamaad', 'mukhammad', 'mukhamed', 'magomed', 'mohamet'],
  ['ahmad', 'ahmed', 'ahmet', 'achmed', 'akhmed', 'ahmd'],
  ['yusuf', 'yousef', 'yusef', 'youssef', 'yousuf', 'yousif', 'yusif', 'youssouf', 'yussuf', 'yossef'],
  ['abdul', 'abdel', 'abdal', 'abdol', 'abdoul'],
  ['abdullah', 'abdallah', 'abdulla', 'abdalla', 'abdellah', 'abdollah'],
  ['husain', 'hussein', 'hussain', 'husayn', 'husein', 'hossein', 'houssein', 'hussien', 'husen', 'hosein'],
  ['hasan', 'hassan', 'hassane', 'hasson'],
  ['usama', 'osama', 'ousama', 'oussama'],
  ['umar', 'omar', 'omer', 'umer'],
  ['mustafa', 'mustapha', 'moustafa', 'mostafa', 'moustapha'],
  ['ibrahim', 'ebrahim', 'ibraheem', 'ibragim'],
  ['ismail', 'ismael', 'ismayil', 'esmail', 'ismaeel', 'ismayel', 'ismoil'],
  ['yasin', 'yassin', 'yaseen', 'yassine'],
  ['khalid', 'khaled'],
  ['mahmud', 'mahmoud', 'mahmood', 'mehmood'],
  ['mansur', 'mansour', 'mansoor'],
  ['nasir', 'naser', 'nasser', 'nassir'],
  ['jamal', 'gamal', 'djamel', 'jamel'],
  ['said', 'saeed', 'saied', 'sayeed'],
  ['sulaiman', 'suleiman', 'sulayman', 'soliman', 'suleyman', 'sleiman'],
  ['abdulrahman', 'abdurrahman', 'abdelrahman', 'abdalrahman', 'abderrahmane', 'abdourahmane'],
  ['yahya', 'yahia', 'yehia', 'yahiya'],
  ['aisha', 'aicha', 'ayesha', 'aysha'],
  ['fatima', 'fatma', 'fatimah', 'fathima'],
  ['ali', 'aly'],
  // Korean 리/이 (not "li": a Chinese surname of its own, 李, which Han names read as "li").
  ['ri', 'lee', 'yi', 'rhee', 'rhie'],
  ['pak', 'park', 'bak'],
  ['choe', 'choi', 'chwe'],
  ['kim', 'gim'],
];

/**
 * East Slavic given names in their Russian, Ukrainian and Belarusian forms, romanised as listings do ("Vladimir",
 * "Volodymyr", "Uladzimir"), with the stems their patronymics are built on: a Belarusian official listed as "Viktar
 * Uladzimiravich" in Cyrillic is "Victor Vladimirovich" in the romanised listing.
 */
// prettier-ignore
const SLAVIC_NAMES: readonly { names: readonly string[]; stems?: readonly string[] }[] = [
  { names: ['aleksandr', 'alexander', 'aleksander', 'alexandr', 'oleksandr', 'aliaksandr', 'alyaksandr', 'alexsandr'],
    stems: ['aleksandr', 'alexandr', 'oleksandr', 'aliaksandr', 'alyaksandr', 'alexsandr', 'aleksander'] },
  { names: ['sergei', 'sergey', 'sergiy', 'serhiy', 'serhii', 'sergii', 'siarhei', 'siarhey', 'syarhey'],
    stems: ['serge', 'sergey', 'sergei', 'siarhe', 'siarhey', 'serhiy', 'serhii', 'serhi', 'sergiy'] },
  { names: ['yevgeny', 'evgeny', 'evgeniy', 'yevgeniy', 'evgenii', 'yevgenii', 'yauhen', 'yauheni', 'yevhen', 'yevhenii', 'yevheniy'],
    stems: ['evgen', 'yevgen', 'evgeni', 'yevgeni', 'evgeny', 'yevgeny', 'yauhen', 'yevhen', 'evgeniy', 'yevgeniy'] },
  { names: ['dmitry', 'dmitri', 'dmitriy', 'dmitrii', 'dmytro', 'dzmitry', 'dzmitryi'], stems: ['dmitri', 'dmitriy', 'dmitry', 'dzmitry', 'dzmitri', 'dmytr'] },
  { names: ['yury', 'yuri', 'yuriy', 'yurii', 'iurii', 'jurij', 'yuryi'], stems: ['yuri', 'yury', 'yuriy', 'yur', 'iuri'] },
  { names: ['vladimir', 'volodymyr', 'wladimir', 'uladzimir'], stems: ['vladimir', 'volodymyr', 'uladzimir'] },
  { names: ['nikolai', 'nikolay', 'mykola', 'mikalai', 'mikalay'], stems: ['nikola', 'nikolay', 'nikolai', 'mykola', 'mykolay', 'mikala', 'mikalay'] },
  { names: ['viktor', 'victor', 'viktar'], stems: ['viktor', 'victor', 'viktar'] },
  { names: ['konstantin', 'kostiantyn', 'kostyantyn', 'kanstantsin', 'constantin'], stems: ['konstantin', 'kostiantyn', 'kostyantyn', 'kanstantsin'] },
  { names: ['mikhail', 'mykhailo', 'mykhaylo'], stems: ['mikhail', 'mikhayl', 'mykhail', 'mykhayl'] },
  { names: ['andrei', 'andrey', 'andriy', 'andrii', 'andrej'], stems: ['andre', 'andrey', 'andrei', 'andri', 'andriy', 'andrii'] },
  { names: ['aleksei', 'alexei', 'aleksey', 'alexey', 'oleksiy', 'oleksii', 'aliaksei', 'aliaksey', 'alyaksei'],
    stems: ['alekse', 'alexe', 'aleksey', 'alexey', 'oleksiy', 'oleksi', 'oleksii', 'aliakse', 'aliaksey'] },
  { names: ['igor', 'ihor', 'ihar'], stems: ['igor', 'ihor', 'ihar'] },
  { names: ['oleg', 'oleh', 'aleh'], stems: ['oleg', 'oleh', 'aleh'] },
  { names: ['grigory', 'grigoriy', 'grigorii', 'grigori', 'hryhoriy', 'hryhorii', 'ryhor'], stems: ['grigori', 'grigoriy', 'grigory', 'grigor', 'hryhori', 'hryhoriy', 'ryhor'] },
  { names: ['pyotr', 'petr', 'petro', 'piotr', 'piatro'], stems: ['petr', 'piatr'] },
  { names: ['pavel', 'pavlo', 'paval'], stems: ['pavl', 'paul'] },
  { names: ['vasily', 'vasiliy', 'vasilii', 'vasyl', 'vasil'], stems: ['vasili', 'vasiliy', 'vasil', 'vasyl'] },
  { names: ['anatoly', 'anatoliy', 'anatolii', 'anatol'], stems: ['anatoli', 'anatoliy', 'anatol'] },
  { names: ['vladislav', 'vladyslav', 'uladzislau'], stems: ['vladislav', 'vladyslav', 'uladzislav'] },
  { names: ['vyacheslav', 'viacheslav', 'viachaslau', 'vyachaslau'], stems: ['vyacheslav', 'viacheslav', 'viachaslav', 'vyachaslav'] },
  { names: ['yaroslav', 'iaroslav', 'yaraslau'], stems: ['yaroslav', 'iaroslav', 'yaraslav'] },
  { names: ['valery', 'valeriy', 'valerii', 'valeri'], stems: ['valeri', 'valeriy', 'valer'] },
  { names: ['gennady', 'gennadiy', 'gennadii', 'hennadiy', 'hennadii', 'henadz', 'genadz'], stems: ['gennadi', 'gennadiy', 'gennad', 'hennadiy', 'hennadi', 'henadz', 'genadz'] },
  { names: ['leonid', 'leanid', 'lieanid'], stems: ['leonid', 'leanid', 'lieanid'] },
  { names: ['boris', 'barys'], stems: ['boris', 'barys'] },
  { names: ['nikita', 'mykyta', 'mikita'] },
  { names: ['ilya', 'illia', 'illya', 'iliya', 'ilia'] },
  { names: ['elena', 'yelena', 'olena'] },
  { names: ['olga', 'olha', 'volha'] },
  { names: ['tatiana', 'tatyana', 'tetiana', 'tetyana', 'tatsiana', 'tatsyana'] },
  { names: ['natalia', 'natalya', 'nataliya', 'natallia', 'natalja'] },
  { names: ['irina', 'iryna'] },
  { names: ['svetlana', 'svitlana', 'sviatlana', 'svyatlana'] },
  { names: ['ekaterina', 'yekaterina', 'kateryna', 'katsiaryna', 'katerina'] },
  { names: ['galina', 'halina', 'halyna'] },
  { names: ['lyudmila', 'ludmila', 'liudmila', 'liudmyla', 'lyudmyla'] },
  { names: ['marina', 'maryna'] },
  { names: ['valentina', 'valentyna', 'valiantsina'] },
  { names: ['yulia', 'yuliya', 'iuliia', 'yuliia'] },
  { names: ['larisa', 'larysa'] },
];

/** Endings of East Slavic patronymics, Russian, Ukrainian and Belarusian ("-ovich", "-ovych", "-avich"; "-ovna", "-ivna", "-auna"). */
// prettier-ignore
const PATRONYMIC_ENDINGS = {
  male: ['ovich', 'evich', 'yevich', 'ievich', 'avich', 'ovych', 'evych', 'yovych', 'ovitch', 'evitch'],
  female: ['ovna', 'evna', 'yevna', 'ievna', 'ivna', 'yivna', 'auna', 'euna'],
};

/** Each Slavic name group's patronymics, every stem with every ending, as two more variant groups (male and female). */
function patronymicGroups(): string[][] {
  const groups: string[][] = [];
  for (const { stems } of SLAVIC_NAMES) {
    if (stems === undefined) continue;
    const first = stems[0] as string;
    const soft = /[eiy]$/.test(first);
    for (const [endings, canonical] of [
      [PATRONYMIC_ENDINGS.male, `${first}${soft ? 'evich' : 'ovich'}`],
      [PATRONYMIC_ENDINGS.female, `${first}${soft ? 'evna' : 'ovna'}`],
    ] as const) {
      groups.push([
        canonical,
        ...stems.flatMap((stem) => endings.map((ending) => stem + ending)).filter((form) => form !== canonical),
      ]);
    }
  }
  return groups;
}

const NAME_GROUPS: readonly (readonly string[])[] = [...VARIANT_GROUPS, ...SLAVIC_NAMES.map((g) => g.names)];
const PATRONYMIC_GROUPS = patronymicGroups();

/** Spelling → canonical spelling, built from the variant groups (a spelling in two groups keeps its first). */
// prettier-ignore
export const SPELLING_VARIANTS: ReadonlyMap<string, string> = new Map(
  [...NAME_GROUPS, ...PATRONYMIC_GROUPS].flatMap((group) => group.map((spelling) => [spelling, group[0] as string] as const)).reverse(),
);

/**
 * Canonical spelling → every spelling of the group, so a typo of any spelling ("Allexander") can be measured. Not for
 * patronymics: dozens of generated forms would let a typo of any of them pass for the name ("Vladimirova", a surname,
 * is two letters from "Vladimirauna").
 */
export const VARIANT_SPELLINGS: ReadonlyMap<string, readonly string[]> = new Map(
  NAME_GROUPS.map((group) => [group[0] as string, [...new Set(group)]]),
);

/** Canonical patronymic → its forms, for measuring a patronymic spelled in none of them ("Yaugenavich") against them. */
export const PATRONYMIC_SPELLINGS: ReadonlyMap<string, readonly string[]> = new Map(
  PATRONYMIC_GROUPS.map((group) => [group[0] as string, group]),
);

/**
 * Tokens common in names worldwide, whatever list is loaded, with how common they are taken to be (a share of all names).
 * They let a small list (or a single compare) know that "George", "Mohammed" or "Trading" identify nobody.
 */
// prettier-ignore
const COMMON_TOKEN_GROUPS: readonly (readonly [number, readonly string[]])[] = [
  [0.03, ['muhammad', 'ahmad', 'ali', 'abdul', 'abdullah', 'hasan', 'husain']],
  [0.01, [
    'john', 'james', 'robert', 'michael', 'william', 'david', 'richard', 'joseph', 'thomas', 'charles', 'george', 'mary',
    'maria', 'anna', 'jose', 'juan', 'carlos', 'luis', 'emma', 'olivia', 'sophia', 'jane', 'john', 'peter', 'paul', 'mark',
    'daniel', 'elizabeth', 'sarah', 'linda', 'jennifer', 'susan', 'ivan', 'sergei', 'aleksandr', 'vladimir', 'andrei',
    'umar', 'usama', 'yusuf', 'ibrahim', 'mustafa', 'khalid', 'mahmud', 'said', 'jamal', 'nasir', 'ismail', 'fatima',
    'aisha', 'kim', 'ri', 'pak', 'choe', 'wang', 'zhang', 'liu', 'chen', 'yang', 'nguyen', 'tran', 'singh', 'kumar',
    'khan', 'shah', 'smith', 'johnson', 'williams', 'brown', 'jones', 'garcia', 'rodriguez', 'martinez', 'lopez',
    'gonzalez', 'hernandez', 'perez', 'sanchez', 'ramirez',
  ]],
  [0.01, [
    'trading', 'international', 'global', 'general', 'industries', 'industrial', 'industry', 'enterprises', 'enterprise',
    'services', 'service', 'import', 'export', 'investment', 'investments', 'development', 'shipping', 'bank',
    'national', 'company', 'commercial', 'technology', 'technologies', 'engineering', 'construction', 'energy', 'oil',
    'petroleum', 'gas', 'marine', 'logistics', 'consulting', 'management', 'partners', 'capital', 'finance',
    'financial', 'resources', 'solutions', 'systems', 'products', 'foundation', 'organization', 'association',
    'center', 'centre', 'institute', 'ministry', 'office', 'agency', 'department', 'bureau', 'new', 'first', 'east',
    'west', 'north', 'south', 'middle', 'central', 'united', 'world', 'asia', 'europe', 'africa', 'china', 'russia',
  ]],
  // Words of multi-word legal forms, when they turn up outside the phrase (reordered or abbreviated names).
  [0.03, ['joint', 'stock', 'liability', 'open', 'closed', 'public', 'private', 'publichnoe', 'otkrytoe', 'zakrytoe']],
];

/** Canonical token → share of names assumed to carry it, whatever the list. */
// prettier-ignore
export const COMMON_TOKEN_PRIOR: ReadonlyMap<string, number> = new Map(
  COMMON_TOKEN_GROUPS.flatMap(([share, tokens]) => tokens.map((t) => [t, share] as const)),
);
