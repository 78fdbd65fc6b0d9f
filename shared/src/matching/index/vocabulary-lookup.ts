import { abjadCompoundKeys } from '../normalize/abjad-keys';
import {
  ABJAD_READING_MIN_LENGTH,
  abjadSpells,
  abjadSpellsCompound,
  gluedArticleParts,
} from '../normalize/abjad-reading';
import type { GluedWord } from '../normalize/glued-words';
import {
  ABJAD_KEY_MIN_LENGTH,
  KIND_CODE,
  readingClassKeyHashes,
  skeletonAbjadKeys,
  spellingAbjadKey,
  type IndexData,
} from './index-data';
import { PATRONYMIC_SPELLINGS, VARIANT_SPELLINGS } from '../normalize/name-vocabulary';
import { canonicalWord, type NameToken, type TokenKind } from '../normalize/normalize-name';
import { givenNameVariantsOf } from '../normalize/given-name-variants';
import { phoneticKey } from '../signals/phonetic-key';
import { jaroWinkler } from '../signals/jaro-winkler';
import {
  READING_CLASS_MIN_KEY,
  oneSlipNeighbours,
  scriptFoldedSpellings,
  queryReadingClassKeys,
  scriptQueryReadingKeys,
  scriptReadingKey,
  withinOneSlip,
} from '../signals/reading-class-key';
import { deletionKeys, doubleDeletionKeys, hashString } from './postings';
import {
  ABJAD_AGREEMENT_SIMILARITY,
  CONFIDENT_SIMILARITY,
  PLACE_ADJECTIVE_SIMILARITY,
  PHONETIC_AGREEMENT_SIMILARITY,
  TRANSLATION_SIMILARITY,
  foldedSpelling,
  wordSimilarity,
} from '../signals/token-similarity';
import { koreanSyllableSimilarity } from '../signals/korean-syllables';
import { lookUpCyrillicReadings } from './cyrillic-reading-table';
import { raiseSimilarity } from './raise-similarity';

/** A reading-class agreement is a sound-alike under the source script's letters: it counts as phonetic agreement does. */
const READING_CLASS_SIMILARITY = PHONETIC_AGREEMENT_SIMILARITY;
/** Splitting an unknown query word into two known words ("yonggil" → "yong" + "gil") is tried for words this long. */
const MIN_SPLIT_LENGTH = 5;
/** Shortest part a split may produce: shorter "words" are everywhere and would retrieve half the list. */
const MIN_SPLIT_PART = 2;
/** A split half this short and posted for more than 1 name in COMMON_HALF_SHARE is not walked (see splitParts). */
const MAX_COMMON_HALF_LENGTH = 2;
const COMMON_HALF_SHARE = 100;
/** Distinct query words whose look-ups are remembered; the cache is dropped when full (about 10 MB at most). */
const LOOKUP_CACHE_LIMIT = 50_000;
/** Look-up cache maps: a token kind (5) times four flags (16). */
const LOOKUP_CACHE_SLOTS = 5 * 16;
/**
 * Query words this long that find nothing else are also looked up with two deletions (edit distance up to three
 * against the list's one).
 */
const MIN_DOUBLE_TYPO_LENGTH = 6;
/**
 * A listed word whose key is one class off the query word's under its script's folds is kept only this alike in
 * spelling: such a pair is a typo at best, and a weaker one pairs different surnames ("vasilenko" / "vasinskyi", 0.75).
 */
const READING_CLASS_NEAR_MIN_SIMILARITY = 0.8;
/**
 * A listed spelling with the query word's very reading-class key needs only this much spelling similarity to meet it
 * at READING_CLASS_SIMILARITY: the key already says every consonant agrees up to the script's confusions, so what is
 * left is vowels the script adds or changes ("oregu" / "oleg" is 0.52).
 */
