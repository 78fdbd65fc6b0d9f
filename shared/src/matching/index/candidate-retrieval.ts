import type { EntityType } from '../../lists/entity-model';
import { ENTITY_TYPES } from '../../lists/entity-model';
import { BIRTH_DATE_EXACT_BONUS } from '../signals/birth-date-signal';
import { COUNTRY_MATCH_BONUS } from '../signals/country-signal';
import { OVERFLOW, RECORD, SHAPE_PATRONYMIC, SHAPE_WEIGHT_MASK, WEIGHT_STEP, type IndexData } from './index-data';
import {
  CANDIDATE_UNMATCHED_FACTOR,
  isPatronymic,
  PATRONYMIC_UNMATCHED_FACTOR,
  QUERY_PATRONYMIC_UNMATCHED_FACTOR,
  QUERY_UNMATCHED_FACTOR,
} from '../score/name-alignment';
import { tableSize } from './postings';
import type { AnalysedQuery, RetrievalUnit } from './query-units';
import type { ScreeningQuery } from '../types';

/** Names fully scored per query, best retrieval estimate first: bounds the worst case (a query of only common words). */
export const MAX_NAMES_SCORED = 200;
/**
 * An optional unit walks its postings into the names found when they are at most this many times as many (a posting
 * costs a look-up of its name's place); longer ones check each found name's tokens instead (one record read).
 */
const WALK_RATIO = 8;
/** Units with at most this many token ids are checked by direct comparison rather than a hash table. */
const SMALL_UNIT = 8;
/** The most birth date and country can add (exact date plus same country), for pruning before those are read. */
const MAX_ATTRIBUTE_BONUS = BIRTH_DATE_EXACT_BONUS + COUNTRY_MATCH_BONUS;

/** A listed name worth scoring, with the best score its retrieved tokens allow. */
export interface Candidate {
  name: number;
  estimate: number;
}

/**
 * Candidate retrieval: which listed names a query can reach, found through the postings of its retrieval units and
 * pruned by an upper bound on their score (MaxScore), best estimate first, at most MAX_NAMES_SCORED.
 */
export class CandidateRetrieval {
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

  constructor(private readonly ix: IndexData) {
    this.touched = new Int32Array(ix.nameCount);
    this.nameState = new Int32Array(2 * ix.nameCount);
    this.touchedAccumulated = new Float32Array(ix.nameCount);
  }

  /** Bytes of the per-query scratch. */
  bytes(): number {
    return this.touched.byteLength + this.touchedAccumulated.byteLength + this.nameState.byteLength;
  }

