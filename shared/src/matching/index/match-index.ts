import { CandidateRetrieval } from './candidate-retrieval';
import { CandidateScorer, judgeCandidates } from '../score/candidate-scoring';
import { IndexData } from './index-data';
import { describeMatches, describeNearMisses } from '../explain/match-explanation';
import { analyseQuery } from './query-units';
import type { MatchableEntity, NameMatch, NearMiss, NearMissOptions, ScreeningQuery, ScreenOptions } from '../types';
import { VocabularyLookup } from './vocabulary-lookup';

export { MAX_NAMES_SCORED } from './candidate-retrieval';

/** A built index over one list version: screen names against it. Built once, read-only afterwards. */
export interface MatchIndex {
  /** Candidates scoring at least `options.threshold`, best first, at most `options.limit`, one per entity. */
  screen(query: ScreeningQuery, options: ScreenOptions): NameMatch[];
  /**
   * The ids of the entities screen would return, best first, without building their explanations: for callers that
   * only need which entities match (the monitoring's reverse look-up asks this with thousands of results).
   */
  matchingEntityIds(query: ScreeningQuery, options: ScreenOptions): string[];
  /** As screen, and also the best candidates scoring from `nearMissFloor` up to the threshold, with why they fell short. */
  screenWithNearMisses(
    query: ScreeningQuery,
    options: NearMissOptions,
  ): { matches: NameMatch[]; nearMisses: NearMiss[] };
  readonly entityCount: number;
  /** Names and aliases indexed (after dropping duplicates within an entity). */
  readonly nameCount: number;
  /** Distinct canonical tokens. */
  readonly vocabularySize: number;
  /** Rough bytes held by the index's own structures (typed arrays and interned strings), for capacity planning. */
  memoryBytes(): number;
}

/**
 * Builds the in-memory index for one list version. Every name and alias is tokenised once; tokens are interned to
 * integer ids and names stored as runs of ids in typed arrays; retrieval uses an inverted index (token → names),
 * a deletion-neighbourhood table (typos at edit distance one) and phonetic keys, all over the vocabulary, so a query
 * touches only names sharing a (similar) token, never the whole list. Given the index of an earlier version, the names
 * it holds are read from it rather than tokenised again (the same index results, built faster).
 */
export function buildMatchIndex(entities: MatchableEntity[], previous?: MatchIndex): MatchIndex {
  return new InMemoryMatchIndex(entities, previous instanceof InMemoryMatchIndex ? previous.data : undefined);
}

/** Screening one query: read it against the vocabulary, retrieve candidates, score them, judge and explain them. */
class InMemoryMatchIndex implements MatchIndex {
  readonly entityCount: number;
  readonly nameCount: number;
  readonly vocabularySize: number;
  readonly data: IndexData;
  private readonly vocabulary: VocabularyLookup;
  private readonly retrieval: CandidateRetrieval;
  private readonly scorer: CandidateScorer;

  constructor(entities: MatchableEntity[], previous?: IndexData) {
    this.data = new IndexData(entities, previous);
    this.entityCount = this.data.entityCount;
    this.nameCount = this.data.nameCount;
    this.vocabularySize = this.data.vocabularySize;
    this.vocabulary = new VocabularyLookup(this.data);
    this.retrieval = new CandidateRetrieval(this.data);
    this.scorer = new CandidateScorer(this.data);
  }

  memoryBytes(): number {
    return this.data.bytes() + this.retrieval.bytes();
  }

  screen(query: ScreeningQuery, options: ScreenOptions): NameMatch[] {
    return this.search(query, options, options.threshold, 0).matches;
  }

  matchingEntityIds(query: ScreeningQuery, options: ScreenOptions): string[] {
    return this.judge(query, options, options.threshold)
      .results.slice(0, Math.max(0, options.limit))
      .map((r) => (this.data.entities[r.entity] as MatchableEntity).id);
  }

  screenWithNearMisses(
    query: ScreeningQuery,
    options: NearMissOptions,
  ): { matches: NameMatch[]; nearMisses: NearMiss[] } {
    return this.search(query, options, Math.min(options.threshold, options.nearMissFloor), options.nearMissLimit);
  }

  /**
   * Retrieval and pruning work to `floor` (the threshold, or the lower near-miss floor): candidates a higher floor would
   * score are still scored first (they have the higher estimates), so the hits are the same either way.
   */
  private search(
    query: ScreeningQuery,
    options: ScreenOptions,
    floor: number,
    nearMissLimit: number,
  ): { matches: NameMatch[]; nearMisses: NearMiss[] } {
    const { analysed, results, near } = this.judge(query, options, floor);
    return {
      matches: describeMatches(this.data, results, analysed.tokenized, options.threshold, options.limit),
      nearMisses: describeNearMisses(this.data, near, analysed.tokenized, nearMissLimit),
    };
  }

  /** Read the query against the vocabulary, retrieve candidates, score and judge them: the hits and near misses. */
  private judge(query: ScreeningQuery, options: ScreenOptions, floor: number) {
    const analysed = analyseQuery(query, this.vocabulary);
    const { candidates, reachable } = this.retrieval.retrieve(query, analysed, floor, options.maxNamesScored);
    const best = this.scorer.scoreCandidates(query, analysed, candidates, options.limit);
    const judged = judgeCandidates(
      this.data,
      best,
      query,
      analysed.tokenized.hasLegalForm,
      reachable,
      floor,
      options.threshold,
    );
    return { analysed, ...judged };
  }
}
