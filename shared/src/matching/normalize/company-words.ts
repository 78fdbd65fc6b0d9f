/**
 * Company words as registries, invoices and lists abbreviate them ("Mfg", "Ind.", "Intl"), read as the word written
 * out, so that "Acme Mfg Co" meets "Acme Manufacturing Company". Not legal forms (legal forms never carry a match):
 * these are words of the name. Lower case, dots already removed by the normaliser. Only abbreviations that are not
 * also common name parts: "ind" is kept (a rare name), "gen", "dev", "min", "eng", "petro" are not (ranks, given names, surnames).
 */
// prettier-ignore
export const COMPANY_WORD_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['mfg', 'manufacturing'], ['mfr', 'manufacturing'], ['manuf', 'manufacturing'], ['mnfg', 'manufacturing'],
  ['ind', 'industries'], ['inds', 'industries'], ['indus', 'industries'], ['indust', 'industries'],
  ['intl', 'international'], ['internat', 'international'], ['intnl', 'international'],
  ['natl', 'national'], ['assn', 'association'], ['assoc', 'association'], ['asso', 'association'],
  ['bros', 'brothers'], ['dept', 'department'], ['devt', 'development'],
  ['engg', 'engineering'], ['engr', 'engineering'], ['tech', 'technology'],
  ['techs', 'technologies'], ['svc', 'service'], ['svcs', 'services'], ['mgmt', 'management'],
  ['mgt', 'management'], ['hldg', 'holding'], ['hldgs', 'holding'], ['grp', 'group'], ['invest', 'investment'],
  ['inv', 'investment'], ['invt', 'investment'], ['finl', 'financial'], ['trdg', 'trading'],
  ['tradg', 'trading'], ['shpg', 'shipping'], ['constr', 'construction'],
  ['elec', 'electric'], ['electr', 'electric'], ['chem', 'chemical'], ['chems', 'chemicals'], ['pharm', 'pharmaceutical'],
  ['pharma', 'pharmaceutical'], ['petrol', 'petroleum'], ['univ', 'university'],
  ['ctr', 'center'], ['cntr', 'center'], ['centre', 'center'], ['lab', 'laboratory'],
  ['labs', 'laboratories'], ['sys', 'systems'], ['syst', 'systems'], ['comm', 'communications'],
  ['comms', 'communications'], ['telecom', 'telecommunications'], ['transp', 'transport'],
  ['distr', 'distribution'], ['prods', 'products'],
  ['ents', 'enterprises'], ['entp', 'enterprises'],
  ['equip', 'equipment'], ['agri', 'agriculture'], ['agric', 'agriculture'],
  ['govt', 'government'], ['gov', 'government'], ['mfrs', 'manufacturers'],
]);

/**
 * Abbreviations that stand for several forms of one word ("Ind." is "industries", "industrial" or "industry"): beside
 * the form they are read as, they meet the others as a translation does, so "YAZD Ind. STEEL" meets "YAZD INDUSTRIAL
 * STEEL" without the listed forms themselves being read as one word.
 */
// prettier-ignore
export const COMPANY_WORD_OTHER_FORMS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ...['ind', 'inds', 'indus', 'indust'].map((a): [string, string[]] => [a, ['industrial', 'industry']]),
  ...['elec', 'electr'].map((a): [string, string[]] => [a, ['electrical', 'electronics', 'electronic']]),
  ['chem', ['chemicals']], ['chems', ['chemical']], ['pharm', ['pharmaceuticals']], ['pharma', ['pharmaceuticals']],
  ['tech', ['technologies', 'technical']], ['techs', ['technology']],
]);
