const percent = (s: number): string => `${Math.round(s * 100)}%`;

/** The closing sentence of every explanation: the score against the threshold, and what that means. */
export function verdictSentence(score: number, threshold: number): string {
  return score >= threshold
    ? `Overall score ${percent(score)} reaches the hit threshold of ${percent(threshold)}: a potential match to review.`
    : `Overall score ${percent(score)} is below the hit threshold of ${percent(threshold)}: not a match.`;
}
