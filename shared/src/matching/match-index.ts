import type { EntityType, NameKind } from '../lists/entity-model';
import { ENTITY_TYPES, NAME_KINDS } from '../lists/entity-model';
import { ABJAD_READING_MIN_LENGTH, abjadCompoundKeys, abjadFirstLetters, abjadKeys, abjadSpells, abjadSpellsCompound, gluedArticleParts, latinAbjadKey } from './abjad-reading';
import { applyEntitySignals } from './entity-signals';
import { explainNameAlignment } from './explain-name';
import { gluedWords, type GluedWord } from './glued-words';
import { normalizeIdentifier, MIN_IDENTIFIER_LENGTH } from './identifier-signal';
import { BIRTH_DATE_EXACT_BONUS } from './birth-date-signal';
import { COUNTRY_MATCH_BONUS } from './country-signal';
import {
  alignNames,
  CANDIDATE_UNMATCHED_FACTOR,
  isPatronymic,
  joinedSpellings,
  MERGE_SIMILARITY_FLOOR,
  PATRONYMIC_UNMATCHED_FACTOR,
  QUERY_PATRONYMIC_UNMATCHED_FACTOR,
  QUERY_UNMATCHED_FACTOR,
  type NameAlignment,
  type WeightedToken,
} from './name-alignment';
import { PATRONYMIC_SPELLINGS, VARIANT_SPELLINGS } from './name-vocabulary';
import { canonicalWord, tokenizeName, type NameToken, type TokenKind } from './normalize-name';
import { hasTransliterableScript } from './transliterate';
import { phoneticKey } from './phonetic-key';
import { ABJAD_AGREEMENT_SIMILARITY, CONFIDENT_SIMILARITY, PLACE_ADJECTIVE_SIMILARITY, TRANSLATION_SIMILARITY, foldedSpelling, joinedQuerySimilarity, koreanSyllableSimilarity, nearReadingSimilarity, tokenSimilarity, translationSimilarity, wordSimilarity } from './token-similarity';
import { kindWeight, listWeight, priorWeight } from './token-weights';
import type { MatchableEntity, NameMatch, ScreeningQuery, ScreenOptions } from './types';
import { verdictSentence } from './verdict';

/** A built index over one list version: screen names against it. Built once, read-only afterwards. */
export interface MatchIndex {
  /** Candidates scoring at least `options.threshold`, best first, at most `options.limit`, one per entity. */
  screen(query: ScreeningQuery, options: ScreenOptions): NameMatch[];
  readonly entityCount: number;
  /** Names and aliases indexed (after dropping duplicates within an entity). */
  readonly nameCount: number;
  /** Distinct canonical tokens. */
  readonly vocabularySize: number;
  /** Rough bytes held by the index's own structures (typed arrays and interned strings), for capacity planning. */
  memoryBytes(): number;
}

/** How often (in candidates scored) screening checks whether the results can still change. */
const EARLY_STOP_CHECK_EVERY = 8;
/** Names fully scored per query, best retrieval estimate first: bounds the worst case (a query of only common words). */
export const MAX_NAMES_SCORED = 200;
/** Splitting an unknown query word into two known words ("yonggil" → "yong" + "gil") is tried for words this long. */
const MIN_SPLIT_LENGTH = 5;
/** Shortest part a split may produce: shorter "words" are everywhere and would retrieve half the list. */
const MIN_SPLIT_PART = 2;
/** A split half this short and posted for more than 1 name in COMMON_HALF_SHARE is not walked (see splitParts). */
const MAX_COMMON_HALF_LENGTH = 2;
const COMMON_HALF_SHARE = 100;
/** Token-id slots per name record (32 bytes, half a cache line); see InMemoryMatchIndex.records. */
const RECORD = 8;
/** Name weights in the shape byte are counted in these steps (7 bits: up to 6.35; heavier names are "6.35 or more"). */
const WEIGHT_STEP = 0.05;
const SHAPE_WEIGHT_MASK = 0x7f;
const SHAPE_PATRONYMIC = 0x80;
/**
 * An optional unit walks its postings into the names found when they are at most this many times as many (a posting
 * costs a look-up of its name's place); longer ones check each found name's tokens instead (one record read).
 */
const WALK_RATIO = 8;
/** Units with at most this many token ids are checked by direct comparison rather than a hash table. */
const SMALL_UNIT = 8;
/** Marks a record whose name has more retrievable tokens than slots. */
const OVERFLOW = -2;
/** The most birth date and country can add (exact date plus same country), for pruning before those are read. */
const MAX_ATTRIBUTE_BONUS = BIRTH_DATE_EXACT_BONUS + COUNTRY_MATCH_BONUS;
/** Distinct query words whose look-ups are remembered; the cache is dropped when full (about 10 MB at most). */
const LOOKUP_CACHE_LIMIT = 50_000;
/** Look-up cache maps: a token kind (5) times four flags (16). */
const LOOKUP_CACHE_SLOTS = 5 * 16;
/**
 * Query words this long that find nothing else are also looked up with two deletions (edit distance up to three
 * against the list's one).
 */
const MIN_DOUBLE_TYPO_LENGTH = 6;
const NO_MATCHES: readonly { id: number; similarity: number }[] = [];
/** An Arabic-script word this long that the list does not know may be two listed words glued together. */
const GLUED_ABJAD_MIN_LENGTH = 7;
/** Coarse abjad keys shorter than this (one consonant class: "T" for "tad", "sid", "zoe") are stored with the first letter. */
const ABJAD_KEY_MIN_LENGTH = 2;
/** A query's last word this long may be a truncation ("TESTKOMPL" for "TESTKOMPLEKT"), so words it begins are retrieved. */
const MIN_TRUNCATED_LENGTH = 4;
/** A prefix shared by more words than this is too unspecific to retrieve by (the typo table still applies). */
const MAX_TRUNCATION_EXTENSIONS = 64;

const KIND_CODES: readonly TokenKind[] = ['word', 'number', 'legal', 'particle', 'initial'];
const KIND_CODE: Record<TokenKind, number> = { word: 0, number: 1, legal: 2, particle: 3, initial: 4 };
/** Kinds that may be two halves of one listed word (not initials, legal forms or numbers). */
const JOINABLE_KIND: Record<TokenKind, boolean> = { word: true, number: false, legal: false, particle: true, initial: false };
const RETRIEVABLE_KIND: Record<TokenKind, boolean> = { word: true, number: true, legal: false, particle: false, initial: false };
/** Kinds a listed token is posted under: legal forms too, so a query word "SA" or "CO" finds names where it is the legal form. */
const POSTED_KIND: Record<TokenKind, boolean> = { word: true, number: true, legal: true, particle: false, initial: false };

/**
 * A polynomial 32-bit string hash (h = h * B + c, mod 2^32; collisions are verified away by the similarity check).
 * Polynomial so that the hash of a string with one or two characters deleted can be put together from prefix and
 * suffix hashes in constant time, which makes the deletion neighbourhoods of the typo table cheap.
 */
const HASH_BASE = 0x01000193;

function hashString(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, HASH_BASE) + s.charCodeAt(i)) | 0;
  return h >>> 0;
}

/** Prefix hashes (prefix[k] = hash of s[0..k)) and powers of the base, for deletion hashes. */
function hashPrefixes(s: string): { prefix: Int32Array; power: Int32Array } {
  const prefix = new Int32Array(s.length + 1);
  const power = new Int32Array(s.length + 1);
  power[0] = 1;
  for (let i = 0; i < s.length; i++) {
    prefix[i + 1] = (Math.imul(prefix[i] as number, HASH_BASE) + s.charCodeAt(i)) | 0;
    power[i + 1] = Math.imul(power[i] as number, HASH_BASE);
  }
  return { prefix, power };
}

/** Hash of s[a..b) from prefix hashes. */
function rangeHash(prefix: Int32Array, power: Int32Array, a: number, b: number): number {
  return ((prefix[b] as number) - Math.imul(prefix[a] as number, power[b - a] as number)) | 0;
}

/** Bits of the HashPostings filter per entry: with 16, about 6% of absent keys get through to the buckets. */
const FILTER_BITS_PER_KEY = 16;
/** Mixes a key's bits before taking the filter bit, so it does not repeat the bucket's low bits. */
const FILTER_MIX = 0x9e3779b1 | 0;

/**
 * A hash multimap from 32-bit keys to token ids in CSR layout: bucket starts, then (key, value) pairs interleaved in
 * one Int32Array so a probe reads one cache line. No objects per entry.
 */
