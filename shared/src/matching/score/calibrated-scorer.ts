import { PAIR_SIGNALS } from '../signals/pair-signals';
import type { ScreeningQuery } from '../types';
import { predict, type LogisticModel } from './logistic-regression';
import { pairSignalValues } from './pair-signal-values';
import weights from './scorer-weights.json';

/** The fitted weights (npm run train:scorer), versioned: the version is printed beside every figure measured. */
export interface ScorerWeights extends LogisticModel {
  version: string;
  target: string;
  signals: string[];
  threshold: number;
}

export const SCORER_WEIGHTS: ScorerWeights = weights;

/** A signal moves the score enough to be named when its weighted value is at least this (in log-odds). */
const NAMED_CONTRIBUTION = 0.5;

export interface CalibratedResult {
  /** Calibrated probability that the two names name one entity (balanced prior), 0..1. */
  probability: number;
  match: boolean;
  /** One sentence per signal that moved the score, in plain words. */
  explanation: string[];
}

/**
 * Scores a pair with the fitted logistic model over the named signals (PAIR_SIGNALS). The weights file must list the
 * signals in the order the code measures them; a mismatch is a build error, not a silent misreading.
 */
export function calibratedCompare(
  a: ScreeningQuery,
  b: ScreeningQuery,
  model: ScorerWeights = SCORER_WEIGHTS,
): CalibratedResult {
  if (model.signals.join() !== PAIR_SIGNALS.map((s) => s.name).join()) {
    throw new Error(`scorer weights ${model.version} list other signals than the code measures`);
  }
  const { values } = pairSignalValues(a, b);
  const probability = predict(model, values);
  const explanation: string[] = [];
  PAIR_SIGNALS.forEach((signal, i) => {
    const contribution = (model.weights[i] as number) * (values[i] as number);
    if (Math.abs(contribution) < NAMED_CONTRIBUTION) return;
    explanation.push(
      `${signal.words[0]?.toUpperCase()}${signal.words.slice(1)}: ${contribution > 0 ? 'raises' : 'lowers'} the score.`,
    );
  });
  const percent = (s: number): string => `${Math.round(s * 100)}%`;
  explanation.push(
    `Calibrated probability ${percent(probability)} against the threshold of ${percent(model.threshold)} (scorer ${model.version}).`,
  );
  return { probability, match: probability >= model.threshold, explanation };
}
