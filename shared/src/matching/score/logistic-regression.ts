/** A fitted logistic model: P(match) = σ(bias + Σ weights[i] · x[i]). */
export interface LogisticModel {
  bias: number;
  weights: number[];
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function predict(model: LogisticModel, x: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < model.weights.length; i++) z += (model.weights[i] as number) * (x[i] as number);
  return sigmoid(z);
}

export interface FitOptions {
  /** L2 penalty per weight (not on the bias): keeps weights small where the data says little. */
  l2?: number;
  iterations?: number;
  learningRate?: number;
  /**
   * The sign each weight must keep (1: at least 0, -1: at most 0, 0: free), by signal: evidence of a difference never
   * raises the score, evidence of agreement never lowers it, whatever a generator's quirks teach (projected gradient).
   */
  signs?: readonly number[];
}

/**
 * Fits a logistic regression by full-batch gradient descent on the mean log loss with an L2 penalty. Classes are
 * weighted to count equally, so the fitted probability is calibrated for a balanced prior; the threshold is chosen
 * afterwards for a stated target. Deterministic: starts from zero weights.
 */
export function fitLogistic(
  xs: readonly (readonly number[])[],
  ys: readonly boolean[],
  options: FitOptions = {},
): LogisticModel {
  const l2 = options.l2 ?? 1e-3;
  const iterations = options.iterations ?? 2000;
  const rate = options.learningRate ?? 0.5;
  const n = xs.length;
  const d = xs[0]?.length ?? 0;
  const positives = ys.filter(Boolean).length;
  const wPos = positives === 0 ? 0 : n / (2 * positives);
  const wNeg = positives === n ? 0 : n / (2 * (n - positives));
  const model: LogisticModel = { bias: 0, weights: new Array<number>(d).fill(0) };
  const grad = new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    grad.fill(0);
    let gradBias = 0;
    for (let k = 0; k < n; k++) {
      const x = xs[k] as readonly number[];
      const y = ys[k] ? 1 : 0;
      const err = (predict(model, x) - y) * (y === 1 ? wPos : wNeg);
      gradBias += err;
      for (let i = 0; i < d; i++) grad[i] = (grad[i] as number) + err * (x[i] as number);
    }
    model.bias -= (rate * gradBias) / n;
    for (let i = 0; i < d; i++) {
      const w = model.weights[i] as number;
      const next = w - rate * ((grad[i] as number) / n + l2 * w);
      const sign = options.signs?.[i] ?? 0;
      model.weights[i] = sign > 0 ? Math.max(0, next) : sign < 0 ? Math.min(0, next) : next;
    }
  }
  return model;
}

/** Mean log loss of a model on labelled rows (lower is better). */
export function logLoss(model: LogisticModel, xs: readonly (readonly number[])[], ys: readonly boolean[]): number {
  let sum = 0;
  xs.forEach((x, k) => {
    const p = Math.min(1 - 1e-12, Math.max(1e-12, predict(model, x)));
    sum += ys[k] ? -Math.log(p) : -Math.log(1 - p);
  });
  return sum / Math.max(1, xs.length);
}