const READING_CLASS_AGREEMENT_MIN_SIMILARITY = 0.5;
/** ...or its spelling with the script's folds this alike ("reonid" / "leonid" in Hangul, both "reonit"). */
const READING_CLASS_FOLDED_MIN_SIMILARITY = 0.85;
/** ...and none when the shared key holds this many classes: four consonants agreeing in order are a reading. */
const READING_CLASS_SURE_KEY = 4;
/** A query's last word this long may be a truncation ("TESTKOMPL" for "TESTKOMPLEKT"), so words it begins are retrieved. */
const MIN_TRUNCATED_LENGTH = 4;
/** A prefix shared by more words than this is too unspecific to retrieve by (the typo table still applies). */
const MAX_TRUNCATION_EXTENSIONS = 64;

/**
 * The vocabulary look-ups of query words: which listed words a query word may be (exact, typo, sound, folded
 * romanisation, abjad reading, truncation, translation, split or joined), each with its similarity. Remembers its
 * look-ups: names repeat their words, and the index never changes once built.
 */
export class VocabularyLookup {
  /**
   * Vocabulary look-ups by query word: names repeat their words, and the index never changes once built. One map per
   * token kind and combination of look-up flags (see lookup), keyed by the word itself, a string the query already
   * holds, so no key is built per look-up.
   */
  private readonly lookupCaches = Array.from(
    { length: LOOKUP_CACHE_SLOTS },
    () => new Map<string, readonly { id: number; similarity: number }[]>(),
  );
  private lookupCacheSize = 0;
  /** The same per script of a query read out of another script (see lookUpReadingClasses). */
  private readonly readingCaches = new Map<string, Map<string, readonly { id: number; similarity: number }[]>[]>();

  private scriptCaches(script: string): Map<string, readonly { id: number; similarity: number }[]>[] {
    let caches = this.readingCaches.get(script);
    if (caches === undefined) {
      caches = Array.from({ length: LOOKUP_CACHE_SLOTS }, () => new Map());
      this.readingCaches.set(script, caches);
    }
    return caches;
  }
  /** The same for two query words run together (see nearSpellings). */
  private readonly nearSpellingCache = new Map<string, readonly { id: number }[]>();

  constructor(readonly ix: IndexData) {}

  /** A word's look-up with the English words listings translate it to ("zavod" → "plant", "shbkh" → "network"), best first. */
  withTranslations(
    translations: readonly string[],
    looked: readonly { id: number; similarity: number }[],
  ): readonly { id: number; similarity: number }[] {
    const ids = translations
      .map((english) => this.ix.tokenIds.get(english))
      .filter((id): id is number => id !== undefined);
    return withRaised(looked, ids, TRANSLATION_SIMILARITY);
  }

  /** A Russian place adjective's look-up with the listed words its place names meet ("tambovskiy" → "tambov"). */
  withPlaces(
    stems: readonly string[],
    looked: readonly { id: number; similarity: number }[],
  ): readonly { id: number; similarity: number }[] {
    const ids = stems.flatMap((stem) =>
      this.lookup(stem, 'word', false, false)
        .filter((m) => m.similarity >= CONFIDENT_SIMILARITY)
        .map((m) => m.id),
    );
    return withRaised(looked, ids, PLACE_ADJECTIVE_SIMILARITY);
  }

  /** Whether a word of a query in Arabic script reads as a listed word letter for letter, or in translation. */
  readsAsListedWord(word: NameToken): boolean {
    return (this.arabicWordMatches(word)[0]?.similarity ?? 0) >= ABJAD_AGREEMENT_SIMILARITY;
  }

  /** An Arabic-script word's look-up with its translations. */
  private arabicWordMatches(word: NameToken): readonly { id: number; similarity: number }[] {
    const looked = this.lookup(word.text, 'word', false, true);
    return word.translations !== undefined ? this.withTranslations(word.translations, looked) : looked;
  }

