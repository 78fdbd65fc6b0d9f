import { CandidateRetrieval } from './candidate-retrieval';
import { CandidateScorer, judgeCandidates, nameScores } from '../score/candidate-scoring';
import { HIT_NAME_FLOOR, RETRIEVAL_FLOOR } from '../score/match-threshold';
import { IndexData } from './index-data';
import { describeMatches, describeNearMisses } from '../explain/match-explanation';
import { analyseQuery } from './query-units';
import { normalizedText } from '../normalize/normalize-name';
import type { MatchableEntity, NameMatch, NearMiss, NearMissOptions, ScreeningQuery, ScreenOptions } from '../types';
import { VocabularyLookup } from './vocabulary-lookup';

export { MAX_NAMES_SCORED } from './candidate-retrieval';

/** What screenWithNearMisses finds for one query. */
export interface ScreenedWithNearMisses {
  matches: NameMatch[];
  nearMisses: NearMiss[];
  /** The query's name as normalizeName gives it. */
  normalizedName: string;
}

/** A built index over one list version: screen names against it. Built once, read-only afterwards. */
export interface MatchIndex {
  /** Candidates scoring at least `options.threshold`, best first, at most `options.limit`, one per entity. */
  screen(query: ScreeningQuery, options: ScreenOptions): NameMatch[];
  /**
   * The ids of the entities screen would return, best first, without building their explanations: for callers that
   * only need which entities match (the monitoring's reverse look-up asks this with thousands of results).
   */
  matchingEntityIds(query: ScreeningQuery, options: ScreenOptions): string[];
  /**
   * As screen, and also the best candidates scoring from `nearMissFloor` up to the threshold, with why they fell
   * short, and the query's name as normalizeName gives it (read here anyway: a caller storing it need not again).
   */
  screenWithNearMisses(query: ScreeningQuery, options: NearMissOptions): ScreenedWithNearMisses;
  /**
   * The entities whose best name reaches `options.threshold` by the rules' name score alone (not calibrated), best
   * first: what retrieval reads, for prefilters that must keep every candidate screening could retrieve.
   */
  screenNames(query: ScreeningQuery, options: ScreenOptions): { entityId: string; score: number }[];
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

  screenNames(query: ScreeningQuery, options: ScreenOptions): { entityId: string; score: number }[] {
    const analysed = analyseQuery(query, this.vocabulary);
    const { candidates, reachable } = this.retrieval.retrieve(
      query,
      analysed,
      options.threshold,
      options.maxNamesScored,
    );
    const best = this.scorer.scoreCandidates(query, analysed, candidates, options.limit);
    return nameScores(best, reachable, options.threshold)
      .slice(0, Math.max(0, options.limit))
      .map((s) => ({ entityId: (this.data.entities[s.entity] as MatchableEntity).id, score: s.score }));
  }

  matchingEntityIds(query: ScreeningQuery, options: ScreenOptions): string[] {
    return this.judge(query, options, options.threshold, 0)
      .results.slice(0, Math.max(0, options.limit))
      .map((r) => (this.data.entities[r.entity] as MatchableEntity).id);
  }

  screenWithNearMisses(query: ScreeningQuery, options: NearMissOptions): ScreenedWithNearMisses {
    return this.search(query, options, Math.min(options.threshold, options.nearMissFloor), options.nearMissLimit);
  }

  /**
   * Retrieval and pruning work to the rules' name score: HIT_NAME_FLOOR for hits alone, RETRIEVAL_FLOOR when near
   * misses are asked for, whatever the calibrated threshold. The retrieved entities are re-scored by the calibrated
   * scorer and judged at `floor` (the threshold, or the lower near-miss floor) and the threshold; a hit needs
   * HIT_NAME_FLOOR either way, so the hits are the same.
   */
  private search(
    query: ScreeningQuery,
    options: ScreenOptions,
    floor: number,
    nearMissLimit: number,
  ): ScreenedWithNearMisses {
    const { analysed, results, near } = this.judge(query, options, floor, nearMissLimit);
    return {
      matches: describeMatches(this.data, results, analysed.tokenized, options.threshold, options.limit),
      nearMisses: describeNearMisses(this.data, near, analysed.tokenized, nearMissLimit),
      normalizedName: normalizedText(analysed.tokenized),
    };
  }

  /** Read the query against the vocabulary, retrieve candidates, score and judge them: the hits and near misses. */
  private judge(query: ScreeningQuery, options: ScreenOptions, floor: number, nearMissLimit: number) {
    const analysed = analyseQuery(query, this.vocabulary);
    const retrievalFloor = nearMissLimit > 0 ? RETRIEVAL_FLOOR : HIT_NAME_FLOOR;
    const { candidates, reachable } = this.retrieval.retrieve(query, analysed, retrievalFloor, options.maxNamesScored);
    const best = this.scorer.scoreCandidates(query, analysed, candidates, options.limit);
    const judged = judgeCandidates(
      this.data,
      best,
      query,
      analysed,
      reachable,
      retrievalFloor,
      floor,
      options.threshold,
    );
    return { analysed, ...judged };
  }
}