class HashPostings {
  private readonly mask: number;
  private readonly starts: Int32Array;
  private readonly entries: Int32Array;
  /**
   * One bit per key (FILTER_BITS_PER_KEY bits per entry, so a few percent of absent keys pass): most probes are for
   * keys no listed word has (the deletions of an unknown query word), and the bitmap, unlike the buckets, stays in
   * cache, so they end there.
   */
  private readonly filter: Int32Array;
  private readonly filterShift: number;

  constructor(pairKeys: Uint32Array, pairValues: Int32Array, count: number) {
    let buckets = 1;
    while (buckets < count) buckets <<= 1;
    this.mask = buckets - 1;
    let filterBits = 5;
    while (1 << filterBits < count * FILTER_BITS_PER_KEY) filterBits++;
    this.filter = new Int32Array(1 << (filterBits - 5));
    this.filterShift = 32 - filterBits;
    for (let i = 0; i < count; i++) {
      const bit = Math.imul(pairKeys[i] as number, FILTER_MIX) >>> this.filterShift;
      this.filter[bit >>> 5] = (this.filter[bit >>> 5] as number) | (1 << (bit & 31));
    }
    this.starts = new Int32Array(buckets + 1);
    for (let i = 0; i < count; i++) {
      const bucket = ((pairKeys[i] as number) & this.mask) + 1;
      this.starts[bucket] = (this.starts[bucket] as number) + 1;
    }
    for (let b = 0; b < buckets; b++) this.starts[b + 1] = (this.starts[b + 1] as number) + (this.starts[b] as number);
    this.entries = new Int32Array(2 * count);
    const fill = this.starts.slice(0, buckets);
    for (let i = 0; i < count; i++) {
      const key = pairKeys[i] as number;
      const at = fill[key & this.mask] as number;
      fill[key & this.mask] = at + 1;
      this.entries[2 * at] = key | 0;
      this.entries[2 * at + 1] = pairValues[i] as number;
    }
  }

  forEach(key: number, visit: (value: number) => void): void {
    const bit = Math.imul(key, FILTER_MIX) >>> this.filterShift;
    if (((this.filter[bit >>> 5] as number) & (1 << (bit & 31))) === 0) return;
    const bucket = key & this.mask;
    const signed = key | 0;
    const end = this.starts[bucket + 1] as number;
    for (let i = this.starts[bucket] as number; i < end; i++) if (this.entries[2 * i] === signed) visit(this.entries[2 * i + 1] as number);
  }

  bytes(): number {
    return this.starts.byteLength + this.entries.byteLength + this.filter.byteLength;
  }
}

/** A growable Int32 buffer for building typed arrays without knowing their final size. */
class IntBuffer {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

interface QueryToken extends WeightedToken {
  token: NameToken;
}

interface RetrievalUnit {
  weight: number;
  matches: readonly { id: number; similarity: number }[];
}

/**
 * Builds the in-memory index for one list version. Every name and alias is tokenised once; tokens are interned to
 * integer ids and names stored as runs of ids in typed arrays; retrieval uses an inverted index (token → names),
 * a deletion-neighbourhood table (typos at edit distance one) and phonetic keys, all over the vocabulary, so a query
 * touches only names sharing a (similar) token, never the whole list.
 */
export function buildMatchIndex(entities: MatchableEntity[]): MatchIndex {
  return new InMemoryMatchIndex(entities);
}

class InMemoryMatchIndex implements MatchIndex {
  readonly entityCount: number;
  readonly nameCount: number;
  readonly vocabularySize: number;

  private readonly entities: MatchableEntity[];
  private readonly entityType: Uint8Array;
  /** Names of entity e are firstName[e] .. firstName[e+1]-1 (names are stored entity by entity). */
  private readonly firstName: Int32Array;
  private readonly nameEntity: Int32Array;
  private readonly nameKind: Uint8Array;
  private readonly nameValue: string[];
  private readonly nameTokenStart: Int32Array;
  private readonly nameTokens: Int32Array;
  private readonly nameTokenKinds: Uint8Array;

  private readonly tokenIds: Map<string, number>;
  private readonly tokenText: string[];
  private readonly tokenWeight: Float32Array;
  private readonly postingStart: Int32Array;
  private readonly postings: Int32Array;
  private readonly typoTable: HashPostings;
  private readonly phoneticTable: HashPostings;
  private readonly foldedTable: HashPostings;
  /** Coarse consonant keys (abjad-reading.ts) of every spelling, so an Arabic or Hebrew skeleton finds the spellings it may read as. */
  private readonly abjadTable: HashPostings;
  private readonly identifierEntities: Map<string, number[]>;
  /**
   * Every spelling of every word in code-unit order (a canonical word also under each spelling of its variant group,
   * so "moham" finds "muhammad" through "mohammed"), with the word's token id: for prefix (truncation) lookups.
   */
  private readonly sortedSpellings: string[];
  private readonly sortedSpellingIds: Int32Array;

  /**
   * One 32-byte record per name holding its first eight retrievable token ids (-1 when fewer; the last slot is
   * OVERFLOW when there are more, meaning "read nameTokens"), so checking a found name's tokens reads one cache line
   * (on a million names retrieval is bound by memory latency, not arithmetic).
   */
  private readonly records: Int32Array;
  /**
   * Per name, one byte for the retrieval bound (1 MB per million names, so it stays in cache): the name's total weight
   * in steps of WEIGHT_STEP, rounded down, in the low 7 bits; the high bit set when the name has a patronymic (its
   * unmatched tokens may cost as little as PATRONYMIC_UNMATCHED_FACTOR). See nameBound for how the rounding is undone.
   */
  private readonly nameShape: Uint8Array;

  // Per-query scratch, reused so screening allocates little (an index is used from one thread).
  private readonly touched: Int32Array;
  private readonly touchedAccumulated: Float32Array;
  /**
   * Per name, side by side so one memory read finds both: the retrieval unit that last met it (units are numbered
   * across queries, so a number below the current query's first means "not yet met by this query"), and its place in
   * `touched` (valid only where `touched` holds the name at that place).
   */
  private readonly nameState: Int32Array;
  /** An optional unit's best similarity per found name. */
  private unitBest = new Float32Array(0);
  private epoch = 0;
  /**
   * Vocabulary look-ups by query word: names repeat their words, and the index never changes once built. One map per
   * token kind and combination of look-up flags (see lookup), keyed by the word itself, a string the query already
   * holds, so no key is built per look-up.
   */
  private readonly lookupCaches = Array.from({ length: LOOKUP_CACHE_SLOTS }, () => new Map<string, readonly { id: number; similarity: number }[]>());
  private lookupCacheSize = 0;
  /** Look-ups' similarities by listed word (see similarities), dropped with the look-ups they were built from. */
  private readonly similaritiesByLookup = new WeakMap<readonly { id: number; similarity: number }[], Map<number, number>>();
  /** The same for two query words run together (see nearSpellings). */
  private readonly nearSpellingCache = new Map<string, readonly { id: number }[]>();