  /** The listed words that read the halves of a query word glued after a non-joining letter (see gluedWords). */
  gluedWordMatches(skeleton: string, glued: readonly GluedWord[]): { id: number; similarity: number }[] {
    const split = glued.find((g) => g.word === skeleton);
    if (split === undefined) return [];
    return [...split.parts[0], ...split.parts[1]].flatMap((word) =>
      this.arabicWordMatches(word).filter((m) => m.similarity >= ABJAD_AGREEMENT_SIMILARITY),
    );
  }

  /**
   * Vocabulary tokens similar to a query token, best first: the exact token, typo-table and phonetic look-alikes, for a
   * word romanised from another script also look-alikes of its written form, for an Arabic or Hebrew skeleton the
   * spellings it reads as, and, for the query's last word, words it is a truncation of. Each comes with its similarity.
   */
  lookup(
    text: string,
    kind: TokenKind,
    isLastWord: boolean,
    abjad: boolean,
    surface = text,
    transliterated = false,
    script?: string,
  ): readonly { id: number; similarity: number }[] {
    const writtenForm = (isLastWord || transliterated) && surface !== text;
    // The script decides which reading slips the look-up forgives (lookUpReadingClasses): its own caches.
    const caches = script === undefined ? this.lookupCaches : this.scriptCaches(script);
    const cache = caches[
      KIND_CODE[kind] * 16 + (isLastWord ? 8 : 0) + (transliterated ? 4 : 0) + (writtenForm ? 2 : 0) + (abjad ? 1 : 0)
    ] as Map<string, readonly { id: number; similarity: number }[]>;
    const cacheKey = writtenForm ? `${surface}|${text}` : text;
    const cached = cache.get(cacheKey);
    if (cached !== undefined) return cached;
    const result = this.lookupUncached(text, kind, isLastWord, abjad, surface, transliterated, script);
    if (this.lookupCacheSize >= LOOKUP_CACHE_LIMIT) {
      for (const c of this.lookupCaches) c.clear();
      this.readingCaches.clear();
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
    script: string | undefined,
  ): { id: number; similarity: number }[] {
    const found = new Map<number, number>();
    const exact = this.ix.tokenIds.get(text);
    if (exact !== undefined && this.ix.postingStart[exact + 1] !== this.ix.postingStart[exact]) found.set(exact, 1);
    if (kind === 'word') {
      const consider = (id: number): void => {
        if (found.has(id)) return;
        const similarity = wordSimilarity(text, this.ix.tokenText[id] as string, abjad);
        found.set(id, similarity);
      };
      for (const key of deletionKeys(text)) this.ix.typoTable.forEach(key, consider);
      this.ix.phoneticTable.forEach(hashString(phoneticKey(text)), consider);
      // Long words may carry two slips ("sinouar"/"sinwar"): two deletions on the query side meet one on the list side.
      // Only for a word that found nothing at all, not even a sound-alike: a query's unknown words mostly find some
      // weak neighbour, and probing every two-letter deletion of each would double the cost of a look-up.
      if (text.length >= MIN_DOUBLE_TYPO_LENGTH && found.size === 0) {
        for (const key of doubleDeletionKeys(text)) this.ix.typoTable.forEach(key, consider);
      }
      // A known spelling read as its group's: the listing may spell the written form one slip off ("Yauhenavich" /
      // "YAUGENAVICH"), far from the canonical spelling ("evgenovich").
      if (surface !== text && ((transliterated && VARIANT_SPELLINGS.has(text)) || PATRONYMIC_SPELLINGS.has(text)))
        this.lookUpWrittenForm(surface, abjad, found);
      // A romanisation from another script may spell a sound as no listing does ("taukhid" for "tawhid"): look up the
      // folded spelling too, one slip from the listed word's.
      if (!abjad) {
        const folded = foldedSpelling(text);
        // Any query: a listed word whose romanisation folds to the same spelling ("aleksey" / "ALEXEY").
        this.ix.foldedTable.forEach(hashString(folded), consider);
        if (transliterated && folded !== text)
          for (const key of deletionKeys(folded)) this.ix.typoTable.forEach(key, consider);
      }
      // A word read from another script may carry a slip that script's letters make (ts/ch, b/v, l/r): no deletion or
      // phonetic key is shared, so the reading-class key looks for it (decision 0034).
      if (script !== undefined && !abjad) this.lookUpReadingClasses(text, script, found);
      if (abjad && text.length >= ABJAD_READING_MIN_LENGTH) this.lookUpReadings(text, found);
      // A Latin word no listed spelling meets confidently may romanise a listed Cyrillic word by another system. Only
      // then: most query words meet their listed spelling, and reading their keys would cost every look-up.
      if (!abjad && !transliterated) lookUpCyrillicReadings(this.ix.cyrillicReadingTable, text, found);
      // An English word may translate a listed word of another script ("plant" / "zavod").
      // ...or name the place a listed Russian place adjective is built on ("kazan" / "kazanskiy").
      for (const id of this.ix.translations.listedFor(text) ?? []) raiseSimilarity(found, id, TRANSLATION_SIMILARITY);
      for (const id of this.ix.placeStems.listedFor(text) ?? []) raiseSimilarity(found, id, PLACE_ADJECTIVE_SIMILARITY);
      if (!abjad && this.ix.skeletonTable.size > 0) this.lookUpSkeletons(text, found);
      // A given name's other forms ("volodya" for "vladimir"): no spelling neighbour, so the bounds of retrieval would
      // prune the listed name before the scorer, which knows them, could see it.
      if (!abjad)
        for (const variant of givenNameVariantsOf(text)) {
          const id = this.ix.tokenIds.get(variant);
          if (id !== undefined) consider(id);
        }
      if (isLastWord && text.length >= MIN_TRUNCATED_LENGTH) {
        this.forEachExtension(text, consider);
        // A cut word may have been read as a known spelling ("MOSTAFA" cut from "MOSTAFAVI" reads as "mustafa"):
        // look for what its written form begins too.
        if (surface !== text && surface.length >= MIN_TRUNCATED_LENGTH)
          this.forEachExtension(surface, (id) => {
            if (!found.has(id)) found.set(id, wordSimilarity(surface, this.ix.tokenText[id] as string, abjad));
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
      this.ix.typoTable.forEach(key, (id) => {
        const similarity = wordSimilarity(surface, this.ix.tokenText[id] as string, abjad);
        if (similarity > (found.get(id) ?? 0)) found.set(id, similarity);
      });
    }
  }

  /**
   * Listed words sharing a retrieval reading-class key with a word read out of `script` (see above), judged by the
   * keys of that script's own folds: a listed spelling with the very key reads as the same word under the letters the
   * script confuses, so it meets the word as a sound-alike does (READING_CLASS_SIMILARITY) unless its spelling is
   * closer; one a class off keeps its spelling similarity, if alike enough; any other is a different word.
   */
  private lookUpReadingClasses(word: string, script: string, found: Map<number, number>): void {
    const own = scriptQueryReadingKeys(word, script);
    const ownNeighbours = oneSlipNeighbours(own);
    let ownSpellings: string[] | undefined;
    const foldedSimilarity = (listed: string): number => {
      ownSpellings ??= scriptFoldedSpellings(word, script, true);
      let best = 0;
      for (const l of scriptFoldedSpellings(listed, script, false))
        for (const o of ownSpellings) best = Math.max(best, jaroWinkler(o, l));
      return best;
    };
    for (const key of queryReadingClassKeys(word, script))
      for (const hash of readingClassKeyHashes(key))
        this.ix.readingClassTable.forEach(hash, (id) => {
          // A word the spelling look-ups met is kept at what they said, unless they said "different" (0).
          if ((found.get(id) ?? 0) > 0) return;
          const listed = this.ix.tokenText[id] as string;
          // The script's keys first: most words the wide key retrieves differ under them, and cost no spelling test.
          let sure = false;
          let short: string | undefined;
          let near = false;
          for (const s of VARIANT_SPELLINGS.get(listed) ?? [listed]) {
            const k = scriptReadingKey(s, script);
            if (own.includes(k)) {
              if (k.length >= READING_CLASS_SURE_KEY) sure = true;
              else if (k.length >= READING_CLASS_MIN_KEY) short ??= s;
            }
            near ||= withinOneSlip(ownNeighbours, k);
          }
          if (!sure && short === undefined && !near) return;
          const spelling = wordSimilarity(word, listed, false);
          const agrees =
            sure ||
            (short !== undefined &&
              (spelling >= READING_CLASS_AGREEMENT_MIN_SIMILARITY ||
                foldedSimilarity(short) >= READING_CLASS_FOLDED_MIN_SIMILARITY));
          if (agrees) found.set(id, Math.max(spelling, READING_CLASS_SIMILARITY));
          else if (near && spelling >= READING_CLASS_NEAR_MIN_SIMILARITY) found.set(id, spelling);
        });
  }

  /**
   * The reverse of lookUpReadings, for a Latin word against names listed in Arabic or Hebrew script: every listed
   * skeleton sharing the coarse key of one of the word's spellings is read letter by letter as that spelling, and met
   * as an Arabic-script query word would meet the spelling. Without it a Latin query never reads a listed skeleton
   * ("hassan" / حسن "hsn"), since the Latin rules only compare spellings.
   */
  private lookUpSkeletons(word: string, found: Map<number, number>): void {
    // Each spelling reads only the skeletons under its own key: one reading per hit, not one per spelling of the group.
    for (const spelling of VARIANT_SPELLINGS.get(word) ?? [word]) {
      const key = spellingAbjadKey(spelling);
      if (key === undefined) continue;
      this.ix.skeletonTable.forEach(hashString(key), (id) => {
        if ((found.get(id) ?? 0) >= ABJAD_AGREEMENT_SIMILARITY) return;
        const skeleton = this.ix.tokenText[id] as string;
        if (skeleton.length < ABJAD_READING_MIN_LENGTH || !abjadSpells(skeleton, spelling)) return;
        found.set(id, Math.max(found.get(id) ?? 0, wordSimilarity(skeleton, word, true)));
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
      const listed = this.ix.tokenText[id] as string;
      const spellings = VARIANT_SPELLINGS.get(listed) ?? [listed];
      found.set(
        id,
        spellings.some((spelling) => abjadSpells(skeleton, spelling)) ? wordSimilarity(skeleton, listed, true) : 0,
      );
    };
    for (const key of skeletonAbjadKeys(skeleton)) this.ix.abjadTable.forEach(hashString(key), read);
  }

  /**
   * Listed words for the halves of an Arabic compound glued around the article ("abdalrhman" → "abdul", "abd",
   * "rahman"): retrieval hints, since listings often write the halves apart; scoring reads the compound as a whole.
   */
  gluedArticleMatches(text: string): { id: number; similarity: number }[] {
    const parts = gluedArticleParts(text);
    if (parts === undefined) return [];
    const [before, after] = parts;
    return [
      ...this.lookup(canonicalWord(`${before}al`), 'word', false, true),
      ...this.lookup(before, 'word', false, true),
      ...this.lookup(after, 'word', false, true),
    ];
  }

  /**
   * Listed words at most one slip from a word (exact, or sharing a single-letter deletion), for two query words run
   * together: a join must be near identity (MERGE_SIMILARITY_FLOOR), so sound-alikes, two slips and truncations,
   * which a word's own look-up tries, cannot qualify and are not looked for.
   */
  nearSpellings(word: string): readonly { id: number }[] {
    const cached = this.nearSpellingCache.get(word);
    if (cached !== undefined) return cached;
    const found = new Set<number>();
    for (const key of deletionKeys(word)) this.ix.typoTable.forEach(key, (id) => found.add(id));
    const out: { id: number }[] = [];
    for (const id of found) if (this.ix.postingStart[id + 1] !== this.ix.postingStart[id]) out.push({ id });
    if (this.nearSpellingCache.size >= LOOKUP_CACHE_LIMIT) this.nearSpellingCache.clear();
    this.nearSpellingCache.set(word, out);
    return out;
  }

  /** Look-up results for a syllable written in Hangul, kept only where the listed word spells the same syllable. */
  asKoreanSyllable(
    syllable: string,
    matches: readonly { id: number; similarity: number }[],
  ): { id: number; similarity: number }[] {
    const out: { id: number; similarity: number }[] = [];
    for (const m of matches) {
      const similarity = koreanSyllableSimilarity(syllable, this.ix.tokenText[m.id] as string);
      if (similarity > 0) out.push({ id: m.id, similarity });
    }
    return out;
  }

  /**
   * Listed words that read as an Arabic compound the query writes in three words around the article ("sd al din" →
   * "saduddin", "bin al shiba" → "binalshibh"), with their similarity.
   */
  compoundMatches(before: string, after: string): { id: number; similarity: number }[] {
    const found = new Map<number, number>();
    const read = (id: number): void => {
      if (!found.has(id))
        found.set(
          id,
          abjadSpellsCompound(before, after, this.ix.tokenText[id] as string) ? ABJAD_AGREEMENT_SIMILARITY : 0,
        );
    };
    for (const key of abjadCompoundKeys(before, after))
      if (key.length >= ABJAD_KEY_MIN_LENGTH) this.ix.abjadTable.forEach(hashString(key), read);
    const out: { id: number; similarity: number }[] = [];
    for (const [id, similarity] of found) if (similarity > 0) out.push({ id, similarity });
    return out;
  }

  /**
   * Known words that an unknown query word is two of, run together ("yonggil" → "yong", "gil"): retrieval hints only.
   * A common two-letter half is not walked, only the other ("transfoco" → "transfo", "co"): its postings are every
   * company's "co", and a name holding both halves is found through the other.
   */
  splitParts(text: string): number[] {
    if (text.length < MIN_SPLIT_LENGTH || this.ix.tokenIds.has(text)) return [];
    const parts: number[] = [];
    const walked = (part: string, id: number): boolean =>
      part.length > MAX_COMMON_HALF_LENGTH || this.ix.postingCount(id) * COMMON_HALF_SHARE <= this.ix.nameCount;
    for (let k = MIN_SPLIT_PART; k <= text.length - MIN_SPLIT_PART; k++) {
      const left = this.ix.tokenIds.get(text.slice(0, k));
      if (left === undefined) continue;
      const right = this.ix.tokenIds.get(text.slice(k));
      if (right === undefined) continue;
      if (walked(text.slice(0, k), left)) parts.push(left);
      if (walked(text.slice(k), right)) parts.push(right);
    }
    return parts;
  }

  /** Words starting with `prefix`, found by binary search in the sorted vocabulary; skipped when there are too many. */
  private forEachExtension(prefix: string, visit: (id: number) => void): void {
    const sorted = this.ix.sortedSpellings;
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
    for (let k = lo; k < end; k++) visit(this.ix.sortedSpellingIds[k] as number);
  }

  knownWithoutPostings(text: string): boolean {
    const id = this.ix.tokenIds.get(text);
    return id !== undefined && this.ix.postingStart[id + 1] === this.ix.postingStart[id];
  }
}

/** A look-up (best first) with more listed words met at `similarity`, unless already met better; best first. */
function withRaised(
  looked: readonly { id: number; similarity: number }[],
  ids: readonly number[],
  similarity: number,
): readonly { id: number; similarity: number }[] {
  const found = new Map(looked.map((m) => [m.id, m.similarity]));
  let changed = false;
  for (const id of ids) changed = raiseSimilarity(found, id, similarity) || changed;
  return changed
    ? [...found].map(([id, s]) => ({ id, similarity: s })).sort((a, b) => b.similarity - a.similarity)
    : looked;
}
