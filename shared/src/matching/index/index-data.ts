import { ENTITY_TYPES, NAME_KINDS } from '../../lists/entity-model';
import { abjadKeys, latinAbjadKey } from '../normalize/abjad-keys';
import { abjadFirstLetters } from '../normalize/abjad-reading';
import { normalizeIdentifier, MIN_IDENTIFIER_LENGTH } from '../signals/identifier-signal';
import { CANDIDATE_UNMATCHED_FACTOR, isPatronymic, PATRONYMIC_UNMATCHED_FACTOR } from '../score/name-alignment';
import { PATRONYMIC_SPELLINGS, VARIANT_SPELLINGS } from '../normalize/name-vocabulary';
import { CYRILLIC_LETTER } from '../normalize/transliterate';
import { ABJAD_SCRIPT, tokenizeName, type NameToken, type TokenKind } from '../normalize/normalize-name';
import { phoneticKey } from '../signals/phonetic-key';
import { READING_CLASS_MIN_KEY, readingClassKeys } from '../signals/reading-class-key';
import { abjadNameForms } from './abjad-compounds';
import { withParentheticalForms } from './parenthetical-forms';
import { cyrillicReadingTable } from './cyrillic-reading-table';
import { ListedWords } from './listed-translations';
import { AcronymPostings } from './acronym-postings';
import { deletionKeys, hashString, HashPostings, IntBuffer } from './postings';
import { foldedSpelling } from '../signals/token-similarity';
import { kindWeight, listWeight } from '../signals/token-weights';
import type { MatchableEntity } from '../types';

/** Token-id slots per name record (32 bytes, half a cache line); see InMemoryMatchIndex.records. */
export const RECORD = 8;
/** Name weights in the shape byte are counted in these steps (7 bits: up to 6.35; heavier names are "6.35 or more"). */
export const WEIGHT_STEP = 0.05;
export const SHAPE_WEIGHT_MASK = 0x7f;
export const SHAPE_PATRONYMIC = 0x80;
/** Marks a record whose name has more retrievable tokens than slots. */
export const OVERFLOW = -2;
/** Coarse abjad keys shorter than this (one consonant class: "T" for "tad", "sid", "zoe") are stored with the first letter. */
export const ABJAD_KEY_MIN_LENGTH = 2;

export const KIND_CODES: readonly TokenKind[] = ['word', 'number', 'legal', 'particle', 'initial'];
export const KIND_CODE: Record<TokenKind, number> = { word: 0, number: 1, legal: 2, particle: 3, initial: 4 };
/** Kinds a listed token is posted under: legal forms too, so a query word "SA" or "CO" finds names where it is the legal form. */
const POSTED_KIND: Record<TokenKind, boolean> = {
  word: true,
  number: true,
  legal: true,
  particle: false,
  initial: false,
};

/**
 * One list version, built for retrieval. Every name and alias is tokenised once; tokens are interned to integer ids
 * and names stored as runs of ids in typed arrays; an inverted index (token → names), a deletion-neighbourhood table
 * (typos at edit distance one), phonetic, folded and abjad keys, all over the vocabulary, so a query touches only
 * names sharing a (similar) token, never the whole list. Read-only once built.
 */
export class IndexData {
  readonly entityCount: number;
  readonly nameCount: number;
  readonly vocabularySize: number;

  readonly entities: MatchableEntity[];
  readonly entityType: Uint8Array;
  /** Names of entity e are firstName[e] .. firstName[e+1]-1 (names are stored entity by entity). */
  readonly firstName: Int32Array;
  readonly nameEntity: Int32Array;
  readonly nameKind: Uint8Array;
  readonly nameValue: string[];
  readonly nameTokenStart: Int32Array;
  readonly nameTokens: Int32Array;
  readonly nameTokenKinds: Uint8Array;

