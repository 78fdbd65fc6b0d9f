/**
 * Given-name variant pairs made from a list's own people, for the calibrated scorer (decision 0032). Positives: a
 * person's name with one given name in another form of it ("Mikhail Kuzmin" written "Michael Kuzmin"), the other
 * parts the same. Hard negatives: the same variant beside another listed person's surname that is only spelled alike
 * ("Michael Guzman" against "KUZMIN, Mikhail"): a variant stands for many people's names, and without such pairs the
 * fitted weights read every variant as a match.
 */
import { givenNameVariantsOf, jaroWinkler, phoneticKey, type MatchableEntity } from '../../shared/src/matching';
import { pick, seededRng, shuffled } from './seeded-rng';
import { listedAttributes, nameWords, queryAttributes, type TrainingPair } from './training-pairs';

/** A surname spelled at least this alike aligns with the listed one, so the pair is a near miss, not a stranger. */
const ALIKE_SURNAME_SIMILARITY = 0.8;
/** Listed words tried per hard negative for a surname spelled alike. */
const SURNAME_TRIES = 400;

/** Up to `count` positives and as many hard negatives from the list's people, seeded. */
export function givenNameVariantPairs(
  list: string,
  entities: readonly MatchableEntity[],
  count: number,
  seed: number,
): TrainingPair[] {
  const rng = seededRng(seed);
  const people = entities.filter((e) => e.type === 'person');
  const vocabulary = [...new Set(people.flatMap((e) => e.names.flatMap((n) => nameWords(n.value))))].filter(
    (w) => w.length >= 4 && givenNameVariantsOf(w).size === 0,
  );
  const pairs: TrainingPair[] = [];
  let positives = 0;
  let negatives = 0;
  for (const entity of shuffled(people, rng)) {
    if (positives >= count && negatives >= count) break;
    const primary = entity.names.find((n) => n.kind === 'primary') ?? entity.names[0];
    if (primary === undefined) continue;
    const words = nameWords(primary.value);
    if (words.length < 2) continue;
    const given = words.findIndex((w) => givenNameVariantsOf(w).size > 0);
    if (given < 0) continue;
    const variant = pick(rng, [...givenNameVariantsOf(words[given]!)]);
    const withVariant = words.map((w, i) => (i === given ? variant : w));
    const pair = (left: string[], match: boolean, kind: string): TrainingPair => ({
      list,
      type: entity.type,
      left: left.join(' '),
      right: primary.value,
      match,
      kind,
      leftAttributes: match ? queryAttributes(entity, entities, rng) : queryAttributes(pick(rng, people), people, rng),
      rightAttributes: listedAttributes(entity),
    });
    if (positives < count) {
      pairs.push(pair(withVariant, true, 'given-name variant'));
      positives++;
    }
    if (negatives >= count) continue;
    const surnameAt = words.findIndex((w, i) => i !== given && w.length >= 4 && givenNameVariantsOf(w).size === 0);
    if (surnameAt < 0) continue;
    const surname = alikeSurname(words[surnameAt]!, vocabulary, rng);
    if (surname === undefined) continue;
    pairs.push(
      pair(
        withVariant.map((w, i) => (i === surnameAt ? surname : w)),
        false,
        'given-name variant, surname alike',
      ),
    );
    negatives++;
  }
  return pairs;
}

/** The listed word most alike to `surname` among a sample, spelled alike but sounding otherwise; none if no such. */
function alikeSurname(surname: string, vocabulary: readonly string[], rng: () => number): string | undefined {
  const key = phoneticKey(surname);
  let best: { word: string; similarity: number } | undefined;
  for (let t = 0; t < SURNAME_TRIES && vocabulary.length > 0; t++) {
    const word = pick(rng, vocabulary);
    if (word === surname || phoneticKey(word) === key) continue;
    const similarity = jaroWinkler(word, surname);
    if (similarity >= ALIKE_SURNAME_SIMILARITY && (best === undefined || similarity > best.similarity))
      best = { word, similarity };
  }
  return best?.word;
}
