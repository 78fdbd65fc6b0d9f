import type { NameAlignment } from '../score/name-alignment';
import type { NameToken } from '../normalize/normalize-name';

/**
 * Below this an aligned pair of words is named as a reason a near miss fell short: closer pairs are the usual spelling
 * noise of a true match and would only crowd the reason.
 */
const WEAK_EDGE_SIMILARITY = 0.9;

const percent = (s: number): string => `${Math.round(s * 100)}%`;
const quoted = (tokens: readonly NameToken[], indexes: readonly number[]): string =>
  `"${indexes.map((i) => tokens[i]?.surface ?? '').join(' ')}"`;

/**
 * Why a candidate that scored between the near-miss floor and the threshold fell short, in plain words, most telling
 * first: the signals that lowered the score (birth date, country, type), then what the name alignment lacked (a cap,
 * words without a counterpart, words only partly alike). Says only what the score shows; nothing is re-scored here.
 */
export function shortfallReason(
  query: readonly NameToken[],
  listed: readonly NameToken[],
  alignment: NameAlignment,
  signalShortfalls: readonly string[],
  nameScore: number,
): string {
  const reasons: string[] = [...signalShortfalls];
  if (alignment.cap === 'numbers-disagree') reasons.push('the numbers in the names differ');
  else if (alignment.cap === 'single-part') reasons.push('only one name part agrees');
  else if (alignment.cap === 'syllable-order') reasons.push('the Korean given-name syllables are in the other order');
  else if (alignment.cap === 'syllable-left-over')
    reasons.push('a syllable of the Chinese or Korean name has no counterpart, which makes another name');
  else if (alignment.cap === 'no-substantive-match') reasons.push('only legal forms, particles or initials agree');
  const extra = alignment.unmatchedQuery.filter((i) => query[i]?.kind !== 'legal' && query[i]?.kind !== 'particle');
  if (extra.length > 0)
    reasons.push(
      `${extra.map((i) => quoted(query, [i])).join(', ')} in the query ${extra.length === 1 ? 'has' : 'have'} no counterpart in the listed name`,
    );
  const missing = alignment.unmatchedCandidate.filter(
    (j) => listed[j]?.kind !== 'legal' && listed[j]?.kind !== 'particle',
  );
  if (missing.length > 0)
    reasons.push(`the listed name also has ${missing.map((j) => quoted(listed, [j])).join(', ')}`);
  for (const edge of alignment.edges) {
    if (edge.similarity >= WEAK_EDGE_SIMILARITY) continue;
    reasons.push(
      `${quoted(query, edge.query)} is only ${percent(edge.similarity)} like ${quoted(listed, edge.candidate)}`,
    );
  }
  if (reasons.length === 0) reasons.push(`the names are ${percent(nameScore)} alike`);
  return reasons.join('; ');
}
