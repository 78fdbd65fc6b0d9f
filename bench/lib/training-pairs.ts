/**
 * Training pairs made from the lists themselves, for the calibrated scorer. Positives: two names of one listed entity
 * (its primary name against an alias, weak alias or original-script name: transliterations, spellings, short forms).
 * Hard negatives: the primary names of two different entities of the same type on the same list that share a word
 * (a surname, a given name, a company word, a legal form), which is what a near miss looks like. Negatives come from
 * one list at a time, so one designation listed on two lists never becomes a "different entity".
 */
import * as path from 'node:path';
import { indexableEntity } from '../../shared/src/lists';
import { openList, type ImportFormat } from '../../shared/src/lists/importers';
import { jaroWinkler, listWeight, tokenizeName, type MatchableEntity } from '../../shared/src/matching';
import { dataDir } from './list-reader';
import { seededRng, shuffled } from './seeded-rng';

/** The words of a name as the matcher reads them (numbers, initials and legal forms left out). */
export const nameWords = (name: string): string[] =>
  tokenizeName(name)
    .tokens.filter((t) => t.kind === 'word')
    .map((t) => t.text);

export interface TrainingPair {
  list: string;
  type: MatchableEntity['type'];
  left: string;
  right: string;
  match: boolean;
  /** What kind of pair: "alias", "weak_alias", "original_script", "shared word", "replaced part", "replaced and dropped part". */
  kind: string;
  /** The query side's birth date and country, as a customer record gives them (either may be absent). */
  leftAttributes: { birthDate?: string; country?: string };
  /** The listed side's birth dates and countries. */
  rightAttributes: { birthDates: string[]; countries: string[] };
}

/** The list files the pairs come from: SDN, Consolidated, UN, EU, UK, Canada and the FollowTheMoney samples. */
export const TRAINING_LISTS: readonly { id: string; format: ImportFormat; file: string }[] = [
  { id: 'ofac-sdn', format: 'ofac-sdn-csv', file: 'ofac_sdn/2021-07-07_complete' },
  { id: 'ofac-cons', format: 'ofac-cons-csv', file: 'ofac_consolidated' },
  { id: 'un', format: 'un-xml', file: 'un_consolidated/consolidated.xml' },
  { id: 'eu', format: 'eu-fsf-xml', file: 'eu_fsf/legacy_whole_2016-02-11.xml' },
  { id: 'uk', format: 'uk-ofsi-csv', file: 'uk_ofsi_conlist/ConList.csv' },
  { id: 'ca', format: 'ca-sema-xml', file: 'ca_sema/sema-lmes.xml' },
  { id: 'ftm-eu', format: 'ftm-json', file: 'opensanctions_ftm/eu_fsf_sample.entities.ftm.json' },
  { id: 'ftm-zala', format: 'ftm-json', file: 'opensanctions_ftm/zala_cluster.entities.ftm.json' },
  { id: 'ftm-delta', format: 'ftm-json', file: 'opensanctions_ftm/sanctions_2024-05.entities.delta.json' },
];

/** Most positives taken from one entity, so that entities with fifty aliases do not dominate. */
const POSITIVES_PER_ENTITY = 3;
/** A word shared by more entities than this is too common to make a hard negative (every "Muhammad", "Trading"). */
const MAX_WORD_ENTITIES = 200;
/** Entities sharing the word looked at per hard negative; the one whose name is most alike is taken. */
const HARD_NEGATIVE_TRIES = 24;
/** Share of the hard negatives made by replacing one part of a name with another entity's part (the rest share a word). */
const REPLACED_PART_SHARE = 0.4;
/** Two names spelled at least this alike (Jaro-Winkler of their normalised forms) are variants of one name. */
const VARIANT_SPELLING_SIMILARITY = 0.8;
/**
 * Share of the replaced-part negatives that also drop another part ("Ayman Ibrahim al-Dulaimi" against "Ayman Sabawi
 * Ibrahim al-Tikriti"): without them every negative is as long as its listed name and every length gap a positive.
 */
const DROPPED_PART_SHARE = 0.5;
/** Share of the queries that carry the entity's birth date, and its country: customer records give them often, not always. */
const QUERY_BIRTH_DATE_SHARE = 0.5;
const QUERY_COUNTRY_SHARE = 0.5;
/**
 * Share of a true match's query attributes that are wrong (a year mistyped, a country of residence rather than of
 * the listing): an assumption, not a measure, so that disagreeing attributes lower the score without vetoing it.
 */