  constructor(entities: MatchableEntity[]) {
    this.entities = entities;
    this.entityCount = entities.length;
    this.entityType = new Uint8Array(entities.length);
    this.firstName = new Int32Array(entities.length + 1);
    this.tokenIds = new Map();
    this.tokenText = [];
    this.identifierEntities = new Map();

    const nameEntity = new IntBuffer();
    const nameKind = new IntBuffer();
    const nameTokenStart = new IntBuffer();
    const tokens = new IntBuffer();
    const tokenKinds = new IntBuffer();
    const nameValue: string[] = [];
    const intern = (text: string): number => {
      let id = this.tokenIds.get(text);
      if (id === undefined) {
        id = this.tokenText.length;
        this.tokenIds.set(text, id);
        this.tokenText.push(text);
      }
      return id;
    };

    entities.forEach((entity, e) => {
      this.entityType[e] = Math.max(0, ENTITY_TYPES.indexOf(entity.type));
      this.firstName[e] = nameEntity.length;
      // Primary names first, so a duplicate alias never hides the listed name.
      const names = entity.names.length > 1 ? [...entity.names].sort((a, b) => NAME_KINDS.indexOf(a.kind) - NAME_KINDS.indexOf(b.kind)) : entity.names;
      for (const name of names.flatMap(withParentheticalForms)) {
        const { tokens: nameTokens } = tokenizeName(name.value);
        if (nameTokens.length === 0) continue;
        const start = tokens.length;
        for (const t of nameTokens) {
          tokens.push(intern(t.text));
          tokenKinds.push(KIND_CODE[t.kind]);
        }
        // A name the entity already has, once normalised, is indexed once.
        if (sameAsEarlierName(tokens, tokenKinds, nameTokenStart, this.firstName[e] as number, nameEntity.length, start)) {
          tokens.length = start;
          tokenKinds.length = start;
          continue;
        }
        nameEntity.push(e);
        nameKind.push(NAME_KINDS.indexOf(name.kind));
        nameValue.push(name.value);
        nameTokenStart.push(start);
      }
      for (const id of entity.identifiers) {
        const value = normalizeIdentifier(id.value);
        if (value.length < MIN_IDENTIFIER_LENGTH) continue;
        const list = this.identifierEntities.get(value) ?? [];
        if (!list.includes(e)) list.push(e);
        this.identifierEntities.set(value, list);
      }
    });
    this.firstName[entities.length] = nameEntity.length;
    nameTokenStart.push(tokens.length);

    this.nameCount = nameEntity.length;
    this.vocabularySize = this.tokenText.length;
    this.nameEntity = nameEntity.toArray();
    this.nameKind = Uint8Array.from(nameKind.toArray());
    this.nameValue = nameValue;
    this.nameTokenStart = nameTokenStart.toArray();
    this.nameTokens = tokens.toArray();
    this.nameTokenKinds = Uint8Array.from(tokenKinds.toArray());

    // Document frequency of retrievable tokens, and the inverted index in CSR layout.
    const vocab = this.vocabularySize;
    const documentFrequency = new Int32Array(vocab);
    const lastName = new Int32Array(vocab).fill(-1);
    const isWord = new Uint8Array(vocab);
    for (let n = 0; n < this.nameCount; n++) {
      for (let k = this.nameTokenStart[n] as number; k < (this.nameTokenStart[n + 1] as number); k++) {
        const id = this.nameTokens[k] as number;
        const kind = KIND_CODES[this.nameTokenKinds[k] as number] as TokenKind;
        if (!POSTED_KIND[kind]) continue;
        if (kind === 'word') isWord[id] = 1;
        if (lastName[id] !== n) {
          lastName[id] = n;
          documentFrequency[id] = (documentFrequency[id] as number) + 1;
        }
      }
    }
    this.postingStart = new Int32Array(vocab + 1);
    for (let id = 0; id < vocab; id++) this.postingStart[id + 1] = (this.postingStart[id] as number) + (documentFrequency[id] as number);
    this.postings = new Int32Array(this.postingStart[vocab] as number);
    const fill = this.postingStart.slice(0, vocab);
    lastName.fill(-1);
    for (let n = 0; n < this.nameCount; n++) {
      for (let k = this.nameTokenStart[n] as number; k < (this.nameTokenStart[n + 1] as number); k++) {
        const id = this.nameTokens[k] as number;
        if (!POSTED_KIND[KIND_CODES[this.nameTokenKinds[k] as number] as TokenKind] || lastName[id] === n) continue;
        lastName[id] = n;
        const at = fill[id] as number;
        this.postings[at] = n;
        fill[id] = at + 1;
      }
    }

    this.tokenWeight = new Float32Array(vocab);
    for (let id = 0; id < vocab; id++) this.tokenWeight[id] = listWeight(this.tokenText[id] as string, documentFrequency[id] as number, this.nameCount);

    this.records = new Int32Array(RECORD * this.nameCount);
    this.nameShape = new Uint8Array(this.nameCount);
    for (let n = 0; n < this.nameCount; n++) {
      const at = RECORD * n;
      let slot = 0;
      this.records.fill(-1, at, at + RECORD);
      let total = 0;
      let factor = CANDIDATE_UNMATCHED_FACTOR;
      for (let k = this.nameTokenStart[n] as number; k < (this.nameTokenStart[n + 1] as number); k++) {
        const kind = KIND_CODES[this.nameTokenKinds[k] as number] as TokenKind;
        const token = { text: this.tokenText[this.nameTokens[k] as number] as string, kind, weight: 0 };
        if (isPatronymic(token)) factor = PATRONYMIC_UNMATCHED_FACTOR;
        total += kindWeight(kind, this.tokenWeight[this.nameTokens[k] as number] as number);
        if (POSTED_KIND[kind]) {
          if (slot < RECORD) this.records[at + slot] = this.nameTokens[k] as number;
          else this.records[at + RECORD - 1] = OVERFLOW;
          slot++;
        }
      }
      this.nameShape[n] = Math.min(SHAPE_WEIGHT_MASK, Math.floor(total / WEIGHT_STEP)) | (factor === PATRONYMIC_UNMATCHED_FACTOR ? SHAPE_PATRONYMIC : 0);
    }

    // Typo table: each word and its single-character deletions, so edit distance one (and most transpositions and
    // substitutions, which are one deletion on each side) meet in a shared key.
    const typoKeys = new IntBuffer();
    const typoIds = new IntBuffer();
    const phoneticKeys = new IntBuffer();
    const phoneticIds = new IntBuffer();
    const abjadKeys = new IntBuffer();
    const abjadIds = new IntBuffer();
    // Folded table: words by the spelling their romanisation folds to ("alexey" and "aleksei" both "alexai").
    const foldedKeys = new IntBuffer();
    const foldedIds = new IntBuffer();
    for (let id = 0; id < vocab; id++) {
      if (isWord[id] !== 1) continue;
      const text = this.tokenText[id] as string;
      // A canonical spelling is also reachable from a typo of any spelling of its group ("allexander" → "aleksandr"),
      // a canonical patronymic from a typo of any of its forms ("viktorovyc" → "viktorovych", read "viktorovich").
      const spellings = new Set<number>();
      for (const spelling of VARIANT_SPELLINGS.get(text) ?? PATRONYMIC_SPELLINGS.get(text) ?? [text]) for (const key of deletionKeys(spelling)) spellings.add(key);
      for (const key of spellings) {
        typoKeys.push(key);
        typoIds.push(id);
      }
      phoneticKeys.push(hashString(phoneticKey(text)));
      phoneticIds.push(id);
      const folded = foldedSpelling(text);
      if (folded !== text) {
        foldedKeys.push(hashString(folded));
        foldedIds.push(id);
      }
      const abjad = new Set<string>();
      for (const spelling of VARIANT_SPELLINGS.get(text) ?? [text]) {
        const key = latinAbjadKey(spelling);
        // A key of one class ("T" for "ewaz", "sayed") would fetch thousands of words: it is stored with the first
        // letter, which the reading narrows down (see lookUpReadings).
        if (key.length > 0) abjad.add(key.length < ABJAD_KEY_MIN_LENGTH ? shortAbjadKey(spelling.charAt(0), key) : key);
      }
      for (const key of abjad) {
        abjadKeys.push(hashString(key));
        abjadIds.push(id);
      }
    }
    this.typoTable = new HashPostings(new Uint32Array(typoKeys.data.buffer, 0, typoKeys.length), typoIds.data, typoKeys.length);
    this.phoneticTable = new HashPostings(new Uint32Array(phoneticKeys.data.buffer, 0, phoneticKeys.length), phoneticIds.data, phoneticKeys.length);
    this.foldedTable = new HashPostings(new Uint32Array(foldedKeys.data.buffer, 0, foldedKeys.length), foldedIds.data, foldedKeys.length);
    this.abjadTable = new HashPostings(new Uint32Array(abjadKeys.data.buffer, 0, abjadKeys.length), abjadIds.data, abjadKeys.length);

    const spellings: [string, number][] = [];
    for (let id = 0; id < vocab; id++) {
      if (isWord[id] !== 1) continue;
      const text = this.tokenText[id] as string;
      for (const spelling of VARIANT_SPELLINGS.get(text) ?? [text]) spellings.push([spelling, id]);
    }
    spellings.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.sortedSpellings = spellings.map(([s]) => s);
    this.sortedSpellingIds = Int32Array.from(spellings.map(([, id]) => id));

    this.touched = new Int32Array(this.nameCount);
    this.nameState = new Int32Array(2 * this.nameCount);
    this.touchedAccumulated = new Float32Array(this.nameCount);
  }

