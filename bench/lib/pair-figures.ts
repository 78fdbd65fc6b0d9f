/** One scored, labelled pair: what the matcher said against the label. */
export interface ScoredPair {
  score: number;
  predicted: boolean;
  actual: boolean;
}

export interface PairFigures {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

/** Precision, recall, F1 and accuracy of predictions against labels (0 where a ratio has nothing to divide). */
export function pairFigures(rows: readonly ScoredPair[]): PairFigures {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let correct = 0;
  for (const r of rows) {
    if (r.predicted && r.actual) tp++;
    else if (r.predicted) fp++;
    else if (r.actual) fn++;
    if (r.predicted === r.actual) correct++;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    precision,
    recall,
    f1,
    accuracy: rows.length === 0 ? 0 : correct / rows.length,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
  };
}