const QUERY_ATTRIBUTE_ERROR_SHARE = 0.1;

export async function readTrainingList(list: (typeof TRAINING_LISTS)[number]): Promise<MatchableEntity[]> {
  const parsed = await openList(list.format, path.join(dataDir(), list.file));
  const out: MatchableEntity[] = [];
  for await (const e of parsed.entities) out.push(indexableEntity(`${list.id}:${e.sourceEntityId}`, e));
  return out;
}

const key = (name: string): string =>
  tokenizeName(name)
    .tokens.map((t) => t.text)
    .join(' ');

/** The pairs of one list, seeded: positives from each entity's names, about as many hard negatives. */
export function trainingPairs(list: string, entities: readonly MatchableEntity[], seed: number): TrainingPair[] {
  const rng = seededRng(seed);
  const pairs: TrainingPair[] = [];
  const primaries: { entity: MatchableEntity; name: string; key: string; keys: Set<string> }[] = [];
  for (const entity of entities) {
    const primary = entity.names.find((n) => n.kind === 'primary') ?? entity.names[0];
    if (primary === undefined) continue;
    const keys = new Set(entity.names.map((n) => key(n.value)));
    const primaryKey = key(primary.value);
    if (primaryKey === '') continue;
    primaries.push({ entity, name: primary.value, key: primaryKey, keys });
    // Another name of the entity is a variant of its name (what a matcher must find) when the two share a word, are
    // spelled alike, or one is the other in its own script; an alias with nothing in common ("Party of God" for
    // "Hizballah") is another name, which no name comparison can or should find.
    const words = new Set(nameWords(primary.value));
    const variant = (value: string, kind: string): boolean =>
      kind === 'original_script' ||
      tokenizeName(value).tokens.some((t) => t.kind === 'word' && words.has(t.text)) ||
      jaroWinkler(key(value), primaryKey) >= VARIANT_SPELLING_SIMILARITY;
    const others = entity.names.filter(
      (n) => n !== primary && key(n.value) !== primaryKey && key(n.value) !== '' && variant(n.value, n.kind),
    );
    // Aliases as long as the name (a transliteration of every part, a spelling) first: they are what a customer's
    // record of a listed name most often is, and without them the fitted weights read a length gap as a match.
    const length = (value: string): number => value.split(/\s+/).filter((w) => w.length > 0).length;
    const primaryLength = length(primary.value);
    const ordered = shuffled(others, rng).sort(
      (x, y) => Number(length(x.value) !== primaryLength) - Number(length(y.value) !== primaryLength),
    );
    for (const other of ordered.slice(0, POSITIVES_PER_ENTITY)) {
      pairs.push({
        list,
        type: entity.type,
        left: other.value,
        right: primary.value,
        match: true,
        kind: other.kind,
        leftAttributes: queryAttributes(entity, entities, rng),
        rightAttributes: listedAttributes(entity),
      });
    }
  }
  const positives = pairs.length;
  const byWord = new Map<string, number[]>();
  primaries.forEach((p, i) => {
    for (const t of tokenizeName(p.name).tokens) {
      if (t.kind !== 'word' && t.kind !== 'legal') continue;
      const at = byWord.get(t.text) ?? [];
      if (at[at.length - 1] !== i) at.push(i);
      byWord.set(t.text, at);
    }
  });
  let negatives = 0;
  // A part replaced: one word of an entity's name swapped for the word in the same place of another entity's name of
  // the same type ("Ayman Sabawi Ibrahim al-Dulaimi" from "... al-Tikriti"). Two people who share every name part but
  // one are two people; two companies whose only differing word is the one that carries meaning are two companies.
  const replacedTarget = Math.round(positives * REPLACED_PART_SHARE);
  for (const i of shuffled(
    primaries.map((_, k) => k),
    rng,
  )) {
    if (negatives >= replacedTarget) break;
    const p = primaries[i]!;
    const parts = p.name.split(/\s+/).filter((w) => w.length > 0);
    if (parts.length < 2) continue;
    const q = primaries[Math.floor(rng() * primaries.length)]!;
    const theirs = q.name.split(/\s+/).filter((w) => w.length > 0);
    if (q === p || q.entity.type !== p.entity.type || theirs.length < 2) continue;
    const at = Math.floor(rng() * parts.length);
    const word = theirs[Math.min(at, theirs.length - 1)]!;
    let replacedParts = [...parts.slice(0, at), word, ...parts.slice(at + 1)];
    const dropped = replacedParts.length >= 3 && rng() < DROPPED_PART_SHARE;
    if (dropped) {
      const others = replacedParts.map((_, k) => k).filter((k) => k !== at);
      const drop = others[Math.floor(rng() * others.length)]!;
      replacedParts = replacedParts.filter((_, k) => k !== drop);
    }
    const replaced = replacedParts.join(' ');
    const replacedKey = key(replaced);
    if (replacedKey === p.key || p.keys.has(replacedKey) || jaroWinkler(key(word), key(parts[at]!)) >= 0.8) continue;
    pairs.push({
      list,
      type: p.entity.type,
      left: replaced,
      right: p.name,
      match: false,
      kind: dropped ? 'replaced and dropped part' : 'replaced part',
      // The made-up name is another person's: it carries that person's attributes.
      leftAttributes: queryAttributes(q.entity, entities, rng),
      rightAttributes: listedAttributes(p.entity),
    });
    negatives++;
  }
  for (const i of shuffled(
    primaries.map((_, k) => k),
    rng,
  )) {
    if (negatives >= positives) break;
    const p = primaries[i]!;
    const words = tokenizeName(p.name).tokens.filter((t) => t.kind === 'word' || t.kind === 'legal');
    const word = words[Math.floor(rng() * words.length)];
    const sharing = word === undefined ? [] : (byWord.get(word.text) ?? []);
    if (sharing.length < 2 || sharing.length > MAX_WORD_ENTITIES) continue;
    // The hardest of a few entities sharing the word: the one whose name is most alike (a near miss, not a stranger).
    let hardest: { q: (typeof primaries)[number]; score: number } | undefined;
    for (let tries = 0; tries < HARD_NEGATIVE_TRIES; tries++) {
      const j = sharing[Math.floor(rng() * sharing.length)]!;
      const q = primaries[j]!;
      if (j === i || q.entity.type !== p.entity.type || p.keys.has(q.key) || q.keys.has(p.key)) continue;
      const score = jaroWinkler(p.key, q.key);
      if (hardest === undefined || score > hardest.score) hardest = { q, score };
    }
    if (hardest === undefined) continue;
    // A cross-script near miss too, where the entity has an own-script name: script alone must not say "match".
    const own = p.entity.names.find((n) => n.kind === 'original_script');
    const left = own !== undefined && rng() < 0.5 ? own.value : p.name;
    pairs.push({
      list,
      type: p.entity.type,
      left,
      right: hardest.q.name,
      match: false,
      kind: 'shared word',
      leftAttributes: queryAttributes(p.entity, entities, rng),
      rightAttributes: listedAttributes(hardest.q.entity),
    });
    negatives++;
  }
  return pairs;
}

