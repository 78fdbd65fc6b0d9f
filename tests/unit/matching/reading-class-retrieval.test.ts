import {
  buildMatchIndex,
  DEFAULT_MATCH_THRESHOLD,
  queryReadingClassKeys,
  readingClassKey,
} from '@sanctions/shared/matching';
import { entity } from './entity-factory';

// A name read out of another script may carry the slips that script's letters make (docs/decisions/0034): the
// reading-class key folds those letters together so retrieval still finds the listed spelling.

describe('the reading-class key', () => {
  it.each([
    ['valerievits', 'valerievich', 'Greek τσ for ts and ch'],
    ['petrobich', 'petrovich', 'Hangul ㅂ for b and v'],
    ['karasnikob', 'kalashnikov', 'Hangul ㄹ for l and r, ㅅ for s and sh'],
    ['litbhinobha', 'litvinova', 'Bengali ভ read bh for v'],
    ['kuivashevu', 'kuyvashev', 'katakana added vowels'],
    ['matzid', 'majid', 'Greek τζ for j'],
    ['ambndallach', 'abdallah', 'Greek μπ ντ read mb nd inside a word, χ for h'],
    ['ievngeni', 'yevgeny', 'Greek γκ read ng inside a word'],
  ])('gives %s a key of %s (%s)', (read, listed) => {
    expect(queryReadingClassKeys(read)).toContain(readingClassKey(listed));
  });

  it('keeps apart names whose consonants differ beyond the folded letters', () => {
    expect(queryReadingClassKeys('petrov')).not.toContain(readingClassKey('pavlov'));
    expect(queryReadingClassKeys('ivanov')).not.toContain(readingClassKey('ismailov'));
    expect(readingClassKey('kim')).toBe('km');
    expect(queryReadingClassKeys('kim')).toEqual([]);
  });
});

describe('screening a name read out of another script with a slip no spelling key shares', () => {
  const people = [
    entity('GASILOV, Andrei Valerievich', 'person'),
    entity('KALASHNIKOV, Aleksandr Petrovich', 'person'),
    entity('DUBROVINSKIY, Viacheslav Yuryevich', 'person'),
    entity('LITVINOVA, Larisa Anatolievna', 'person'),
    entity('PETROV, Ivan', 'person'),
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
  ])('finds %s (%s)', (name, k) => {
    expect(screen(name)).toContain(people[k]?.id);
  });

  it('does not retrieve a listed name by a Latin query through the reading-class key', () => {
    // "Petrobich" typed in Latin is a Latin spelling: the key serves only words read from another script.
    expect(screen('Kachanof Oleg Yurebich')).not.toContain(people[4]?.id);
    expect(screen('Ivan Pavlov')).not.toContain(people[4]?.id);
  });
});
