import type { EntityType } from '../../lists/entity-model';
import { NO_SIGNAL, type SignalOutcome } from './signal';

/**
 * A person queried against an organisation (or the reverse): lists mis-type some entities and companies are named
 * after people, so this lowers the score rather than ruling it out.
 */
export const PERSON_ORGANIZATION_PENALTY = 0.15;

const CRAFT: ReadonlySet<EntityType> = new Set<EntityType>(['vessel', 'aircraft']);

/**
 * The entity-type rule: a person never matches a vessel or an aircraft (and the reverse); person against organisation
 * is penalised. The query type is the one given, else "organization" when the name carries a legal form.
 */
export function entityTypeRule(
  queryType: EntityType | undefined,
  inferredOrganization: boolean,
  listedType: EntityType,
): SignalOutcome {
  const type = queryType ?? (inferredOrganization ? 'organization' : undefined);
  if (type === undefined || type === listedType) return NO_SIGNAL;
  const how =
    queryType === undefined
      ? 'The query name carries a legal form, so it names an organisation'
      : `The query is a ${type}`;
  if ((type === 'person' && CRAFT.has(listedType)) || (listedType === 'person' && CRAFT.has(type))) {
    return {
      adjustment: 0,
      excluded: true,
      sentence: `${how}; the listed entity is a ${listedType}, so they cannot match.`,
    };
  }
  if ((type === 'person' && listedType === 'organization') || (type === 'organization' && listedType === 'person')) {
    return {
      adjustment: -PERSON_ORGANIZATION_PENALTY,
      shortfall: `type differs: a ${type} against a listed ${listedType}`,
      sentence: `${how} but the listed entity is a ${listedType}, which lowers the score.`,
    };
  }
  return NO_SIGNAL;
}
