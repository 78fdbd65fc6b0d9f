import { applyEntitySignals } from '../signals/entity-signals';
import { ENTITY_TYPES } from '../../lists/entity-model';
import type { Candidate } from '../index/candidate-retrieval';
import { normalizeIdentifier } from '../signals/identifier-signal';
import { KIND_CODE, KIND_CODES, type IndexData } from '../index/index-data';
import { alignNames, type NameAlignment, type WeightedToken } from './name-alignment';
import type { TokenKind } from '../normalize/normalize-name';
import type { AnalysedQuery, QueryToken } from '../index/query-units';
import { nearReadingSimilarity, tokenSimilarity, translationSimilarity } from '../signals/token-similarity';
import { kindWeight } from '../signals/token-weights';
import { isSyllabicPersonName } from '../normalize/syllabic-person-name';
import type { MatchableEntity, ScreeningQuery } from '../types';
import { attributeAgreement } from '../signals/attribute-agreement';
import { measurePair } from '../signals/pair-signals';
import { calibratedProbability, calibratedSentences } from './calibrated-scorer';

/** How often (in candidates scored) screening checks whether the results can still change. */
const EARLY_STOP_CHECK_EVERY = 8;

/** An entity's best-scoring name so far. */
export interface BestName {
  name: number;
  alignment: NameAlignment;
  candidate: WeightedToken[];
}

/** A scored entity: its best name, the score after the entity signals, and what those signals said. */
export type Scored = {
  entity: number;
  name: number;
  score: number;
  alignment: NameAlignment;
  candidate: WeightedToken[];
  sentences: string[];
  shortfalls: string[];
};

/** Scoring: aligns the query with each candidate name and keeps each entity's best. */
export class CandidateScorer {
  /** Look-ups' similarities by listed word (see similarities), dropped with the look-ups they were built from. */
  private readonly similaritiesByLookup = new WeakMap<
    readonly { id: number; similarity: number }[],
    Map<number, number>
  >();

  constructor(private readonly ix: IndexData) {}

  /** Scores candidates best estimate first, stopping once no later one can enter the `limit` best. */
  scoreCandidates(
    query: ScreeningQuery,
    analysed: AnalysedQuery,
    candidates: readonly Candidate[],
    limit: number,
  ): Map<number, BestName> {
    const { queryTokens, lookedUp } = analysed;
    const { abjad, orderedPairs, han, hasLegalForm } = analysed.tokenized;
    const similarityCache: Map<number, number>[] = analysed.tokenized.tokens.map(() => new Map());
    const wholeSyllableName = isSyllabicPersonName(analysed.tokenized);
    // Which words may be an organisation's initials: never against a listed person.
    const personCode = ENTITY_TYPES.indexOf('person');
    const acronyms = analysed.acronymReading;
    // Score names; keep each entity's best.
    const bestByEntity = new Map<number, BestName>();
    const scoreName = (n: number): void => {
      const candidate = this.weightedTokens(n);
      const alignment = alignNames(
        queryTokens,
        candidate,
        (i, j) => this.pairSimilarity(queryTokens, lookedUp, similarityCache, i, candidate, n, j, abjad),
        abjad,
        orderedPairs,
        han,
        wholeSyllableName,
        this.ix.entityType[this.ix.nameEntity[n] as number] === personCode ? 'none' : acronyms,
      );
      const e = this.ix.nameEntity[n] as number;
      const best = bestByEntity.get(e);
      if (best === undefined || betterNameMatch(alignment, n, best.alignment, best.name))
        bestByEntity.set(e, { name: n, alignment, candidate });
    };
    // Without attributes that can raise or lower a score, a name's final score is its name score, so once `limit`
    // entities score at least the next candidate's bound, no later candidate can enter the results.
    const finalIsNameScore =
      query.birthDate === undefined &&
      query.country === undefined &&
      query.type === undefined &&
      (query.identifiers ?? []).length === 0 &&
      !hasLegalForm;
    for (let k = 0; k < candidates.length; k++) {
      const c = candidates[k] as Candidate;
      if (finalIsNameScore && k >= limit && k % EARLY_STOP_CHECK_EVERY === 0) {
        let atLeast = 0;
        for (const best of bestByEntity.values()) if (best.alignment.score >= c.estimate) atLeast++;
        if (atLeast >= limit) break;
      }
      scoreName(c.name);
    }
    // Identifiers retrieve their entities whatever the names say.
    for (const q of query.identifiers ?? []) {
      for (const e of this.ix.identifierEntities.get(normalizeIdentifier(q.value)) ?? []) {
        if (bestByEntity.has(e)) continue;
        for (let n = this.ix.firstName[e] as number; n < (this.ix.firstName[e + 1] as number); n++) scoreName(n);
      }
    }
    return bestByEntity;
  }