  memoryBytes(): number {
    const typed = [
      this.entityType, this.firstName, this.sortedSpellingIds, this.nameEntity, this.nameKind, this.nameTokenStart, this.nameTokens, this.nameTokenKinds,
      this.records, this.tokenWeight, this.postingStart, this.postings, this.nameShape, this.touched, this.touchedAccumulated, this.nameState,
    ].reduce((sum, a) => sum + a.byteLength, 0);
    // Interned strings: UTF-16 payload plus V8's per-string and per-Map-entry overhead (roughly 40 bytes).
    const strings = this.tokenText.reduce((sum, t) => sum + 2 * t.length + 40, 0) + 8 * this.sortedSpellings.length;
    return typed + strings + this.typoTable.bytes() + this.phoneticTable.bytes() + this.foldedTable.bytes() + this.abjadTable.bytes();
  }

  screen(query: ScreeningQuery, options: ScreenOptions): NameMatch[] {
    const { tokens, dropped, hasLegalForm, abjad, orderedPairs, hangul, han } = tokenizeName(query.name);
    // Arabic script: a word glued where the script shows no gap retrieves through both halves ("ظاهرعويس"). Looked for
    // only once some word reads as no listed word.
    let gluedInQuery: GluedWord[] | undefined;
    const gluedHalves = (text: string): { id: number; similarity: number }[] =>
      this.gluedWordMatches(text, (gluedInQuery ??= gluedWords(query.name, (word) => this.readsAsListedWord(word))));
    // A name romanised here may have been read as a known spelling that its listing does not use (see lookup).
    const transliterated = hasTransliterableScript(query.name);
    let touchedCount = 0;

    // Query weights: a known word weighs what it weighs in the list; an unknown one what its best look-alike weighs.
    const units: RetrievalUnit[] = [];
    // Whether a query word was found as two listed words; only then can a listed name align more weight than the query.
    let splitWords = false;
    const similarityCache: Map<number, number>[] = tokens.map(() => new Map());
    // Per query token, the listed words its look-up met (see pairSimilarity).
    const lookedUp: (readonly { id: number; similarity: number }[] | undefined)[] = [];
    const lastWord = tokens.reduce((last, t, i) => (t.kind === 'word' ? i : last), -1);
    const queryTokens: QueryToken[] = tokens.map((t, i) => {
      if (!RETRIEVABLE_KIND[t.kind]) return { text: t.text, kind: t.kind, weight: kindWeight(t.kind, 0), token: t };
      const looked = this.lookup(t.text, t.kind, i === lastWord, abjad, t.surface, transliterated);
      const read = hangul && t.kind === 'word' ? this.asKoreanSyllable(t.text, looked) : han && t.kind === 'word' ? looked.filter((m) => m.similarity === 1) : looked;
      const translated = t.translations !== undefined ? this.withTranslations(t.translations, read) : read;
      const matches = t.placeStems !== undefined ? this.withPlaces(t.placeStems, translated) : translated;
      lookedUp[i] = matches;
      const best = matches[0];
      const wordWeight = best !== undefined ? (this.tokenWeight[best.id] as number) : priorWeight(t.text);
      const weight = kindWeight(t.kind, wordWeight);
      const parts = t.kind === 'word' ? this.splitParts(t.text) : [];
      if (parts.length > 0) splitWords = true;
      const glued = abjad && t.kind === 'word' ? [...this.gluedArticleMatches(t.text), ...((matches[0]?.similarity ?? 0) < ABJAD_AGREEMENT_SIMILARITY ? gluedHalves(t.text) : [])] : NO_MATCHES;
      // Arabic script also glues words the listing writes apart in ways no split predicts ("خدايرحيم" / "KHUDAI RAHIM").
      if (glued.length > 0 || (abjad && t.text.length >= GLUED_ABJAD_MIN_LENGTH && (matches[0]?.similarity ?? 0) < 1)) splitWords = true;
      units.push({ weight, matches: parts.length === 0 && glued.length === 0 ? matches : [...matches, ...parts.map((id) => ({ id, similarity: 1 })), ...glued] });
      return { text: t.text, kind: t.kind, weight, token: t, surface: t.surface };
    });
    // Two query words written as one listed word ("sense time" → "sensetime").
    for (let i = 0; i + 1 < queryTokens.length; i++) {
      const a = queryTokens[i] as QueryToken;
      const b = queryTokens[i + 1] as QueryToken;
      if (!JOINABLE_KIND[a.kind] || !JOINABLE_KIND[b.kind]) continue;
      const matches: { id: number; similarity: number }[] = [];
      for (const [l, r] of joinedSpellings(a, b)) {
        const joined = canonicalWord(l + r);
        // A listed word only a letter or so longer than one part is that part ("muhammad m" is not "muhammadm").
        const minLength = Math.max(l.length, r.length) + 2;
        for (const { id } of abjad ? this.lookup(joined, 'word', false, true) : this.nearSpellings(joined)) {
          const listed = this.tokenText[id] as string;
          const similarity = han ? (listed === joined ? 1 : 0) : listed.length >= minLength ? joinedQuerySimilarity(l, r, joined, listed, MERGE_SIMILARITY_FLOOR, abjad) : 0;
          if (similarity > 0) matches.push({ id, similarity });
        }
      }
      if (matches.length > 0) units.push({ weight: a.weight + b.weight, matches });
    }
    // Arabic script: a compound around the article written as one listed word ("jlal al din" → "jalaluddin").
    if (abjad) {
      for (let i = 0; i + 2 < queryTokens.length; i++) {
        const [a, article, b] = [queryTokens[i], queryTokens[i + 1], queryTokens[i + 2]] as QueryToken[];
        if (a === undefined || !JOINABLE_KIND[a.kind] || article?.kind !== 'particle' || article.text !== 'al' || b?.kind !== 'word') continue;
        const matches = this.compoundMatches(a.text, b.text);
        if (matches.length > 0) units.push({ weight: a.weight + article.weight + b.weight, matches });
      }
    }
    const totalWeight = queryTokens.reduce((s, t) => s + t.weight, 0);
    // Tokens that retrieve nothing but may still align when scored (legal forms, particles, initials, or a word the list
    // only has as a legal form, like a leading "SA") are counted as if they matched every candidate.
    const lightWeight = queryTokens.reduce((s, t) => s + (!RETRIEVABLE_KIND[t.kind] || this.knownWithoutPostings(t.text) ? t.weight : 0), 0);

    // Accumulate, per name, the query weight its tokens could cover (an optimistic estimate, refined by scoring).
    // MaxScore: any name that can reach the minimum must contain a token of the "essential" units, chosen so that the
    // units left out weigh less than the minimum together; the longest posting lists are left out first. Essential
    // units walk their postings and find names; the others only add to names already found, by checking those names'
    // few tokens instead of walking a long list such as "muhammad".
    const reachable = options.threshold - (query.birthDate !== undefined || query.country !== undefined ? MAX_ATTRIBUTE_BONUS : 0);
    const fanOut = splitWords ? 2 : 1;
    // Query patronymics may cost less unmatched (QUERY_PATRONYMIC_UNMATCHED_FACTOR): bounds assume they do.
    const patronymicDiscount = queryTokens.reduce((s, t) => s + (isPatronymic(t) ? t.weight * (QUERY_UNMATCHED_FACTOR - QUERY_PATRONYMIC_UNMATCHED_FACTOR) : 0), 0);
    const minAccumulated = minimumCoverage(reachable, fanOut, totalWeight, patronymicDiscount) - lightWeight;
    const postingLength = (unit: RetrievalUnit): number =>
      unit.matches.reduce((sum, { id }) => sum + this.postingCount(id), 0);
    const ordered = units.map((unit) => ({ unit, length: postingLength(unit) })).sort((a, b) => b.length - a.length);
    let leftOut = 0;
    const essential: RetrievalUnit[] = [];
    const optional: RetrievalUnit[] = [];
    for (const { unit } of ordered) {
      if (leftOut + unit.weight < minAccumulated) {
        leftOut += unit.weight;
        optional.push(unit);
      } else essential.push(unit);
    }
    // Essential units walk their postings into per-name sums. Within a unit a name counts once, at its best
    // similarity: matches are walked best first and a name already met by the unit is skipped.
    const accumulated = this.touchedAccumulated;
    const state = this.nameState;
    const firstEpoch = this.nextEpochs(essential.length);
    for (let u = 0; u < essential.length; u++) {
      const unit = essential[u] as RetrievalUnit;
      const epoch = firstEpoch + u;
      for (const { id, similarity } of bestFirst(unit.matches)) {
        const gain = unit.weight * similarity;
        for (let p = this.postingStart[id] as number, end = this.postingStart[id + 1] as number; p < end; p++) {
          const n = this.postings[p] as number;
          const seen = state[2 * n] as number;
          if (seen === epoch) continue;
          state[2 * n] = epoch;
          if (seen < firstEpoch) {
            state[2 * n + 1] = touchedCount;
            this.touched[touchedCount] = n;
            accumulated[touchedCount++] = gain;
          } else {
            const k = state[2 * n + 1] as number;
            accumulated[k] = (accumulated[k] as number) + gain;
          }
        }
      }
    }
    // Names that cannot reach the threshold even with every optional unit are dropped before those units are checked.
    let kept = 0;
    for (let k = 0; k < touchedCount; k++) {
      const n = this.touched[k] as number;
      const best = (accumulated[k] as number) + leftOut;
      if (best < minAccumulated) continue;
      const bound = this.nameBound(n, Math.min(totalWeight, best + lightWeight), totalWeight, fanOut, patronymicDiscount);
      if (bound >= reachable) {
        this.touched[kept] = n;
        state[2 * n + 1] = kept;
        accumulated[kept++] = accumulated[k] as number;
      }
    }
    touchedCount = kept;
    for (const unit of optional) this.addToTouchedNames(unit, touchedCount);

    const queryType = query.type;
    const excludedTypes = excludedEntityTypes(queryType);
    // A name is scored only if the best score its retrieved tokens allow can reach the threshold once dates and
    // countries have added what they can.
    const candidates: { name: number; estimate: number }[] = [];
    for (let k = 0; k < touchedCount; k++) {
      const n = this.touched[k] as number;
      const acc = this.touchedAccumulated[k] as number;
      if (acc < minAccumulated) continue;
      if (excludedTypes.size > 0 && excludedTypes.has(this.entityType[this.nameEntity[n] as number] as number)) continue;
      const estimate = this.nameBound(n, Math.min(totalWeight, acc + lightWeight), totalWeight, fanOut, patronymicDiscount);
      if (estimate >= reachable) candidates.push({ name: n, estimate });
    }
    candidates.sort((a, b) => b.estimate - a.estimate || a.name - b.name);
    const maxNamesScored = options.maxNamesScored ?? MAX_NAMES_SCORED;
    if (candidates.length > maxNamesScored) candidates.length = maxNamesScored;

    // Score names; keep each entity's best.
    const bestByEntity = new Map<number, { name: number; alignment: NameAlignment; candidate: WeightedToken[] }>();
    const scoreName = (n: number): void => {
      const candidate = this.weightedTokens(n);
      const alignment = alignNames(queryTokens, candidate, (i, j) => this.pairSimilarity(queryTokens, lookedUp, similarityCache, i, candidate, n, j, abjad), abjad, orderedPairs, han);
      const e = this.nameEntity[n] as number;
      const best = bestByEntity.get(e);
      if (best === undefined || betterNameMatch(alignment, n, best.alignment, best.name)) bestByEntity.set(e, { name: n, alignment, candidate });
    };
    // Without attributes that can raise or lower a score, a name's final score is its name score, so once `limit`
    // entities score at least the next candidate's bound, no later candidate can enter the results.
    const finalIsNameScore =
      query.birthDate === undefined && query.country === undefined && query.type === undefined && (query.identifiers ?? []).length === 0 && !hasLegalForm;
    for (let k = 0; k < candidates.length; k++) {
      const c = candidates[k] as { name: number; estimate: number };
      if (finalIsNameScore && k >= options.limit && k % EARLY_STOP_CHECK_EVERY === 0) {
        let atLeast = 0;
        for (const best of bestByEntity.values()) if (best.alignment.score >= c.estimate) atLeast++;
        if (atLeast >= options.limit) break;
      }
      scoreName(c.name);
    }
    // Identifiers retrieve their entities whatever the names say.
    for (const q of query.identifiers ?? []) {
      for (const e of this.identifierEntities.get(normalizeIdentifier(q.value)) ?? []) {
        if (bestByEntity.has(e)) continue;
        for (let n = this.firstName[e] as number; n < (this.firstName[e + 1] as number); n++) scoreName(n);
      }
    }

    const results: { entity: number; name: number; score: number; alignment: NameAlignment; candidate: WeightedToken[]; sentences: string[] }[] = [];
    const hasIdentifiers = (query.identifiers ?? []).length > 0;
    for (const [e, best] of bestByEntity) {
      if (!hasIdentifiers && best.alignment.score < reachable) continue;
      const entity = this.entities[e] as MatchableEntity;
      const verdict = applyEntitySignals(best.alignment.score, best.alignment.cap !== undefined, query, hasLegalForm, entity);
      if (verdict.excluded || verdict.score < options.threshold) continue;
      results.push({ entity: e, name: best.name, score: verdict.score, alignment: best.alignment, candidate: best.candidate, sentences: verdict.sentences });
    }
    results.sort((a, b) => b.score - a.score || a.entity - b.entity);
    return results.slice(0, Math.max(0, options.limit)).map((r) => {
      const matchedName = this.nameValue[r.name] as string;
      const matchedNameKind = NAME_KINDS[this.nameKind[r.name] as number] as NameKind;
      const listedTokens = tokenizeName(matchedName).tokens;
      const explanation = [
        ...explainNameAlignment(tokens, listedTokens, r.candidate, r.alignment, matchedName, matchedNameKind, dropped, abjad, hangul),
        ...r.sentences,
        verdictSentence(r.score, options.threshold),
      ];
      return { entityId: (this.entities[r.entity] as MatchableEntity).id, matchedName, matchedNameKind, score: round(r.score), explanation };
    });
  }

