import { PAIR_SIGNALS } from '../signals/pair-signals';
import { predict, type LogisticModel } from './logistic-regression';
import weights from './scorer-weights.json';
import { verdictSentence } from '../explain/verdict';

/** The fitted weights (npm run train:scorer), versioned: the version is printed beside every figure measured. */
export interface ScorerWeights extends LogisticModel {
  version: string;
  target: string;
  signals: string[];
  threshold: number;
}

export const SCORER_WEIGHTS: ScorerWeights = weights;

/** A signal moves the score enough to be named when it moves the log-odds by at least this. */
const NAMED_CONTRIBUTION = 0.5;
/**
 * What each signal reads for a name against itself written identically: a signal is named when it moves the score
 * away from that, so an exact name names nothing but its attributes. Signals not listed read 0 there.
 */
const IDENTICAL_NAME: Readonly<Record<string, number>> = { tokenAlignment: 1, editSimilarity: 1, phoneticKey: 1 };

/** Fails when the weights file lists other signals than the code measures: a build error, not a silent misreading. */
function checked(model: ScorerWeights): ScorerWeights {
  if (model.signals.join() !== PAIR_SIGNALS.map((s) => s.name).join()) {
    throw new Error(`scorer weights ${model.version} list other signals than the code measures`);
  }
  return model;
}

/** The calibrated probability of signal values measured in PAIR_SIGNALS order. */
export function calibratedProbability(values: readonly number[], model: ScorerWeights = SCORER_WEIGHTS): number {
  return predict(checked(model), values);
}

/**
 * One sentence per signal that moved the score, against the same name written identically, in plain words: "Each name
 * has a part the other lacks, which lowers the score." Birth date and country are named only `withAttributes`:
 * screening and compare name them with their dates and countries (birth-date-signal.ts, country-signal.ts).
 */
export function calibratedSentences(
  values: readonly number[],
  model: ScorerWeights = SCORER_WEIGHTS,
  withAttributes = false,
): string[] {
  const sentences: string[] = [];
  PAIR_SIGNALS.forEach((signal, i) => {
    if (signal.opposite !== undefined && !withAttributes) return;
    const value = values[i] as number;
    const reference = IDENTICAL_NAME[signal.name] ?? 0;
    const contribution = (checked(model).weights[i] as number) * (value - reference);
    if (Math.abs(contribution) < NAMED_CONTRIBUTION) return;
    const what =
      reference > 0 ? `${signal.words} only in part` : value < 0 && signal.opposite ? signal.opposite : signal.words;
    const effect = contribution > 0 ? 'raises' : 'lowers';
    sentences.push(`${what[0]?.toUpperCase()}${what.slice(1)}, which ${effect} the score.`);
  });
  return sentences;
}

/** The closing sentence: the probability against the threshold, what that means, and the scorer that said it. */
export function calibratedVerdict(
  probability: number,
  threshold: number,
  model: ScorerWeights = SCORER_WEIGHTS,
): string {
  return `${verdictSentence(probability, threshold)} (Calibrated probability, scorer ${model.version}.)`;
}
