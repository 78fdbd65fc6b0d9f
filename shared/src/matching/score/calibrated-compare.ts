import type { ScreeningQuery } from '../types';
import {
  calibratedProbability,
  calibratedSentences,
  calibratedVerdict,
  SCORER_WEIGHTS,
  type ScorerWeights,
} from './calibrated-scorer';
import { pairSignalValues } from './pair-signal-values';

export interface CalibratedResult {
  /** Calibrated probability that the two names name one entity (balanced prior), 0..1. */
  probability: number;
  match: boolean;
  /** One sentence per signal that moved the score, in plain words. */
  explanation: string[];
}

/**
 * Scores a pair with the fitted logistic model over the named signals (PAIR_SIGNALS) alone, names plus birth date and
 * country: what the scorer was fitted on. `compare` adds the entity type and identifiers the way screening does.
 */
export function calibratedCompare(
  a: ScreeningQuery,
  b: ScreeningQuery,
  model: ScorerWeights = SCORER_WEIGHTS,
  rarity?: (text: string) => number,
): CalibratedResult {
  const { values, aligned } = pairSignalValues(a, b, rarity);
  const probability = calibratedProbability(values, aligned.alignment.cap, false, model);
  const explanation = [
    ...calibratedSentences(values, model, true),
    calibratedVerdict(probability, model.threshold, model),
  ];
  return { probability, match: probability >= model.threshold, explanation };
}
