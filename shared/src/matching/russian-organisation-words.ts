/**
 * Words of Russian organisation names, romanised (as transliterate.ts spells Cyrillic, and as listings keep them:
 * "NAUCHNO-ISSLEDOVATELSKIY INSTITUT", "ZAVOD"), read as the English word listings translate them to: "Челябинский
 * металлургический комбинат" is listed as "CHELYABINSK METALLURGICAL PLANT". Every inflected form of a word is read,
 * so the genitive "завода" or the feminine "научная" are the same word. Only words of a name written in Cyrillic are
 * read so (NameToken.translation), beside the word itself: a listing's "ZAVOD" stays a word of its own, with its typos.
 *
 * Kinds of body, trades and the descriptive words around them; never names ("Звезда", "Система" stay as they are).
 */

/** Adjective endings (every gender, number and case a name puts them in). */
const ADJECTIVE = ['iy', 'yy', 'ii', 'yi', 'ij', 'aya', 'aia', 'oe', 'oye', 'ogo', 'oy', 'oi', 'ykh', 'ikh', 'ye', 'ie', 'yye', 'iye', 'om', 'im', 'ym', 'uyu', 'ee', 'ego', 'ei', 'ey', 'aja'];
/** Nouns like завод: завода, заводу, заводом, заводы, заводов. */
const HARD_NOUN = ['', 'a', 'u', 'om', 'e', 'y', 'i', 'ov', 'ami', 'akh'];
/** Nouns like организация: организации, организацию, организаций. */
const IYA_NOUN = ['ya', 'i', 'yu', 'ey', 'y', 'iy', 'ia', 'iu', 'ii'];
/** Nouns like предприятие: предприятия, предприятием. */
const IE_NOUN = ['e', 'ya', 'yu', 'em', 'i', 'y', 'ia', 'iu'];

const STEMS: readonly (readonly [stem: string, endings: readonly string[], english: string])[] = [
  // Kinds of body.
  ['zavod', HARD_NOUN, 'plant'],
  ['kombinat', HARD_NOUN, 'plant'],
  ['fabrik', ['a', 'i', 'u', 'e', 'oy'], 'factory'],
  ['institut', HARD_NOUN, 'institute'],
  ['tsentr', HARD_NOUN, 'center'],
  ['predpriyati', IE_NOUN, 'enterprise'],
  ['obedineni', IE_NOUN, 'association'],
  ['obyedineni', IE_NOUN, 'association'],
  ['organizatsi', IYA_NOUN, 'organization'],
  ['agentstv', ['o', 'a', 'u', 'om', 'e'], 'agency'],
  ['ministerstv', ['o', 'a', 'u', 'om', 'e'], 'ministry'],
  ['universitet', HARD_NOUN, 'university'],
  ['akademi', IYA_NOUN, 'academy'],
  ['byuro', [''], 'bureau'],
  ['bank', HARD_NOUN, 'bank'],
  ['aviakompani', IYA_NOUN, 'airlines'],
  ['dvizheni', IE_NOUN, 'movement'],
  ['sistem', ['a', 'y', 'u', 'e', 'oy', 'ami', 'akh'], 'systems'],
  ['tekhnologi', IYA_NOUN, 'technologies'],
  ['depozitari', ['y', 'ya', 'yu', 'em', 'i', 'i'], 'depository'],
  ['kontragent', HARD_NOUN, 'counterparty'],
  ['razviti', IE_NOUN, 'development'],
  ['metallurgi', IYA_NOUN, 'metallurgy'],
  // Descriptive words.
  ['nauchn', [...ADJECTIVE, 'o'], 'scientific'],
  ['issledovatelsk', ADJECTIVE, 'research'],
  ['proizvodstvenn', ADJECTIVE, 'production'],
  ['metallurgichesk', ADJECTIVE, 'metallurgical'],
  ['mekhanichesk', ADJECTIVE, 'mechanical'],
  ['avtomobiln', ADJECTIVE, 'automobile'],
  ['tsentraln', ADJECTIVE, 'central'],
  ['natsionaln', ADJECTIVE, 'national'],
  ['federaln', ADJECTIVE, 'federal'],
  ['gosudarstvenn', ADJECTIVE, 'state'],
  ['unitarn', ADJECTIVE, 'unitary'],
  ['obedinenn', ADJECTIVE, 'united'],
  ['obyedinenn', ADJECTIVE, 'united'],
  ['kommerchesk', ADJECTIVE, 'commercial'],
  ['sberegateln', ADJECTIVE, 'savings'],
  ['promyshlenn', ADJECTIVE, 'industrial'],
  ['inzhenern', ADJECTIVE, 'engineering'],
  ['tekhnologichesk', ADJECTIVE, 'technological'],
  ['radiotekhnichesk', ADJECTIVE, 'radiotechnical'],
  ['informatsionn', ADJECTIVE, 'information'],
  ['rossiysk', ADJECTIVE, 'russian'],
  ['obshchestvenn', ADJECTIVE, 'public'],
  ['avtonomn', ADJECTIVE, 'autonomous'],
  ['konstruktorsk', ADJECTIVE, 'design'],
  ['torgov', ADJECTIVE, 'trading'],
  ['investitsionn', ADJECTIVE, 'investment'],
  ['finansov', ADJECTIVE, 'financial'],
  ['strakhov', ADJECTIVE, 'insurance'],
  ['kliringov', ADJECTIVE, 'clearing'],
  ['raschetn', ADJECTIVE, 'settlement'],
  ['spetsialn', ADJECTIVE, 'special'],
  ['glavn', ADJECTIVE, 'main'],
  ['voenn', ADJECTIVE, 'military'],
  ['oboronn', ADJECTIVE, 'defense'],
  ['atomn', ADJECTIVE, 'atomic'],
  ['neftyan', ADJECTIVE, 'oil'],
  ['transportn', ADJECTIVE, 'transport'],
  ['stroiteln', ADJECTIVE, 'construction'],
  ['energetichesk', ADJECTIVE, 'energy'],
];

/** Romanised Russian word → the English word listings translate it to. */
export const RUSSIAN_ORGANISATION_WORDS: ReadonlyMap<string, string> = new Map(
  STEMS.flatMap(([stem, endings, english]) => endings.map((ending) => [stem + ending, english] as const)),
);
