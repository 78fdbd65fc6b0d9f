import type { EntityType } from '../../lists/entity-model';
import { birthDateSignal } from './birth-date-signal';
import { countrySignal } from './country-signal';
import { entityTypeRule } from './entity-type-rule';
import { identifierSignal } from './identifier-signal';
import type { SignalOutcome } from './signal';
import type { ScreeningQuery } from '../types';

/** The listed side of a comparison: what the secondary signals read. */
export interface ListedAttributes {
  type: EntityType | undefined;
  birthDates: readonly string[];
  countries: readonly string[];
  identifiers: readonly { type: string; value: string }[];
}

export interface EntityVerdict {
  score: number;
  excluded: boolean;
  /** An identifier matched: the score is 1 whatever the names say. */
  decisive: boolean;
  /** A person against an organisation (or the reverse): lowered, not ruled out. */
  typeDiffers: boolean;
  sentences: string[];
  /** The reasons signals lowered the score, in a few words each (see SignalOutcome.shortfall). */
  shortfalls: string[];
}

/**
 * Refines a name score with the entity type, identifiers, birth date and country, each a separate signal.
 * An identifier match is decisive (score 1); a type exclusion is final (score 0). A name score held down by a rule
 * (numbers disagree, one shared part) is not lifted by agreeing dates or countries: those refine a name match, they
 * do not make one.
 */
export function applyEntitySignals(
  nameScore: number,
  nameCapped: boolean,
  query: ScreeningQuery,
  queryIsOrganization: boolean,
  listed: ListedAttributes,
): EntityVerdict {
  const typeRule: SignalOutcome =
    listed.type === undefined ? { adjustment: 0 } : entityTypeRule(query.type, queryIsOrganization, listed.type);
  if (typeRule.excluded)
    return {
      score: 0,
      excluded: true,
      decisive: false,
      typeDiffers: false,
      sentences: typeRule.sentence ? [typeRule.sentence] : [],
      shortfalls: [],
    };
  const identifier = identifierSignal(query.identifiers, listed.identifiers);
  const signals = [
    typeRule,
    identifier,
    birthDateSignal(query.birthDate, listed.birthDates),
    countrySignal(query.country, listed.countries),
  ];
  const sentences = signals.flatMap((s) => (s.sentence === undefined ? [] : [s.sentence]));
  const shortfalls = signals.flatMap((s) => (s.shortfall === undefined || s.adjustment >= 0 ? [] : [s.shortfall]));
  if (identifier.decisive)
    return { score: 1, excluded: false, decisive: true, typeDiffers: false, sentences, shortfalls: [] };
  const adjusted = signals.reduce(
    (score, s) => score + (nameCapped ? Math.min(0, s.adjustment) : s.adjustment),
    nameScore,
  );
  const typeDiffers = typeRule.adjustment < 0;
  return {
    score: Math.max(0, Math.min(1, adjusted)),
    excluded: false,
    decisive: false,
    typeDiffers,
    sentences,
    shortfalls,
  };
}
