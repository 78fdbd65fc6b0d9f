/**
 * Negatives that look like unrelated customers: made-up people and companies built from the list's own common name
 * parts, each sharing one or two common parts with a listed name ("Mohammed Hassan" against "HASSAN, Mohammed Ali
 * Abdullah", "Ivan Morozov" against "PETROV, Ivan"). The list's near misses (training-pairs.ts) are other listed
 * entities; nothing in them is a customer who shares only common parts with a listed name, which is most of what a
 * screening sees. Common parts are read from the list's own document frequencies; which of them are given names, from
 * the given-name table (normalize/data/given-name-variants.json). Seeded, so the pairs are the same on every run.
 */
import { tokenizeName, type MatchableEntity } from '../../shared/src/matching';
import table from '../../shared/src/matching/normalize/data/given-name-variants.json';
import { listedAttributes, nameWords, queryAttributes, type TrainingPair } from './training-pairs';
import { orderFreeNameKey, seededRng } from './variations';

/** A word on at least this many of the list's entities of one type is a common part (a customer may well carry it). */
const COMMON_PART_MIN_ENTITIES = 4;
/** Tries per negative before giving up on a listed name (its parts may all be rare, or every made-up name listed). */
const TRIES = 8;

/**
 * Share of the negatives written in a listed entity's own script (Arabic, Cyrillic, ...) against its romanised name,
 * where the list gives one: a customer file holds names in every script, and a cross-script pair must not pass on its
 * script and one common part.
 */
const OWN_SCRIPT_SHARE = 0.3;

/** Every given name the table knows, lower case as the tokenizer writes them. */
const GIVEN_NAMES: ReadonlySet<string> = new Set(
  Object.values(table.groups).flatMap((lines) => lines.flatMap((line) => line.split(' '))),
);

interface Parts {
  /** Words by how many entities of the type carry them, for sampling by frequency. */
  words: string[];
  cumulative: number[];
  count: Map<string, number>;
}

function commonParts(entities: readonly MatchableEntity[], keep: (word: string) => boolean): Parts {
  const count = new Map<string, number>();
  for (const e of entities) {
    const seen = new Set<string>();
    for (const n of e.names)
      for (const t of tokenizeName(n.value).tokens) if (t.kind === 'word' && t.text.length > 1) seen.add(t.text);
    for (const w of seen) count.set(w, (count.get(w) ?? 0) + 1);
  }
  const words = [...count.entries()]
    .filter(([w, c]) => c >= COMMON_PART_MIN_ENTITIES && keep(w))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([w]) => w);
  let total = 0;
  const cumulative = words.map((w) => (total += count.get(w) as number));
  return { words, cumulative, count };
}