  /** A word's look-up with the English words listings translate it to ("zavod" → "plant", "shbkh" → "network"), best first. */
  private withTranslations(translations: readonly string[], looked: readonly { id: number; similarity: number }[]): readonly { id: number; similarity: number }[] {
    const ids = translations.map((english) => this.tokenIds.get(english)).filter((id): id is number => id !== undefined);
    return withRaised(looked, ids, TRANSLATION_SIMILARITY);
  }

  /** A Russian place adjective's look-up with the listed words its place names meet ("tambovskiy" → "tambov"). */
  private withPlaces(stems: readonly string[], looked: readonly { id: number; similarity: number }[]): readonly { id: number; similarity: number }[] {
    const ids = stems.flatMap((stem) => this.lookup(stem, 'word', false, false).filter((m) => m.similarity >= CONFIDENT_SIMILARITY).map((m) => m.id));
    return withRaised(looked, ids, PLACE_ADJECTIVE_SIMILARITY);
  }

  /** Whether a word of a query in Arabic script reads as a listed word letter for letter, or in translation. */
  private readsAsListedWord(word: NameToken): boolean {
    return (this.arabicWordMatches(word)[0]?.similarity ?? 0) >= ABJAD_AGREEMENT_SIMILARITY;
  }

  /** An Arabic-script word's look-up with its translations. */
  private arabicWordMatches(word: NameToken): readonly { id: number; similarity: number }[] {
    const looked = this.lookup(word.text, 'word', false, true);
    return word.translations !== undefined ? this.withTranslations(word.translations, looked) : looked;
  }

  /** The listed words that read the halves of a query word glued after a non-joining letter (see gluedWords). */
  private gluedWordMatches(skeleton: string, glued: readonly GluedWord[]): { id: number; similarity: number }[] {
    const split = glued.find((g) => g.word === skeleton);
    if (split === undefined) return [];
    return [...split.parts[0], ...split.parts[1]].flatMap((word) => this.arabicWordMatches(word).filter((m) => m.similarity >= ABJAD_AGREEMENT_SIMILARITY));
  }

  /**
   * Vocabulary tokens similar to a query token, best first: the exact token, typo-table and phonetic look-alikes, for a
   * word romanised from another script also look-alikes of its written form, for an Arabic or Hebrew skeleton the
   * spellings it reads as, and, for the query's last word, words it is a truncation of. Each comes with its similarity.
   */
  private lookup(
    text: string,
    kind: TokenKind,
    isLastWord: boolean,
    abjad: boolean,
    surface = text,
    transliterated = false,
  ): readonly { id: number; similarity: number }[] {
    const writtenForm = (isLastWord || transliterated) && surface !== text;
    const cache = this.lookupCaches[KIND_CODE[kind] * 16 + (isLastWord ? 8 : 0) + (transliterated ? 4 : 0) + (writtenForm ? 2 : 0) + (abjad ? 1 : 0)] as Map<string, readonly { id: number; similarity: number }[]>;
    const cacheKey = writtenForm ? `${surface}|${text}` : text;
    const cached = cache.get(cacheKey);
    if (cached !== undefined) return cached;
    const result = this.lookupUncached(text, kind, isLastWord, abjad, surface, transliterated);
    if (this.lookupCacheSize >= LOOKUP_CACHE_LIMIT) {
      for (const c of this.lookupCaches) c.clear();
      this.lookupCacheSize = 0;
    }
    cache.set(cacheKey, result);
    this.lookupCacheSize++;
    return result;
  }