  readonly tokenIds: Map<string, number>;
  readonly tokenText: string[];
  readonly tokenWeight: Float32Array;
  readonly postingStart: Int32Array;
  readonly postings: Int32Array;
  readonly typoTable: HashPostings;
  readonly phoneticTable: HashPostings;
  readonly foldedTable: HashPostings;
  /** Reading-class keys (reading-class-key.ts) of every spelling, with one slip on long keys, for words read from another script. */
  readonly readingClassTable: HashPostings;
  /** Coarse consonant keys (abjad-reading.ts) of every spelling, so an Arabic or Hebrew skeleton finds the spellings it may read as. */
  readonly abjadTable: HashPostings;
  /**
   * The reverse: words of names written in Arabic or Hebrew script (skeletons) under the coarse keys of every reading
   * (abjadKeys), so a Latin spelling's key (latinAbjadKey) finds the listed skeletons it may be a reading of.
   */
  readonly skeletonTable: HashPostings;
  /** Words of names written in Cyrillic by their Cyrillic reading key, for Latin words of other romanisations. */
  readonly cyrillicReadingTable: HashPostings;
  /** The English words listed words of other scripts translate to, for English query words. */
  readonly translations = new ListedWords();
  /** The place names listed Russian place adjectives are built on, for query place names. */
  readonly placeStems = new ListedWords();
  /** Organisation names by the acronyms of their words, for a query word that abbreviates one. */
  readonly acronyms = new AcronymPostings();
  readonly identifierEntities: Map<string, number[]>;
  /**
   * Every spelling of every word in code-unit order (a canonical word also under each spelling of its variant group,
   * so "moham" finds "muhammad" through "mohammed"), with the word's token id: for prefix (truncation) lookups.
   */
  readonly sortedSpellings: string[];
  readonly sortedSpellingIds: Int32Array;

  /**
   * One 32-byte record per name holding its first eight retrievable token ids (-1 when fewer; the last slot is
   * OVERFLOW when there are more, meaning "read nameTokens"), so checking a found name's tokens reads one cache line
   * (on a million names retrieval is bound by memory latency, not arithmetic).
   */
  readonly records: Int32Array;
  /**
   * Per name, one byte for the retrieval bound (1 MB per million names, so it stays in cache): the name's total weight
   * in steps of WEIGHT_STEP, rounded down, in the low 7 bits; the high bit set when the name has a patronymic (its
   * unmatched tokens may cost as little as PATRONYMIC_UNMATCHED_FACTOR). See nameBound for how the rounding is undone.
   */
  readonly nameShape: Uint8Array;