function sampled(parts: Parts, rng: () => number, avoid: ReadonlySet<string>): string | undefined {
  const total = parts.cumulative[parts.cumulative.length - 1];
  if (total === undefined) return undefined;
  for (let k = 0; k < TRIES; k++) {
    const x = rng() * total;
    let lo = 0;
    let hi = parts.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((parts.cumulative[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    const w = parts.words[lo] as string;
    if (!avoid.has(w)) return w;
  }
  return undefined;
}

const written = (words: readonly string[]): string =>
  words.map((w) => `${w.charAt(0).toUpperCase()}${w.slice(1)}`).join(' ');

/**
 * Up to `count` unrelated-customer negatives for one list, each against the listed entity it was built from: a
 * person with the listed given name(s) and another common surname; or a person or company keeping one or two of the
 * listed name's most common parts and the rest drawn from the list's common parts. A made-up name that is some
 * entity's listed name (in any order) is dropped: it is not unrelated.
 */
export function customerNegatives(
  list: string,
  entities: readonly MatchableEntity[],
  count: number,
  seed: number,
): TrainingPair[] {
  const rng = seededRng(seed);
  const listed = new Set(entities.flatMap((e) => e.names.map((n) => orderFreeNameKey(n.value))));
  const people = entities.filter((e) => e.type === 'person');
  const organisations = entities.filter((e) => e.type !== 'person' && e.type !== 'vessel' && e.type !== 'aircraft');
  const surnames = commonParts(people, (w) => !GIVEN_NAMES.has(w));
  const peopleParts = commonParts(people, () => true);
  const organisationParts = commonParts(organisations, () => true);
  const pool = [...people, ...organisations];
  const out: TrainingPair[] = ownScriptNegatives(list, entities, Math.round(count * OWN_SCRIPT_SHARE), listed, rng);
  for (let tries = 0; out.length < count && tries < count * TRIES; tries++) {
    const entity = pool[Math.floor(rng() * pool.length)];
    const primary = entity?.names.find((n) => n.kind === 'primary') ?? entity?.names[0];
    if (entity === undefined || primary === undefined) continue;
    const words = nameWords(primary.value);
    if (words.length < 2) continue;
    const own = new Set(words);
    const person = entity.type === 'person';
    const parts = person ? peopleParts : organisationParts;
    let made: string[] | undefined;
    let kind: string;
    const given = words.filter((w) => GIVEN_NAMES.has(w));
    if (person && given.length > 0 && given.length < words.length && rng() < 0.5) {
      // The listed given name(s), another surname.
      kind = 'customer: same given name';
      const surname = sampled(surnames, rng, own);
      made = surname === undefined ? undefined : [...given, surname];
    } else {
      // One or two of the listed name's commonest parts, the rest the list's common parts.
      kind = 'customer: common parts';
      const byFrequency = [...own].sort((a, b) => (parts.count.get(b) ?? 0) - (parts.count.get(a) ?? 0));
      const kept = byFrequency.slice(0, words.length > 2 && rng() < 0.5 ? 2 : 1);
      if (kept.some((w) => (parts.count.get(w) ?? 0) < COMMON_PART_MIN_ENTITIES)) continue;
      const extra: string[] = [];
      const wanted = Math.max(1, Math.min(3, words.length) - kept.length);
      for (let k = 0; k < wanted; k++) {
        const w = sampled(parts, rng, new Set([...own, ...extra]));
        if (w !== undefined) extra.push(w);
      }
      made = extra.length === 0 ? undefined : rng() < 0.5 ? [...kept, ...extra] : [...extra, ...kept];
    }
    if (made === undefined) continue;
    const name = written(made);
    if (listed.has(orderFreeNameKey(name))) continue;
    const stranger = entities[Math.floor(rng() * entities.length)] ?? entity;
    out.push({
      list,
      type: entity.type,
      left: name,
      right: primary.value,
      match: false,
      kind,
      // An unrelated customer carries their own attributes: another entity's, some absent.
      leftAttributes: queryAttributes(stranger, entities, rng),
      rightAttributes: listedAttributes(entity),
    });
  }
  return out;
}

/**
 * Unrelated customers written in a listed entity's own script: one of the common words of its own-script name, the
 * others drawn from the list's common words of own-script names, against the entity's romanised primary name.
 */
function ownScriptNegatives(
  list: string,
  entities: readonly MatchableEntity[],
  count: number,
  listed: ReadonlySet<string>,
  rng: () => number,
): TrainingPair[] {
  const own = entities.flatMap((entity) => {
    const primary = entity.names.find((n) => n.kind === 'primary');
    const script = entity.names.find((n) => n.kind === 'original_script');
    const words = script?.value.split(/[\s,]+/).filter((w) => w.length > 1) ?? [];
    return primary === undefined || words.length < 2 ? [] : [{ entity, primary: primary.value, words }];
  });
  const count_ = new Map<string, number>();
  for (const o of own) for (const w of new Set(o.words)) count_.set(w, (count_.get(w) ?? 0) + 1);
  const words = [...count_.entries()]
    .filter(([, c]) => c >= COMMON_PART_MIN_ENTITIES)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([w]) => w);
  let total = 0;
  const parts: Parts = { words, cumulative: words.map((w) => (total += count_.get(w) as number)), count: count_ };
  const out: TrainingPair[] = [];
  for (let tries = 0; own.length > 0 && out.length < count && tries < count * TRIES; tries++) {
    const o = own[Math.floor(rng() * own.length)]!;
    const kept = [...o.words].sort((a, b) => (count_.get(b) ?? 0) - (count_.get(a) ?? 0))[0] as string;
    if ((count_.get(kept) ?? 0) < COMMON_PART_MIN_ENTITIES) continue;
    const extra = sampled(parts, rng, new Set(o.words));
    if (extra === undefined) continue;
    const name = rng() < 0.5 ? `${kept} ${extra}` : `${extra} ${kept}`;
    if (listed.has(orderFreeNameKey(name))) continue;
    const stranger = entities[Math.floor(rng() * entities.length)] ?? o.entity;
    out.push({
      list,
      type: o.entity.type,
      left: name,
      right: o.primary,
      match: false,
      kind: 'customer: own script',
      leftAttributes: queryAttributes(stranger, entities, rng),
      rightAttributes: listedAttributes(o.entity),
    });
  }
  return out;
}