  private lookupUncached(
    text: string,
    kind: TokenKind,
    isLastWord: boolean,
    abjad: boolean,
    surface: string,
    transliterated: boolean,
  ): { id: number; similarity: number }[] {
    const found = new Map<number, number>();
    const exact = this.tokenIds.get(text);
    if (exact !== undefined && this.postingStart[exact + 1] !== this.postingStart[exact]) found.set(exact, 1);
    if (kind === 'word') {
      const consider = (id: number): void => {
        if (found.has(id)) return;
        const similarity = wordSimilarity(text, this.tokenText[id] as string, abjad);
        found.set(id, similarity);
      };
      for (const key of deletionKeys(text)) this.typoTable.forEach(key, consider);
      this.phoneticTable.forEach(hashString(phoneticKey(text)), consider);
      // Long words may carry two slips ("sinouar"/"sinwar"): two deletions on the query side meet one on the list side.
      // Only for a word that found nothing at all, not even a sound-alike: a query's unknown words mostly find some
      // weak neighbour, and probing every two-letter deletion of each would double the cost of a look-up.
      if (text.length >= MIN_DOUBLE_TYPO_LENGTH && found.size === 0) {
        for (const key of doubleDeletionKeys(text)) this.typoTable.forEach(key, consider);
      }
      // A known spelling read as its group's: the listing may spell the written form one slip off ("Yauhenavich" /
      // "YAUGENAVICH"), far from the canonical spelling ("evgenovich").
      if (surface !== text && ((transliterated && VARIANT_SPELLINGS.has(text)) || PATRONYMIC_SPELLINGS.has(text))) this.lookUpWrittenForm(surface, abjad, found);
      // A romanisation from another script may spell a sound as no listing does ("taukhid" for "tawhid"): look up the
      // folded spelling too, one slip from the listed word's.
      if (!abjad) {
        const folded = foldedSpelling(text);
        // Any query: a listed word whose romanisation folds to the same spelling ("aleksey" / "ALEXEY").
        this.foldedTable.forEach(hashString(folded), consider);
        if (transliterated && folded !== text) for (const key of deletionKeys(folded)) this.typoTable.forEach(key, consider);
      }
      if (abjad && text.length >= ABJAD_READING_MIN_LENGTH) this.lookUpReadings(text, found);
      if (isLastWord && text.length >= MIN_TRUNCATED_LENGTH) {
        this.forEachExtension(text, consider);
        // A cut word may have been read as a known spelling ("MOSTAFA" cut from "MOSTAFAVI" reads as "mustafa"):
        // look for what its written form begins too.
        if (surface !== text && surface.length >= MIN_TRUNCATED_LENGTH) this.forEachExtension(surface, (id) => {
          if (!found.has(id)) found.set(id, wordSimilarity(surface, this.tokenText[id] as string, abjad));
        });
      }
    }
    const out: { id: number; similarity: number }[] = [];
    for (const [id, similarity] of found) if (similarity > 0) out.push({ id, similarity });
    out.sort((a, b) => b.similarity - a.similarity);
    return out;
  }

  /**
   * A word romanised here and read as a known spelling ("Магомед" → "magomed" → "muhammad") may be listed under a
   * spelling outside its group a typo away from the romanisation ("MAGHOMED"): the written form is looked up too. Not
   * for Latin queries, where common names ("Mohamed") would fetch every listed typo of them on a large list.
   */
  private lookUpWrittenForm(surface: string, abjad: boolean, found: Map<number, number>): void {
    for (const key of deletionKeys(surface)) {
      this.typoTable.forEach(key, (id) => {
        const similarity = wordSimilarity(surface, this.tokenText[id] as string, abjad);
        if (similarity > (found.get(id) ?? 0)) found.set(id, similarity);
      });
    }
  }

  /**
   * An Arabic or Hebrew skeleton: every spelling sharing one of its coarse consonant keys is read letter by letter
   * (abjad-reading.ts). Only a faithful reading counts: the coarse key alone says little.
   */
  private lookUpReadings(skeleton: string, found: Map<number, number>): void {
    const read = (id: number): void => {
      if (found.has(id)) return;
      const listed = this.tokenText[id] as string;
      const spellings = VARIANT_SPELLINGS.get(listed) ?? [listed];
      found.set(id, spellings.some((spelling) => abjadSpells(skeleton, spelling)) ? wordSimilarity(skeleton, listed, true) : 0);
    };
    for (const key of abjadKeys(skeleton)) {
      if (key.length >= ABJAD_KEY_MIN_LENGTH) this.abjadTable.forEach(hashString(key), read);
      else if (key.length > 0) for (const first of abjadFirstLetters(skeleton)) this.abjadTable.forEach(hashString(shortAbjadKey(first, key)), read);
    }
  }

  /**
   * Listed words for the halves of an Arabic compound glued around the article ("abdalrhman" → "abdul", "abd",
   * "rahman"): retrieval hints, since listings often write the halves apart; scoring reads the compound as a whole.
   */
  private gluedArticleMatches(text: string): { id: number; similarity: number }[] {
    const parts = gluedArticleParts(text);
    if (parts === undefined) return [];
    const [before, after] = parts;
    return [...this.lookup(canonicalWord(`${before}al`), 'word', false, true), ...this.lookup(before, 'word', false, true), ...this.lookup(after, 'word', false, true)];
  }

  /**
   * Listed words at most one slip from a word (exact, or sharing a single-letter deletion), for two query words run
   * together: a join must be near identity (MERGE_SIMILARITY_FLOOR), so sound-alikes, two slips and truncations,
   * which a word's own look-up tries, cannot qualify and are not looked for.
   */
  private nearSpellings(word: string): readonly { id: number }[] {
    const cached = this.nearSpellingCache.get(word);
    if (cached !== undefined) return cached;
    const found = new Set<number>();
    for (const key of deletionKeys(word)) this.typoTable.forEach(key, (id) => found.add(id));
    const out: { id: number }[] = [];
    for (const id of found) if (this.postingStart[id + 1] !== this.postingStart[id]) out.push({ id });
    if (this.nearSpellingCache.size >= LOOKUP_CACHE_LIMIT) this.nearSpellingCache.clear();
    this.nearSpellingCache.set(word, out);
    return out;
  }

  /** Look-up results for a syllable written in Hangul, kept only where the listed word spells the same syllable. */
  private asKoreanSyllable(syllable: string, matches: readonly { id: number; similarity: number }[]): { id: number; similarity: number }[] {
    const out: { id: number; similarity: number }[] = [];
    for (const m of matches) {
      const similarity = koreanSyllableSimilarity(syllable, this.tokenText[m.id] as string);
      if (similarity > 0) out.push({ id: m.id, similarity });
    }
    return out;
  }

  /**
   * Listed words that read as an Arabic compound the query writes in three words around the article ("sd al din" →
   * "saduddin", "bin al shiba" → "binalshibh"), with their similarity.
   */
  private compoundMatches(before: string, after: string): { id: number; similarity: number }[] {
    const found = new Map<number, number>();
    const read = (id: number): void => {
      if (!found.has(id)) found.set(id, abjadSpellsCompound(before, after, this.tokenText[id] as string) ? ABJAD_AGREEMENT_SIMILARITY : 0);
    };
    for (const key of abjadCompoundKeys(before, after)) if (key.length >= ABJAD_KEY_MIN_LENGTH) this.abjadTable.forEach(hashString(key), read);
    const out: { id: number; similarity: number }[] = [];
    for (const [id, similarity] of found) if (similarity > 0) out.push({ id, similarity });
    return out;
  }