  /**
   * `previous`, an index of an earlier version of the same lists, lends its names' tokens: tokenising is a pure
   * function of the name, so a name the previous index holds is not tokenised again (most names of a new version).
   */
  constructor(entities: MatchableEntity[], previous?: IndexData) {
    const tokensOf: (value: string) => readonly ListedToken[] = previous
      ? previous.tokenReader()
      : (value) => tokenizeName(value).tokens;
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
    // Token ids met in a name written in an abjad: their text is a consonant skeleton.
    const skeletonIds = new Set<number>();
    // ...and in a name written in Cyrillic: their text is the index's romanisation.
    const cyrillicIds = new Set<number>();
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
      const names =
        entity.names.length > 1
          ? [...entity.names].sort((a, b) => NAME_KINDS.indexOf(a.kind) - NAME_KINDS.indexOf(b.kind))
          : entity.names;
      for (const name of names.flatMap(withParentheticalForms)) {
        const written = tokensOf(name.value);
        if (written.length === 0) continue;
        const abjadName = ABJAD_SCRIPT.test(name.value);
        const cyrillicName = CYRILLIC_LETTER.test(name.value);
        // An Arabic-script name is also indexed with its compounds joined and articles glued, as Latin spellings write them.
        for (const nameTokens of abjadName ? abjadNameForms(written) : [written]) {
          const start = tokens.length;
          for (const t of nameTokens) {
            const id = intern(t.text);
            tokens.push(id);
            if (abjadName && t.kind === 'word') skeletonIds.add(id);
            if (cyrillicName && t.kind === 'word') cyrillicIds.add(id);
            tokenKinds.push(KIND_CODE[t.kind]);
          }
          // A name the entity already has, once normalised, is indexed once.
          if (
            sameAsEarlierName(tokens, tokenKinds, nameTokenStart, this.firstName[e] as number, nameEntity.length, start)
          ) {
            tokens.length = start;
            tokenKinds.length = start;
            continue;
          }
          if (entity.type !== 'person') this.acronyms.add(nameEntity.length, nameTokens);
          nameEntity.push(e);
          nameKind.push(NAME_KINDS.indexOf(name.kind));
          nameValue.push(name.value);
          nameTokenStart.push(start);
        }
        for (const t of written) {
          if (t.translations !== undefined) this.translations.add(intern(t.text), t.translations);
          if (t.placeStems !== undefined) this.placeStems.add(intern(t.text), t.placeStems);
        }
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
    for (let id = 0; id < vocab; id++)
      this.postingStart[id + 1] = (this.postingStart[id] as number) + (documentFrequency[id] as number);
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
    for (let id = 0; id < vocab; id++)
      this.tokenWeight[id] = listWeight(this.tokenText[id] as string, documentFrequency[id] as number, this.nameCount);

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
      this.nameShape[n] =
        Math.min(SHAPE_WEIGHT_MASK, Math.floor(total / WEIGHT_STEP)) |
        (factor === PATRONYMIC_UNMATCHED_FACTOR ? SHAPE_PATRONYMIC : 0);
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
    const readingKeys = new IntBuffer();
    const readingIds = new IntBuffer();
    for (let id = 0; id < vocab; id++) {
      if (isWord[id] !== 1) continue;
      const text = this.tokenText[id] as string;
      // A canonical spelling is also reachable from a typo of any spelling of its group ("allexander" → "aleksandr"),
      // a canonical patronymic from a typo of any of its forms ("viktorovyc" → "viktorovych", read "viktorovich").
      const spellings = new Set<number>();
      for (const spelling of VARIANT_SPELLINGS.get(text) ?? PATRONYMIC_SPELLINGS.get(text) ?? [text])
        for (const key of deletionKeys(spelling)) spellings.add(key);
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
      // Reading-class and abjad keys of every spelling of the word's group.
      const reading = new Set<number>();
      const abjad = new Set<string>();
      for (const spelling of VARIANT_SPELLINGS.get(text) ?? [text]) {
        for (const classes of readingClassKeys(spelling))
          for (const key of readingClassKeyHashes(classes)) reading.add(key);
        const key = spellingAbjadKey(spelling);
        if (key !== undefined) abjad.add(key);
      }
      for (const key of reading) {
        readingKeys.push(key);
        readingIds.push(id);
      }
      for (const key of abjad) {
        abjadKeys.push(hashString(key));
        abjadIds.push(id);
      }
    }
    const skeletonKeys = new IntBuffer();
    const skeletonIdBuffer = new IntBuffer();
    for (const id of skeletonIds) {
      for (const key of skeletonAbjadKeys(this.tokenText[id] as string)) {
        skeletonKeys.push(hashString(key));
        skeletonIdBuffer.push(id);
      }
    }
    this.skeletonTable = new HashPostings(
      new Uint32Array(skeletonKeys.data.buffer, 0, skeletonKeys.length),
      skeletonIdBuffer.data,
      skeletonKeys.length,
    );
    this.cyrillicReadingTable = cyrillicReadingTable(cyrillicIds, this.tokenText);
    this.typoTable = new HashPostings(
      new Uint32Array(typoKeys.data.buffer, 0, typoKeys.length),
      typoIds.data,
      typoKeys.length,
    );
    this.phoneticTable = new HashPostings(
      new Uint32Array(phoneticKeys.data.buffer, 0, phoneticKeys.length),
      phoneticIds.data,
      phoneticKeys.length,
    );
    this.foldedTable = new HashPostings(
      new Uint32Array(foldedKeys.data.buffer, 0, foldedKeys.length),
      foldedIds.data,
      foldedKeys.length,
    );
    this.readingClassTable = new HashPostings(
      new Uint32Array(readingKeys.data.buffer, 0, readingKeys.length),
      readingIds.data,
      readingKeys.length,
    );
    this.abjadTable = new HashPostings(
      new Uint32Array(abjadKeys.data.buffer, 0, abjadKeys.length),
      abjadIds.data,
      abjadKeys.length,
    );

    const spellings: [string, number][] = [];
    for (let id = 0; id < vocab; id++) {
      if (isWord[id] !== 1) continue;
      const text = this.tokenText[id] as string;
      for (const spelling of VARIANT_SPELLINGS.get(text) ?? [text]) spellings.push([spelling, id]);
    }
    spellings.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.sortedSpellings = spellings.map(([s]) => s);
    this.sortedSpellingIds = Int32Array.from(spellings.map(([, id]) => id));
  }

  /** Bytes of the built structures (typed arrays, interned strings, hash tables). */
  bytes(): number {
    const typed = [
      this.entityType,
      this.firstName,
      this.sortedSpellingIds,
      this.nameEntity,
      this.nameKind,
      this.nameTokenStart,
      this.nameTokens,
      this.nameTokenKinds,
      this.records,
      this.tokenWeight,
      this.postingStart,
      this.postings,
      this.nameShape,
    ].reduce((sum, a) => sum + a.byteLength, 0);
    // Interned strings: UTF-16 payload plus V8's per-string and per-Map-entry overhead (roughly 40 bytes).
    const strings = this.tokenText.reduce((sum, t) => sum + 2 * t.length + 40, 0) + 8 * this.sortedSpellings.length;
    return (
      typed +
      strings +
      this.typoTable.bytes() +
      this.phoneticTable.bytes() +
      this.foldedTable.bytes() +
      this.readingClassTable.bytes() +
      this.abjadTable.bytes() +
      this.skeletonTable.bytes() +
      this.cyrillicReadingTable.bytes() +
      this.acronyms.bytes()
    );
  }

  /**
   * Reads a name's tokens back from this index when it holds the name (the text and kind of each, all the build reads),
   * and tokenises it otherwise.
   */
  private tokenReader(): (
    value: string,
  ) => readonly { text: string; kind: TokenKind; translations?: readonly string[] }[] {
    const held = new Map<string, number>();
    for (let n = this.nameCount - 1; n >= 0; n--) held.set(this.nameValue[n] as string, n);
    return (value) => {
      const n = held.get(value);
      if (n === undefined) return tokenizeName(value).tokens;
      const tokens: ListedToken[] = [];
      for (let k = this.nameTokenStart[n] as number; k < (this.nameTokenStart[n + 1] as number); k++) {
        const id = this.nameTokens[k] as number;
        const translations = this.translations.of(id);
        const placeStems = this.placeStems.of(id);
        tokens.push({
          text: this.tokenText[id] as string,
          kind: KIND_CODES[this.nameTokenKinds[k] as number] as TokenKind,
          ...(translations === undefined ? {} : { translations }),
          ...(placeStems === undefined ? {} : { placeStems }),
        });
      }
      return tokens;
    };
  }

  postingCount(id: number): number {
    return (this.postingStart[id + 1] as number) - (this.postingStart[id] as number);
  }
}

/** What the build reads of a name's token. */
type ListedToken = Pick<NameToken, 'text' | 'kind' | 'translations' | 'placeStems'>;

/** The table key of a one-class abjad key: the first letter and the class ("e:T"). */
function shortAbjadKey(first: string, key: string): string {
  return `${first}:${key}`;
}

/**
 * The abjad-table key of a Latin spelling: its coarse consonant key. A key of one class ("T" for "ewaz", "sayed")
 * would fetch thousands of words, so it is kept with the spelling's first letter, which the reading narrows down.
 * Undefined when the spelling has no consonant key.
 */
export function spellingAbjadKey(spelling: string): string | undefined {
  const key = latinAbjadKey(spelling);
  if (key.length === 0) return undefined;
  return key.length < ABJAD_KEY_MIN_LENGTH ? shortAbjadKey(spelling.charAt(0), key) : key;
}

/** The table keys a skeleton's readings fall under: each coarse key, a one-class key with each first letter it reads as. */
export function skeletonAbjadKeys(skeleton: string): ReadonlySet<string> {
  const keys = new Set<string>();
  for (const key of abjadKeys(skeleton)) {
    if (key.length >= ABJAD_KEY_MIN_LENGTH) keys.add(key);
    else if (key.length > 0) for (const first of abjadFirstLetters(skeleton)) keys.add(shortAbjadKey(first, key));
  }
  return keys;
}

/**
 * Whether the tokens from `start` to the end of `tokens` (a name being added) repeat, kind for kind, one of names
 * first .. end-1 already added (the entity's earlier names).
 */
function sameAsEarlierName(
  tokens: IntBuffer,
  kinds: IntBuffer,
  nameStart: IntBuffer,
  first: number,
  end: number,
  start: number,
): boolean {
  const length = tokens.length - start;
  for (let n = first; n < end; n++) {
    const from = nameStart.data[n] as number;
    const to = n + 1 < end ? (nameStart.data[n + 1] as number) : start;
    if (to - from !== length) continue;
    let same = true;
    for (let k = 0; k < length && same; k++)
      same = tokens.data[from + k] === tokens.data[start + k] && kinds.data[from + k] === kinds.data[start + k];
    if (same) return true;
  }
  return false;
}

/** A reading-class key this long is also stored and looked up with one class deleted: one slip more than the classes fold. */
export const READING_CLASS_SLIP_MIN_KEY = 5;

/** The hashes a reading-class key is stored and looked up under: itself, and its one-class deletions when long enough. */
export function readingClassKeyHashes(key: string): number[] {
  if (key.length < READING_CLASS_MIN_KEY) return [];
  return key.length >= READING_CLASS_SLIP_MIN_KEY ? deletionKeys(key) : [hashString(key)];
}
