/** What a secondary signal (birth date, country, identifier, entity type) does to a name score. */
export interface SignalOutcome {
  /** Added to the score (negative lowers it). */
  adjustment: number;
  /** Plain-English reason, absent when the signal had nothing to say. */
  sentence?: string;
  /** When the signal lowered the score: the reason in a few words, for a near miss ("birth date differs: 1976 against 1970"). */
  shortfall?: string;
  /** The score is set to 1: an identifier match settles it. */
  decisive?: boolean;
  /** The pair can never match (a person against a vessel). */
  excluded?: boolean;
}

export const NO_SIGNAL: SignalOutcome = { adjustment: 0 };
