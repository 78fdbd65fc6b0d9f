import { COMMON_TOKEN_PRIOR } from '../normalize/name-vocabulary';
import type { TokenKind } from '../normalize/normalize-name';

/** A legal form's weight: it says what kind of entity this is, not which one. */
export const LEGAL_FORM_WEIGHT = 0.15;
/** A particle's weight (al, bin, van): shared by thousands of unrelated names. */
export const PARTICLE_WEIGHT = 0.2;
/** An initial's weight: one letter narrows the name part to a twenty-sixth at best. */
export const INITIAL_WEIGHT = 0.35;
/** A number's weight: vessel and company numbers identify as strongly as a rare word. */
export const NUMBER_WEIGHT = 1;
/** The least a word can weigh, however common: even "Mohammed" still separates some names from others. */
export const MIN_WORD_WEIGHT = 0.3;
/**
 * How fast weight falls with a token's share of names: weight = 1 − log10(1 + share × SCALE) / DECADES.
 * One name in 10,000 weighs 0.97, one in 1,000 0.9, one in 100 0.65, one in 30 0.5.
 */
const RARITY_SCALE = 1000;
const RARITY_DECADES = 3;
/** Below this many names a list's own token counts are noise (in a 10-name list every token is "10% of names"). */
export const MIN_NAMES_FOR_LIST_FREQUENCY = 10_000;

/** The weight of a word that makes up this share of names. */
export function rarityWeight(share: number): number {
  const w = 1 - Math.log10(1 + share * RARITY_SCALE) / RARITY_DECADES;
  return Math.max(MIN_WORD_WEIGHT, Math.min(1, w));
}

/** The weight of a word from the built-in prior alone (for compare, or words the list does not know). */
export function priorWeight(text: string): number {
  return rarityWeight(COMMON_TOKEN_PRIOR.get(text) ?? 0);
}

/**
 * The weight of a word given its frequency in the list: the larger of the list's share and the built-in prior, so a
 * small list does not make everything rare and a big list can still teach us that "Trading" is common.
 */
export function listWeight(text: string, namesWithToken: number, nameCount: number): number {
  const listShare = namesWithToken / Math.max(nameCount, MIN_NAMES_FOR_LIST_FREQUENCY);
  return rarityWeight(Math.max(listShare, COMMON_TOKEN_PRIOR.get(text) ?? 0));
}

/** Weight by kind: words carry their rarity weight, the other kinds a fixed one. */
export function kindWeight(kind: TokenKind, wordWeight: number): number {
  switch (kind) {
    case 'word':
      return wordWeight;
    case 'number':
      return NUMBER_WEIGHT;
    case 'legal':
      return LEGAL_FORM_WEIGHT;
    case 'particle':
      return PARTICLE_WEIGHT;
    case 'initial':
      return INITIAL_WEIGHT;
  }
}