  /**
   * Known words that an unknown query word is two of, run together ("yonggil" → "yong", "gil"): retrieval hints only.
   * A common two-letter half is not walked, only the other ("transfoco" → "transfo", "co"): its postings are every
   * company's "co", and a name holding both halves is found through the other.
   */
  private splitParts(text: string): number[] {
    if (text.length < MIN_SPLIT_LENGTH || this.tokenIds.has(text)) return [];
    const parts: number[] = [];
    const walked = (part: string, id: number): boolean => part.length > MAX_COMMON_HALF_LENGTH || this.postingCount(id) * COMMON_HALF_SHARE <= this.nameCount;
    for (let k = MIN_SPLIT_PART; k <= text.length - MIN_SPLIT_PART; k++) {
      const left = this.tokenIds.get(text.slice(0, k));
      if (left === undefined) continue;
      const right = this.tokenIds.get(text.slice(k));
      if (right === undefined) continue;
      if (walked(text.slice(0, k), left)) parts.push(left);
      if (walked(text.slice(k), right)) parts.push(right);
    }
    return parts;
  }

  private postingCount(id: number): number {
    return (this.postingStart[id + 1] as number) - (this.postingStart[id] as number);
  }

  /** Words starting with `prefix`, found by binary search in the sorted vocabulary; skipped when there are too many. */
  private forEachExtension(prefix: string, visit: (id: number) => void): void {
    const sorted = this.sortedSpellings;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    // The first word past the prefix's range, found by a second search: a common prefix is rejected without a scan.
    const last = prefix + '\uffff';
    let end = lo;
    hi = sorted.length;
    while (end < hi) {
      const mid = (end + hi) >> 1;
      if ((sorted[mid] as string) < last) end = mid + 1;
      else hi = mid;
    }
    if (end - lo > MAX_TRUNCATION_EXTENSIONS) return;
    for (let k = lo; k < end; k++) visit(this.sortedSpellingIds[k] as number);
  }

  /**
   * Adds a unit's gain to the names already found that contain one of its tokens: by walking the unit's postings
   * when they are not much longer than the found names, otherwise by checking each found name's tokens.
   */
  private addToTouchedNames(unit: RetrievalUnit, touchedCount: number): void {
    let postings = 0;
    for (const { id } of unit.matches) postings += this.postingCount(id);
    if (postings <= touchedCount * WALK_RATIO) this.walkIntoTouchedNames(unit, touchedCount);
    else this.checkTouchedNames(unit, touchedCount);
  }

  private walkIntoTouchedNames(unit: RetrievalUnit, touchedCount: number): void {
    if (this.unitBest.length < touchedCount) this.unitBest = new Float32Array(this.touched.length);
    const best = this.unitBest;
    best.fill(0, 0, touchedCount);
    for (const { id, similarity } of unit.matches) {
      for (let p = this.postingStart[id] as number, end = this.postingStart[id + 1] as number; p < end; p++) {
        const n = this.postings[p] as number;
        const k = this.nameState[2 * n + 1] as number;
        if (k < touchedCount && this.touched[k] === n && similarity > (best[k] as number)) best[k] = similarity;
      }
    }
    for (let k = 0; k < touchedCount; k++) {
      if ((best[k] as number) > 0) this.touchedAccumulated[k] = (this.touchedAccumulated[k] as number) + unit.weight * (best[k] as number);
    }
  }

  private checkTouchedNames(unit: RetrievalUnit, touchedCount: number): void {
    // The unit's token ids in a small open-addressing table (ids + 1, so 0 is empty), similarity alongside; a unit
    // of a few ids is scanned directly.
    const size = tableSize(unit.matches.length);
    if (unit.matches.length <= SMALL_UNIT) {
      this.addSmallUnit(unit, touchedCount);
      return;
    }
    const ids = new Int32Array(size);
    const sims = new Float32Array(size);
    for (const m of unit.matches) {
      let h = (m.id * 0x9e3779b1) & (size - 1);
      while (ids[h] !== 0 && ids[h] !== m.id + 1) h = (h + 1) & (size - 1);
      ids[h] = m.id + 1;
      sims[h] = Math.max(sims[h] as number, m.similarity);
    }
    const lookup = (id: number): number => {
      let h = (id * 0x9e3779b1) & (size - 1);
      for (;;) {
        const v = ids[h] as number;
        if (v === 0) return 0;
        if (v === id + 1) return sims[h] as number;
        h = (h + 1) & (size - 1);
      }
    };
    const records = this.records;
    for (let k = 0; k < touchedCount; k++) {
      const n = this.touched[k] as number;
      const at = RECORD * n;
      let best = 0;
      if (records[at + RECORD - 1] === OVERFLOW) {
        for (let t = this.nameTokenStart[n] as number, end = this.nameTokenStart[n + 1] as number; t < end; t++) best = Math.max(best, lookup(this.nameTokens[t] as number));
      } else {
        for (let slot = 0; slot < RECORD; slot++) {
          const id = records[at + slot] as number;
          if (id < 0) break;
          best = Math.max(best, lookup(id));
        }
      }
      if (best > 0) this.touchedAccumulated[k] = (this.touchedAccumulated[k] as number) + unit.weight * best;
    }
  }

  private addSmallUnit(unit: RetrievalUnit, touchedCount: number): void {
    const count = unit.matches.length;
    const ids = new Int32Array(count);
    const sims = new Float32Array(count);
    unit.matches.forEach((m, i) => {
      ids[i] = m.id;
      sims[i] = m.similarity;
    });
    const records = this.records;
    for (let k = 0; k < touchedCount; k++) {
      const n = this.touched[k] as number;
      const at = RECORD * n;
      let best = 0;
      const overflow = records[at + RECORD - 1] === OVERFLOW;
      const from = overflow ? (this.nameTokenStart[n] as number) : at;
      const to = overflow ? (this.nameTokenStart[n + 1] as number) : at + RECORD;
      const source = overflow ? this.nameTokens : records;
      for (let t = from; t < to; t++) {
        const id = source[t] as number;
        if (id < 0) break;
        for (let i = 0; i < count; i++) if (ids[i] === id && (sims[i] as number) > best) best = sims[i] as number;
      }
      if (best > 0) this.touchedAccumulated[k] = (this.touchedAccumulated[k] as number) + unit.weight * best;
    }
  }

  /**
   * {@link scoreBound} for name n, from its shape byte. The byte only says the weight lies in [low, low + step), and
   * the bound peaks where the name's weight equals what the query can align (fanOut × matched), so the weight in
   * that interval nearest the peak is used: the bound stays an upper bound.
   */
  private nameBound(n: number, matched: number, queryWeight: number, fanOut: number, queryDiscount: number): number {
    const shape = this.nameShape[n] as number;
    const listedPatronymic = (shape & SHAPE_PATRONYMIC) !== 0;
    const factor = listedPatronymic ? PATRONYMIC_UNMATCHED_FACTOR : CANDIDATE_UNMATCHED_FACTOR;
    const steps = shape & SHAPE_WEIGHT_MASK;
    const low = steps * WEIGHT_STEP;
    const high = steps === SHAPE_WEIGHT_MASK ? Infinity : low + WEIGHT_STEP;
    // A query patronymic costs less unmatched only against a listed name without one (see alignNames).
    return scoreBound(matched, queryWeight, Math.min(Math.max(fanOut * matched, low), high), fanOut, factor, listedPatronymic ? 0 : queryDiscount);
  }

  /** `count` unit numbers not used before by this index; the first is returned. */
  private nextEpochs(count: number): number {
    if (this.epoch + count >= 0x7fffffff) {
      for (let n = 0; n < this.nameCount; n++) this.nameState[2 * n] = 0;
      this.epoch = 0;
    }
    const first = this.epoch + 1;
    this.epoch += count;
    return first;
  }

  private knownWithoutPostings(text: string): boolean {
    const id = this.tokenIds.get(text);
    return id !== undefined && this.postingStart[id + 1] === this.postingStart[id];
  }

  private weightedTokens(n: number): WeightedToken[] {
    const out: WeightedToken[] = [];
    for (let k = this.nameTokenStart[n] as number; k < (this.nameTokenStart[n + 1] as number); k++) {
      const id = this.nameTokens[k] as number;
      const kind = KIND_CODES[this.nameTokenKinds[k] as number] as TokenKind;
      out.push({ text: this.tokenText[id] as string, kind, weight: kindWeight(kind, this.tokenWeight[id] as number) });
    }
    return out;
  }

