/**
 * A Latin query against names listed only in Arabic or Hebrew script (decision 0029): the listed words are consonant
 * skeletons, which the Latin rules (spelling, sound) do not relate to a vowelled spelling. The index keeps each
 * skeleton under the coarse keys of its readings, so the query word's key finds it and the abjad reading decides.
 */
import { buildMatchIndex, DEFAULT_MATCH_THRESHOLD } from '@sanctions/shared/matching';
import { entity } from './entity-factory';

describe('Latin queries read names listed in an abjad', () => {
  const listed = buildMatchIndex([
    entity('منذر الأسد', 'person'),
    entity('أيمن الدويك', 'person'),
    entity('حامد رجا صلاح التكريتي', 'person'),
    entity('כהן משה', 'person'),
    entity('عتیق الله آخوند', 'person'),
    entity('سراج الدين حقانى', 'person'),
    entity('عبد المنان آغا', 'person'),
    entity('عیسی زارع پور', 'person'),
    entity('ولی ارلنی زاده', 'person'),
    entity('محمد حسین زیبایی نژاد', 'person'),
  ]);
  const hits = (name: string) =>
    listed.screen({ name }, { threshold: DEFAULT_MATCH_THRESHOLD, limit: 10 }).map((h) => h.matchedName);

  it.each([
    ['Munzir AL ASAD', 'منذر الأسد'],
    ['Aiman AL-DUWAIK', 'أيمن الدويك'],
    ['Hamid Raja Salah AL-TIKRITI', 'حامد رجا صلاح التكريتي'],
    ['Moshe COHEN', 'כהן משה'],
  ])('%s finds %s', (query, name) => {
    expect(hits(query)).toEqual([name]);
  });

  // Arabic writes ʿAbd + a name of God, X + Allah and X + al-Din apart; many romanisations write them as one word.
  it.each([
    ['ATTIQULLAH AKHUND', 'عتیق الله آخوند'],
    ['Serajuddin HAQANI', 'سراج الدين حقانى'],
    ['ABDULMANAN AGHA', 'عبد المنان آغا'],
    // Persian writes a surname's suffix (-pur, -zadeh, -nejad) apart too.
    ['Issa ZAREPOUR', 'عیسی زارع پور'],
    ['Vali ARLANIZADEH', 'ولی ارلنی زاده'],
    ['Mohammed Hossein ZIBAYINEJAD', 'محمد حسین زیبایی نژاد'],
  ])('%s finds %s, its compound written as one word', (query, name) => {
    expect(hits(query)).toEqual([name]);
  });

  // ...and a listing may glue them while the query writes them apart.
  const glued = buildMatchIndex([
    entity('عبدالخالق الحوثي', 'person'),
    entity('عبدالرقیب تخاری', 'person'),
    entity('أيمن الدويك', 'person'),
  ]);
  it.each([
    ['Abd al-Khaliq AL-HUTHI', 'عبدالخالق الحوثي'],
    ['Abdul Khaliq HUTHI', 'عبدالخالق الحوثي'],
    ['ABDUL RAQIB TAKHARI', 'عبدالرقیب تخاری'],
  ])('%s finds %s, its glued compound written apart', (query, name) => {
    const found = glued.screen({ name: query }, { threshold: DEFAULT_MATCH_THRESHOLD, limit: 10 });
    expect(found.map((h) => h.matchedName)).toEqual([name]);
    // The explanation quotes the words of the form the name was met in.
    expect(found[0]?.explanation.join(' ')).toMatch(/"khalq"|"rqib"/);
  });

  it('a Latin name whose consonants no listed skeleton reads finds nothing', () => {
    expect(hits('Karim TAHIR')).toEqual([]);
    expect(hits('Boris PETROV')).toEqual([]);
  });
});
