import type { EntityType, NameKind } from '../lists/entity-model';

/** What the matcher needs of a listed entity: built once per list version from Postgres. */
export interface MatchableEntity {
  /** Our entity id, e.g. "ofac-sdn:33936". */
  id: string;
  type: EntityType;
  names: { value: string; kind: NameKind }[];
  birthDates: string[];
  countries: string[];
  identifiers: { type: string; value: string }[];
}

export interface ScreeningQuery {
  name: string;
  type?: EntityType;
  /** Partial ISO date: "1961", "1961-05" or "1961-05-23". */
  birthDate?: string;
  /** ISO alpha-2 code or a country name. */
  country?: string;
  identifiers?: { type?: string; value: string }[];
}

export interface ScreenOptions {
  /** Scores at or above this are hits (0..1). */
  threshold: number;
  /** Most candidates returned, best first. */
  limit: number;
  /** Most names scored (default MAX_NAMES_SCORED); monitoring's reverse look-up raises it so no candidate is left out. */
  maxNamesScored?: number;
}

export interface NearMissOptions extends ScreenOptions {
  /** Candidates scoring at least this and below `threshold` are near misses (0..1). */
  nearMissFloor: number;
  /** Most near misses returned, best first. */
  nearMissLimit: number;
}

/** A candidate that scored between the near-miss floor and the threshold: shown to the officer, never a hit. */
export interface NearMiss {
  entityId: string;
  /** The entity's primary name. */
  name: string;
  matchedName: string;
  matchedNameKind: NameKind;
  /** 0..1, below the threshold. */
  score: number;
  /** Why it fell short, in plain words: "birth date differs: 1976 against 1970". */
  reason: string;
}

export interface NameMatch {
  entityId: string;
  /** The listed name or alias that matched best. */
  matchedName: string;
  matchedNameKind: NameKind;
  /** 0..1 */
  score: number;
  /** Sentences a compliance officer can read: which tokens aligned and how, what raised or lowered the score. */
  explanation: string[];
}

export interface CompareResult {
  score: number;
  match: boolean;
  explanation: string[];
}