/** An entity's attributes as a customer record gives them: some absent, a few wrong (another entity's). */
export function queryAttributes(
  entity: MatchableEntity,
  entities: readonly MatchableEntity[],
  rng: () => number,
): { birthDate?: string; country?: string } {
  const source = (): MatchableEntity =>
    rng() < QUERY_ATTRIBUTE_ERROR_SHARE ? (entities[Math.floor(rng() * entities.length)] ?? entity) : entity;
  const birthDate = rng() < QUERY_BIRTH_DATE_SHARE ? source().birthDates[0] : undefined;
  const country = rng() < QUERY_COUNTRY_SHARE ? source().countries[0] : undefined;
  return { ...(birthDate !== undefined && { birthDate }), ...(country !== undefined && { country }) };
}

export function listedAttributes(entity: MatchableEntity): { birthDates: string[]; countries: string[] } {
  return { birthDates: [...entity.birthDates], countries: [...entity.countries] };
}

/**
 * The list's own word rarity, as the screening index reads it (index-data.ts): each word's share of the list's names,
 * floored by the built-in prior.
 */
export function listRarity(entities: readonly MatchableEntity[]): (text: string) => number {
  const namesWith = new Map<string, number>();
  let names = 0;
  for (const e of entities)
    for (const n of e.names) {
      names++;
      for (const text of new Set(tokenizeName(n.value).tokens.map((t) => t.text)))
        namesWith.set(text, (namesWith.get(text) ?? 0) + 1);
    }
  return (text) => listWeight(text, namesWith.get(text) ?? 0, names);
}
