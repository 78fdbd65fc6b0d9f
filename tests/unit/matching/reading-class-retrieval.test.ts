import {
  buildMatchIndex,
  DEFAULT_MATCH_THRESHOLD,
  queryReadingClassKeys,
  readingClassKeys,
  readingScriptOf,
  scriptFoldedSpellings,
  scriptQueryReadingKeys,
  scriptReadingKey,
  oneSlipNeighbours,
  withinOneSlip,
} from '@sanctions/shared/matching';
import { entity } from './entity-factory';

// A name read out of another script may carry the slips that script's letters make (docs/decisions/0034): the
// reading-class key folds those letters together so retrieval still finds the listed spelling.

describe('the reading-class key', () => {
  it.each([
    ['valerievits', 'valerievich', 'Greek', 'τσ for ts and ch'],
    ['petrobich', 'petrovich', 'Hangul', 'ㅂ for b and v'],
    ['karasnikob', 'kalashnikov', 'Hangul', 'ㄹ for l and r, ㅅ for s and sh'],
    ['litbhinobha', 'litvinova', 'Bengali', 'ভ read bh for v'],
    ['kuivashevu', 'kuyvashev', 'Katakana', 'added vowels'],
    ['matzid', 'majid', 'Greek', 'τζ for j'],
    ['ambndallach', 'abdallah', 'Greek', 'μπ ντ read mb nd inside a word, χ for h'],
    ['ievngeni', 'yevgeny', 'Greek', 'γκ read ng inside a word'],
  ])('gives %s a key of %s (%s: %s)', (read, listed, script) => {
    expect(readingClassKeys(listed).some((k) => queryReadingClassKeys(read, script).includes(k))).toBe(true);
  });

  it('keeps apart names whose consonants differ beyond the folded letters', () => {
    // Even under Hangul's folds, which fold the most.
    const meet = (a: string, b: string): boolean =>
      readingClassKeys(b).some((k) => queryReadingClassKeys(a, 'Hangul').includes(k));
    expect(meet('petrov', 'pavlov')).toBe(false);
    expect(meet('ivanov', 'ismailov')).toBe(false);
    expect(readingClassKeys('kim')).toEqual([]);
    expect(queryReadingClassKeys('kim', 'Hangul')).toEqual([]);
  });
});

describe("the key of the query's own script", () => {
  const agree = (read: string, listed: string, script: string): boolean =>
    scriptQueryReadingKeys(read, script).includes(scriptReadingKey(listed, script));

  it.each([
    ['valerievits', 'valerievich', 'Greek'],
    ['ambndallach', 'abdallah', 'Greek'],
    ['karasnikob', 'kalashnikov', 'Hangul'],
    ['kacanobh', 'kachanov', 'Bengali'],
    ['yewkeniya', 'yevgeniya', 'Thai'],
    ['pangvei', 'fangwei', 'Georgian'],
  ])('reads %s as %s in %s', (read, listed, script) => {
    expect(agree(read, listed, script)).toBe(true);
  });

  it.each([
    ['orobets', 'airways', 'Cyrillic', 'б and в, ц and с apart'],
    ['karmachary', 'gholamali', 'Devanagari', 'च is never h'],
    ['petrobich', 'petrovich', 'Cyrillic', 'б is not в'],
    ['valerievits', 'valerievich', 'Hangul', 'Hangul folds every sibilant'],
  ])('keeps %s and %s apart in %s (%s) unless the script folds them', (read, listed, script) => {
    expect(agree(read, listed, script)).toBe(script === 'Hangul');
  });

  it('tells a slip past the folds from a different word', () => {
    expect(withinOneSlip(oneSlipNeighbours(['krnkrps']), 'krkrps')).toBe(true);
    expect(withinOneSlip(oneSlipNeighbours(['krkrps']), 'krnkrps')).toBe(true);
    expect(withinOneSlip(oneSlipNeighbours(['prtrn']), 'prtmr')).toBe(true); // one class for another
    expect(withinOneSlip(oneSlipNeighbours(['prtrn']), 'ptmr')).toBe(false);
  });

  it('spells a word with its script folds, vowels kept', () => {
    expect(scriptFoldedSpellings('reonid', 'Hangul', true)).toEqual(scriptFoldedSpellings('leonid', 'Hangul', false));
    expect(scriptFoldedSpellings('reonid', 'Cyrillic', true)).not.toEqual(
      scriptFoldedSpellings('leonid', 'Cyrillic', false),
    );
  });

  it('names the script whose folds apply', () => {
    expect(readingScriptOf('Αντρέι Γκασιλοβ')).toBe('Greek');
    expect(readingScriptOf('アンドレイ')).toBe('Katakana');
    expect(readingScriptOf('Андрей')).toBe('');
    expect(readingScriptOf('Andrei')).toBe('');
  });
});

describe('screening a name read out of another script with a slip no spelling key shares', () => {
  const people = [
    entity('GASILOV, Andrei Valerievich', 'person'),
    entity('KALASHNIKOV, Aleksandr Petrovich', 'person'),
    entity('DUBROVINSKIY, Viacheslav Yuryevich', 'person'),
    entity('LITVINOVA, Larisa Anatolievna', 'person'),
    entity('PETROV, Ivan', 'person'),
    entity('PASECHNIK, Leonid Ivanovich', 'person'),
  ];
  const index = buildMatchIndex(people);
  const screen = (name: string): string[] =>
    index.screen({ name }, { threshold: DEFAULT_MATCH_THRESHOLD, limit: 10 }).map((h) => h.entityId);

  it.each([
    ['Αντρέι Βαλεριεβιτσ Γκασιλοβ', 0, 'Greek: τσ for ch'],
    ['알렉산드르 페트로비치 칼라시니코프', 1, 'Hangul: ㄹ, ㅂ, ㅅ'],
    ['วิอาเชซลาว ยุรเยวิช ดุบโรวินซคิ', 2, 'Thai: ว for v'],
    ['アンドレイ・ヴァレルイェヴィチ・ガシロヴ', 0, 'katakana: added vowels'],
    ['লারিসা আনাতোলিয়েভনা লিটভিনোভা', 3, 'Bengali: ভ for v'],
    ['레오니드 이바노비츠 파세츠닉', 5, 'Hangul: a three-class key, alike once ㄹ is one letter'],
  ])('finds %s (%s)', (name, k) => {
    expect(screen(name)).toContain(people[k]?.id);
  });

  it("does not pair words the query's script keeps apart", () => {
    const airline = entity('DENA AIRWAYS', 'organization');
    const rashid = entity('RASHID, Gholamali', 'person');
    const lazarevic = entity('LAZAREVIC, Vladimir', 'person');
    const lists = buildMatchIndex([airline, rashid, lazarevic]);
    const hits = (name: string): number =>
      lists.screen({ name }, { threshold: DEFAULT_MATCH_THRESHOLD, limit: 10 }).length;
    expect(hits('Данна Оробець')).toBe(0);
    expect(hits('रश्मि कर्माचार्य')).toBe(0);
    expect(hits('Владилен Лазарев')).toBe(0);
  });

  it('does not retrieve a listed name by a Latin query through the reading-class key', () => {
    // "Petrobich" typed in Latin is a Latin spelling: the key serves only words read from another script.
    expect(screen('Kachanof Oleg Yurebich')).not.toContain(people[4]?.id);
    expect(screen('Ivan Pavlov')).not.toContain(people[4]?.id);
  });
});
