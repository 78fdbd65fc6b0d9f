import { NO_SIGNAL, type SignalOutcome } from './signal';

/** Identifier values compared without spacing, punctuation or case: "AB 123-456" and "ab123456" are one number. */
export function normalizeIdentifier(value: string): string {
  return value
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Shorter identifier values are too easily shared by accident (a "12" is not a passport). */
export const MIN_IDENTIFIER_LENGTH = 5;

/**
 * An identifier present on both sides (same value, and same type when both give one) is decisive: a passport, IMO
 * or registration number names one entity, whatever the spelling of the name.
 */
export function identifierSignal(
  queryIds: readonly { type?: string; value: string }[] | undefined,
  listedIds: readonly { type: string; value: string }[],
): SignalOutcome {
  if (queryIds === undefined || queryIds.length === 0 || listedIds.length === 0) return NO_SIGNAL;
  for (const q of queryIds) {
    const value = normalizeIdentifier(q.value);
    if (value.length < MIN_IDENTIFIER_LENGTH) continue;
    for (const l of listedIds) {
      if (normalizeIdentifier(l.value) !== value) continue;
      if (q.type !== undefined && q.type.toLowerCase() !== l.type.toLowerCase()) continue;
      return {
        adjustment: 0,
        decisive: true,
        sentence: `The ${l.type} ${l.value} is the same as the listed one, which settles the match.`,
      };
    }
  }
  return NO_SIGNAL;
}