  private pairSimilarity(
    query: QueryToken[],
    lookedUp: readonly (readonly { id: number; similarity: number }[] | undefined)[],
    cache: Map<number, number>[],
    i: number,
    candidate: WeightedToken[],
    n: number,
    j: number,
    abjad: boolean,
  ): number {
    const q = query[i] as QueryToken;
    const c = candidate[j] as WeightedToken;
    const id = this.nameTokens[(this.nameTokenStart[n] as number) + j] as number;
    const key = id * 8 + KIND_CODE[c.kind];
    const memo = cache[i] as Map<number, number>;
    let s = memo.get(key);
    if (s === undefined) {
      const looked = lookedUp[i];
      const met = looked !== undefined && q.kind === c.kind ? this.similarities(looked).get(id) : undefined;
      // Two words the look-up did not pair (exact, one or two edits, same sound, truncation) are different words:
      // retrieval and scoring agree on what "similar" means, and no spelling is compared twice.
      // An Arabic-script word may still be read from a listed spelling one letter off, which no key retrieves.
      if (met !== undefined) s = met;
      else if (q.kind === 'word' && c.kind === 'word') s = abjad ? nearReadingSimilarity(q.text, c.text) : 0;
      else s = Math.max(tokenSimilarity(q.text, q.kind, c.text, c.kind, abjad), translationSimilarity(q.token.translations, c.text));
      memo.set(key, s);
    }
    return s;
  }

  /**
   * A look-up's similarities by listed word, built when a name is first scored against it and kept with the look-up
   * (cached look-ups repeat across queries; most queries score few names, so most look-ups never need it).
   */
  private similarities(looked: readonly { id: number; similarity: number }[]): ReadonlyMap<number, number> {
    let byId = this.similaritiesByLookup.get(looked);
    if (byId === undefined) {
      byId = new Map();
      for (const m of looked) if (!byId.has(m.id)) byId.set(m.id, m.similarity);
      this.similaritiesByLookup.set(looked, byId);
    }
    return byId;
  }
}

type ListedName = MatchableEntity['names'][number];
/** A name ending in a parenthesis: "HAQQANI NETWORK (HQN)", "جبهة النصرة (the Victory Front; Jabhat al-Nusrah)". */
const TRAILING_PARENTHESIS = /^(.*[^\s(])\s*\(([^()]+)\)\s*$/u;

/**
 * A listed name, and when it ends in a parenthesis also the name without it and each name inside it: lists put an
 * acronym or other names there, which a customer record never writes beside the name ("HAQQANI NETWORK").
 */
function withParentheticalForms(name: ListedName): ListedName[] {
  const m = TRAILING_PARENTHESIS.exec(name.value);
  if (m === null) return [name];
  const inside = (m[2] as string)
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((value): ListedName => ({ value, kind: 'alias' }));
  return [name, { value: (m[1] as string).trim(), kind: name.kind }, ...inside];
}

/** The table key of a one-class abjad key: the first letter and the class ("e:T"). */
function shortAbjadKey(first: string, key: string): string {
  return `${first}:${key}`;
}

/** Hashes of a word and of each single-character deletion (distinct). */
function deletionKeys(text: string): number[] {
  const keys = [hashString(text)];
  if (text.length < 3) return keys;
  const { prefix, power } = hashPrefixes(text);
  const n = text.length;
  for (let k = 0; k < n; k++) {
    if (k > 0 && text.charCodeAt(k) === text.charCodeAt(k - 1)) continue; // deleting either of a double letter is the same
    // hash(s without k) = hash(s[0..k)) * B^(n-k-1) + hash(s[k+1..n))
    keys.push((Math.imul(prefix[k] as number, power[n - k - 1] as number) + rangeHash(prefix, power, k + 1, n)) >>> 0);
  }
  return keys;
}

/** Hashes of a word with two characters deleted, for long query words only (repeats are harmless: lookups dedupe). */
function doubleDeletionKeys(text: string): number[] {
  const keys: number[] = [];
  const { prefix, power } = hashPrefixes(text);
  const n = text.length;
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      // s[0..a) · s[a+1..b) · s[b+1..n)
      const left = Math.imul(prefix[a] as number, power[n - a - 2] as number);
      const middle = Math.imul(rangeHash(prefix, power, a + 1, b), power[n - b - 1] as number);
      keys.push((left + middle + rangeHash(prefix, power, b + 1, n)) >>> 0);
    }
  }
  return keys;
}

/**
 * Whether the tokens from `start` to the end of `tokens` (a name being added) repeat, kind for kind, one of names
 * first .. end-1 already added (the entity's earlier names).
 */
function sameAsEarlierName(tokens: IntBuffer, kinds: IntBuffer, nameStart: IntBuffer, first: number, end: number, start: number): boolean {
  const length = tokens.length - start;
  for (let n = first; n < end; n++) {
    const from = nameStart.data[n] as number;
    const to = n + 1 < end ? (nameStart.data[n + 1] as number) : start;
    if (to - from !== length) continue;
    let same = true;
    for (let k = 0; k < length && same; k++) same = tokens.data[from + k] === tokens.data[start + k] && kinds.data[from + k] === kinds.data[start + k];
    if (same) return true;
  }
  return false;
}

/** A power of two at least twice `count` (open addressing stays short). */
function tableSize(count: number): number {
  let size = 8;
  while (size < count * 2) size <<= 1;
  return size;
}

/**
 * The highest name score a listed name can reach when `matched` of the query's `queryWeight` could align: as if every
 * aligned pair were exact and the listed name's aligned weight were as large as it can be (`fanOut` times the query's:
 * one listed word per query word, two when a query word was found split in two), the rest of the listed name counting
 * as unmatched at the smallest factor it can cost.
 */
function scoreBound(matched: number, queryWeight: number, nameWeight: number, fanOut: number, unmatchedFactor: number, queryDiscount: number): number {
  const listedMatched = Math.min(nameWeight, fanOut * matched);
  const denominator = matched + QUERY_UNMATCHED_FACTOR * (queryWeight - matched) - queryDiscount + listedMatched + unmatchedFactor * (nameWeight - listedMatched);
  return denominator > 0 ? (matched + listedMatched) / denominator : 0;
}

/**
 * The least query weight a name must cover to reach `score`: {@link scoreBound} is highest when the listed name is
 * exactly the aligned part, (1 + f) m / ((1 + f) m + QUERY_UNMATCHED_FACTOR (W − m) − D); solved for m. Without a
 * discount D, at the default threshold 0.83 that is 0.66 of the query's weight W (0.57 when a query word was split).
 */
function minimumCoverage(score: number, fanOut: number, queryWeight: number, queryDiscount: number): number {
  if (score <= 0) return 0;
  return (score * (QUERY_UNMATCHED_FACTOR * queryWeight - queryDiscount)) / ((1 + fanOut) * (1 - score) + score * QUERY_UNMATCHED_FACTOR);
}

/** A look-up (best first) with more listed words met at `similarity`, unless already met better; best first. */
function withRaised(looked: readonly { id: number; similarity: number }[], ids: readonly number[], similarity: number): readonly { id: number; similarity: number }[] {
  const found = new Map(looked.map((m) => [m.id, m.similarity]));
  let changed = false;
  for (const id of ids) {
    if ((found.get(id) ?? 0) >= similarity) continue;
    found.set(id, similarity);
    changed = true;
  }
  return changed ? [...found].map(([id, s]) => ({ id, similarity: s })).sort((a, b) => b.similarity - a.similarity) : looked;
}

/**
 * Whether one name of an entity shows the match better than another: a higher score; at an equal score, the name
 * written as the query writes it (more word-for-word pairs: "ARVAN CLOUD" over "ARVANCLOUD"), then the name listed
 * first (primary names come first), whatever order retrieval found them in.
 */
function betterNameMatch(alignment: NameAlignment, name: number, other: NameAlignment, otherName: number): boolean {
  if (alignment.score !== other.score) return alignment.score > other.score;
  if (alignment.edges.length !== other.edges.length) return alignment.edges.length > other.edges.length;
  return name < otherName;
}

/** A unit's matches best first (most already are: a look-up's are; joins and glued halves append theirs). */
function bestFirst(matches: readonly { id: number; similarity: number }[]): readonly { id: number; similarity: number }[] {
  for (let i = 1; i < matches.length; i++) {
    if ((matches[i] as { similarity: number }).similarity > (matches[i - 1] as { similarity: number }).similarity) {
      return [...matches].sort((a, b) => b.similarity - a.similarity);
    }
  }
  return matches;
}

function excludedEntityTypes(queryType: EntityType | undefined): Set<number> {
  const excluded = new Set<number>();
  if (queryType === 'person') excluded.add(ENTITY_TYPES.indexOf('vessel')).add(ENTITY_TYPES.indexOf('aircraft'));
  if (queryType === 'vessel' || queryType === 'aircraft') excluded.add(ENTITY_TYPES.indexOf('person'));
  return excluded;
}

function round(score: number): number {
  return Math.round(score * 10000) / 10000;
}
