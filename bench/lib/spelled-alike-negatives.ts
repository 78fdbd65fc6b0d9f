/**
 * Hard negatives whose differing parts are only spelled alike, for the calibrated scorer (decision 0036): a listed name
 * with one or more of its rare words replaced by another word of the same list that the matcher aligns with it
 * (wordSimilarity at the token floor or above, both ways) but that is another name, and for some names another word
 * dropped: "Raul Castillo" against "CASTRO, Raul", "Viktor Orbach" against "ORBAN, Viktor". Another name: not one
 * romanisation folded two ways (romanisation-fold.ts: "Aleksei" / "Alexey"), never forms of one given name, both words
 * rare on the list (on fewer than RARE_WORD_ENTITIES of its entities: common words have many spellings) and never
 * carried together by one listed entity (which is how a list says two spellings are one name), never two words of one
 * consonant skeleton (phonetic-key.ts: "Hasan" / "Hassan" may be one name romanised twice) nor one typing slip apart
 * ("Kovtun" / "Kovtum" may be a typo of it; decision 0049). The list's other negatives share a word or replace one
 * outright, so in them every aligned pair is exact. Negatives only: the positives stay the lists' own aliases.
 */
import type { MatchableEntity } from '../../shared/src/matching';
import { anotherNameSpelledAlike } from '../../shared/src/matching/signals/pair-signals';
import { TOKEN_SIMILARITY_FLOOR, wordSimilarity } from '../../shared/src/matching/signals/token-similarity';
import { pick, seededRng, shuffled } from './seeded-rng';
import { listedAttributes, nameWords, queryAttributes, type TrainingPair } from './training-pairs';

/** Words shorter than this are initials or particles more than names: they are kept, never replaced. */
const MIN_REPLACED_LENGTH = 4;
/** Chance that each further replaceable word is replaced too (one always is): one part off, or every part. */
const FURTHER_REPLACEMENT_SHARE = 0.5;
/** Listed words looked at per replaced word, from those sharing its first letter or its last three. */
const TRIES = 120;
/**
 * Share of the negatives that also drop another word of the name (when it has three or more): a near miss that leaves
 * a part over and spells the rest alike ("Yaneth Vargas" against "CIFUENTES VARGAS, Yanet").
 */
const DROPPED_PART_SHARE = 0.5;
/** A word on fewer of the list's entities than this is rare: common words have many spellings on the lists. */
const RARE_WORD_ENTITIES = 4;

/** The list's rare words (length MIN_REPLACED_LENGTH or more) of one type, each with the entities that carry it. */
interface Vocabulary {
  /** Rare words by first letter (`^a`) and by last three letters (`$ova`). */
  buckets: Map<string, string[]>;
  carriers: Map<string, number[]>;
}

/** Another rare word of the vocabulary the matcher aligns with `word` that is another name; none if the tries find none. */
export function alikeWord(word: string, vocabulary: Vocabulary, rng: () => number): string | undefined {
  const carriers = vocabulary.carriers.get(word);
  if (carriers === undefined) return undefined;
  const near = [
    ...(vocabulary.buckets.get(`^${word[0]}`) ?? []),
    ...(vocabulary.buckets.get(`$${word.slice(-3)}`) ?? []),
  ];
  if (near.length === 0) return undefined;
  for (let t = 0; t < TRIES; t++) {
    const other = pick(rng, near);
    // One consonant skeleton may be one name romanised twice, one slip a typo of it: neither is a sure negative.
    if (!anotherNameSpelledAlike(word, other)) continue;
    if ((vocabulary.carriers.get(other) ?? []).some((e) => carriers.includes(e))) continue;
    if (wordSimilarity(word, other) >= TOKEN_SIMILARITY_FLOOR && wordSimilarity(other, word) >= TOKEN_SIMILARITY_FLOOR)
      return other;
  }
  return undefined;
}

/** The list's rare words of one type, bucketed for the search of alike words, with their carriers. */
export function rareVocabulary(entities: readonly MatchableEntity[]): Vocabulary {
  const carried = new Map<string, number[]>();
  entities.forEach((e, k) => {
    for (const w of new Set(e.names.flatMap((n) => nameWords(n.value)))) {
      if (w.length < MIN_REPLACED_LENGTH) continue;
      const at = carried.get(w);
      if (at === undefined) carried.set(w, [k]);
      else at.push(k);
    }
  });
  const carriers = new Map([...carried].filter(([, at]) => at.length < RARE_WORD_ENTITIES));
  const buckets = new Map<string, string[]>();
  const add = (key: string, w: string): void => {
    const at = buckets.get(key);
    if (at === undefined) buckets.set(key, [w]);
    else at.push(w);
  };
  for (const w of [...carriers.keys()].sort()) {
    add(`^${w[0]}`, w);
    add(`$${w.slice(-3)}`, w);
  }
  return { buckets, carriers };
}

/** Up to `count` spelled-alike negatives from the list's primary names, seeded; people and organisations alike. */
export function spelledAlikeNegatives(
  list: string,
  entities: readonly MatchableEntity[],
  count: number,
  seed: number,
  droppedPartShare = DROPPED_PART_SHARE,
): TrainingPair[] {
  if (count <= 0) return [];
  const rng = seededRng(seed);
  const byType = new Map<string, MatchableEntity[]>();
  for (const e of entities) byType.set(e.type, [...(byType.get(e.type) ?? []), e]);
  const vocabularies = new Map([...byType].map(([type, of]) => [type, rareVocabulary(of)]));
  const pairs: TrainingPair[] = [];
  for (const entity of shuffled(entities, rng)) {
    if (pairs.length >= count) break;
    const primary = entity.names.find((n) => n.kind === 'primary') ?? entity.names[0];
    if (primary === undefined) continue;
    const words = nameWords(primary.value);
    const vocabulary = vocabularies.get(entity.type) as Vocabulary;
    const replaceable = words.map((_, i) => i).filter((i) => vocabulary.carriers.has(words[i] as string));
    if (replaceable.length === 0) continue;
    const first = pick(rng, replaceable);
    const chosen = replaceable.filter((i) => i === first || rng() < FURTHER_REPLACEMENT_SHARE);
    const replaced = [...words];
    // The chosen words that have an alike word on the list are replaced; a name none of them has one for is skipped.
    const done = chosen.filter((i) => {
      const other = alikeWord(words[i] as string, vocabulary, rng);
      if (other !== undefined) replaced[i] = other;
      return other !== undefined;
    });
    if (done.length === 0) continue;
    const kept = replaced.map((_, i) => i).filter((i) => !done.includes(i));
    const dropped = replaced.length >= 3 && kept.length > 0 && rng() < droppedPartShare;
    if (dropped) replaced.splice(pick(rng, kept), 1);
    const own = new Set(entity.names.map((n) => nameWords(n.value).join(' ')));
    if (own.has(replaced.join(' '))) continue;
    pairs.push({
      list,
      type: entity.type,
      left: replaced.join(' '),
      right: primary.value,
      match: false,
      kind: `${done.length === 1 ? 'a part' : 'parts'} spelled alike${dropped ? ', another dropped' : ''}`,
      // The made-up name is another entity's: it carries that entity's attributes.
      leftAttributes: queryAttributes(pick(rng, entities), entities, rng),
      rightAttributes: listedAttributes(entity),
    });
  }
  return pairs;
}