  /**
   * The names that can reach `floor` once dates and countries have added what they can, best estimate first, and
   * the least name score (`reachable`) a name needs for that.
   */
  retrieve(
    query: ScreeningQuery,
    analysed: AnalysedQuery,
    floor: number,
    maxNamesScored: number = MAX_NAMES_SCORED,
  ): { candidates: Candidate[]; reachable: number } {
    const { queryTokens, units, splitWords, totalWeight, lightWeight } = analysed;
    let touchedCount = 0;
    // Accumulate, per name, the query weight its tokens could cover (an optimistic estimate, refined by scoring).
    // MaxScore: any name that can reach the minimum must contain a token of the "essential" units, chosen so that the
    // units left out weigh less than the minimum together; the longest posting lists are left out first. Essential
    // units walk their postings and find names; the others only add to names already found, by checking those names'
    // few tokens instead of walking a long list such as "muhammad".
    const reachable = floor - (query.birthDate !== undefined || query.country !== undefined ? MAX_ATTRIBUTE_BONUS : 0);
    const fanOut = splitWords ? 2 : 1;
    // Query patronymics may cost less unmatched (QUERY_PATRONYMIC_UNMATCHED_FACTOR): bounds assume they do.
    const patronymicDiscount = queryTokens.reduce(
      (s, t) => s + (isPatronymic(t) ? t.weight * (QUERY_UNMATCHED_FACTOR - QUERY_PATRONYMIC_UNMATCHED_FACTOR) : 0),
      0,
    );
    const minAccumulated = minimumCoverage(reachable, fanOut, totalWeight, patronymicDiscount) - lightWeight;
    const postingLength = (unit: RetrievalUnit): number =>
      unit.matches.reduce((sum, { id }) => sum + this.ix.postingCount(id), 0);
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
        for (let p = this.ix.postingStart[id] as number, end = this.ix.postingStart[id + 1] as number; p < end; p++) {
          const n = this.ix.postings[p] as number;
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
      const bound = this.nameBound(
        n,
        Math.min(totalWeight, best + lightWeight),
        totalWeight,
        fanOut,
        patronymicDiscount,
      );
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
    const candidates: Candidate[] = [];
    for (let k = 0; k < touchedCount; k++) {
      const n = this.touched[k] as number;
      const acc = this.touchedAccumulated[k] as number;
      if (acc < minAccumulated) continue;
      if (excludedTypes.size > 0 && excludedTypes.has(this.ix.entityType[this.ix.nameEntity[n] as number] as number))
        continue;
      const estimate = this.nameBound(
        n,
        Math.min(totalWeight, acc + lightWeight),
        totalWeight,
        fanOut,
        patronymicDiscount,
      );
      if (estimate >= reachable) candidates.push({ name: n, estimate });
    }
    // A query word that abbreviates a listed name shares no word with it: such names are scored first, whatever the
    // bounds (which count words) say; there are few (ACRONYM_MAX_NAMES per word).
    if (analysed.acronymNames.length > 0) {
      const listed = new Set(candidates.map((c) => c.name));
      for (const n of analysed.acronymNames) {
        if (listed.has(n)) continue;
        listed.add(n);
        if (excludedTypes.has(this.ix.entityType[this.ix.nameEntity[n] as number] as number)) continue;
        candidates.push({ name: n, estimate: 1 });
      }
    }
    candidates.sort((a, b) => b.estimate - a.estimate || a.name - b.name);
    if (candidates.length > maxNamesScored) candidates.length = maxNamesScored;
    return { candidates, reachable };
  }

  /**
   * Adds a unit's gain to the names already found that contain one of its tokens: by walking the unit's postings
   * when they are not much longer than the found names, otherwise by checking each found name's tokens.
   */
  private addToTouchedNames(unit: RetrievalUnit, touchedCount: number): void {
    let postings = 0;
    for (const { id } of unit.matches) postings += this.ix.postingCount(id);
    if (postings <= touchedCount * WALK_RATIO) this.walkIntoTouchedNames(unit, touchedCount);
    else this.checkTouchedNames(unit, touchedCount);
  }

  private walkIntoTouchedNames(unit: RetrievalUnit, touchedCount: number): void {
    if (this.unitBest.length < touchedCount) this.unitBest = new Float32Array(this.touched.length);
    const best = this.unitBest;
    best.fill(0, 0, touchedCount);
    for (const { id, similarity } of unit.matches) {
      for (let p = this.ix.postingStart[id] as number, end = this.ix.postingStart[id + 1] as number; p < end; p++) {
        const n = this.ix.postings[p] as number;
        const k = this.nameState[2 * n + 1] as number;
        if (k < touchedCount && this.touched[k] === n && similarity > (best[k] as number)) best[k] = similarity;
      }
    }
    for (let k = 0; k < touchedCount; k++) {
      if ((best[k] as number) > 0)
        this.touchedAccumulated[k] = (this.touchedAccumulated[k] as number) + unit.weight * (best[k] as number);
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
    const records = this.ix.records;
    for (let k = 0; k < touchedCount; k++) {
      const n = this.touched[k] as number;
      const at = RECORD * n;
      let best = 0;
      if (records[at + RECORD - 1] === OVERFLOW) {
        for (let t = this.ix.nameTokenStart[n] as number, end = this.ix.nameTokenStart[n + 1] as number; t < end; t++)
          best = Math.max(best, lookup(this.ix.nameTokens[t] as number));
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
    const records = this.ix.records;
    for (let k = 0; k < touchedCount; k++) {
      const n = this.touched[k] as number;
      const at = RECORD * n;
      let best = 0;
      const overflow = records[at + RECORD - 1] === OVERFLOW;
      const from = overflow ? (this.ix.nameTokenStart[n] as number) : at;
      const to = overflow ? (this.ix.nameTokenStart[n + 1] as number) : at + RECORD;
      const source = overflow ? this.ix.nameTokens : records;
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
    const shape = this.ix.nameShape[n] as number;
    const listedPatronymic = (shape & SHAPE_PATRONYMIC) !== 0;
    const factor = listedPatronymic ? PATRONYMIC_UNMATCHED_FACTOR : CANDIDATE_UNMATCHED_FACTOR;
    const steps = shape & SHAPE_WEIGHT_MASK;
    const low = steps * WEIGHT_STEP;
    const high = steps === SHAPE_WEIGHT_MASK ? Infinity : low + WEIGHT_STEP;
    // A query patronymic costs less unmatched only against a listed name without one (see alignNames).
    return scoreBound(
      matched,
      queryWeight,
      Math.min(Math.max(fanOut * matched, low), high),
      fanOut,
      factor,
      listedPatronymic ? 0 : queryDiscount,
    );
  }

  /** `count` unit numbers not used before by this index; the first is returned. */
  private nextEpochs(count: number): number {
    if (this.epoch + count >= 0x7fffffff) {
      for (let n = 0; n < this.ix.nameCount; n++) this.nameState[2 * n] = 0;
      this.epoch = 0;
    }
    const first = this.epoch + 1;
    this.epoch += count;
    return first;
  }
}

/**
 * The highest name score a listed name can reach when `matched` of the query's `queryWeight` could align: as if every
 * aligned pair were exact and the listed name's aligned weight were as large as it can be (`fanOut` times the query's:
 * one listed word per query word, two when a query word was found split in two), the rest of the listed name counting
 * as unmatched at the smallest factor it can cost.
 */
function scoreBound(
  matched: number,
  queryWeight: number,
  nameWeight: number,
  fanOut: number,
  unmatchedFactor: number,
  queryDiscount: number,
): number {
  const listedMatched = Math.min(nameWeight, fanOut * matched);
  const denominator =
    matched +
    QUERY_UNMATCHED_FACTOR * (queryWeight - matched) -
    queryDiscount +
    listedMatched +
    unmatchedFactor * (nameWeight - listedMatched);
  return denominator > 0 ? (matched + listedMatched) / denominator : 0;
}

/**
 * The least query weight a name must cover to reach `score`: {@link scoreBound} is highest when the listed name is
 * exactly the aligned part, (1 + f) m / ((1 + f) m + QUERY_UNMATCHED_FACTOR (W − m) − D); solved for m. Without a
 * discount D, at the default threshold 0.83 that is 0.66 of the query's weight W (0.57 when a query word was split).
 */
function minimumCoverage(score: number, fanOut: number, queryWeight: number, queryDiscount: number): number {
  if (score <= 0) return 0;
  return (
    (score * (QUERY_UNMATCHED_FACTOR * queryWeight - queryDiscount)) /
    ((1 + fanOut) * (1 - score) + score * QUERY_UNMATCHED_FACTOR)
  );
}

/** A unit's matches best first (most already are: a look-up's are; joins and glued halves append theirs). */
function bestFirst(
  matches: readonly { id: number; similarity: number }[],
): readonly { id: number; similarity: number }[] {
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