  private weightedTokens(n: number): WeightedToken[] {
    const out: WeightedToken[] = [];
    for (let k = this.ix.nameTokenStart[n] as number; k < (this.ix.nameTokenStart[n + 1] as number); k++) {
      const id = this.ix.nameTokens[k] as number;
      const kind = KIND_CODES[this.ix.nameTokenKinds[k] as number] as TokenKind;
      out.push({
        text: this.ix.tokenText[id] as string,
        kind,
        weight: kindWeight(kind, this.ix.tokenWeight[id] as number),
      });
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
    const id = this.ix.nameTokens[(this.ix.nameTokenStart[n] as number) + j] as number;
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
      else
        s = Math.max(
          tokenSimilarity(q.text, q.kind, c.text, c.kind, abjad),
          translationSimilarity(q.token.translations, c.text),
        );
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

/**
 * Re-scores each entity's best name with the calibrated scorer (the pair signals of the alignment, birth date and
 * country against the entity's), applies the entity type's exclusion and an identifier's match, and sorts the entities
 * into hits (probability at least `threshold`) and near misses (from `floor` up to the threshold), best first. Names
 * below `retrievalFloor` (a rules name score) are not re-scored: retrieval did not promise to find them.
 */
export function judgeCandidates(
  ix: IndexData,
  bestByEntity: ReadonlyMap<number, BestName>,
  query: ScreeningQuery,
  analysed: AnalysedQuery,
  reachable: number,
  retrievalFloor: number,
  floor: number,
  threshold: number,
): { results: Scored[]; near: Scored[] } {
  const results: Scored[] = [];
  const near: Scored[] = [];
  const hasIdentifiers = (query.identifiers ?? []).length > 0;
  const { tokenized, queryTokens } = analysed;
  for (const [e, best] of bestByEntity) {
    const nameScore = best.alignment.score;
    if (!hasIdentifiers && (nameScore < reachable || nameScore < retrievalFloor)) continue;
    const entity = ix.entities[e] as MatchableEntity;
    const verdict = applyEntitySignals(
      nameScore,
      best.alignment.cap !== undefined,
      query,
      tokenized.hasLegalForm,
      entity,
    );
    if (verdict.excluded) continue;
    if (!verdict.decisive && nameScore < retrievalFloor) continue;
    const values = measurePair({
      left: tokenized,
      right: { tokens: best.candidate },
      query: queryTokens,
      listed: best.candidate,
      alignment: best.alignment,
      leftName: query.name,
      rightName: ix.nameValue[best.name] as string,
      attributes: attributeAgreement(query, entity),
    });
    const score = verdict.decisive ? 1 : calibratedProbability(values, best.alignment.cap, verdict.typeDiffers);
    if (score < floor) continue;
    const scored = {
      entity: e,
      name: best.name,
      score,
      alignment: best.alignment,
      candidate: best.candidate,
      sentences: [...verdict.sentences, ...(verdict.decisive ? [] : calibratedSentences(values))],
      shortfalls: verdict.shortfalls,
    };
    if (score >= threshold) results.push(scored);
    else near.push(scored);
  }
  const byScore = (a: Scored, b: Scored): number => b.score - a.score || a.entity - b.entity;
  results.sort(byScore);
  near.sort(byScore);
  return { results, near };
}

/** Each entity's best rules name score, at least `floor`, best first: what retrieval and the prefilters read. */
export function nameScores(bestByEntity: ReadonlyMap<number, BestName>, reachable: number, floor: number): Scored[] {
  const out: Scored[] = [];
  for (const [e, best] of bestByEntity) {
    const score = best.alignment.score;
    if (score < reachable || score < floor) continue;
    out.push({
      entity: e,
      name: best.name,
      score,
      alignment: best.alignment,
      candidate: best.candidate,
      sentences: [],
      shortfalls: [],
    });
  }
  return out.sort((a, b) => b.score - a.score || a.entity - b.entity);
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
