import type { MatchableEntity } from '@sanctions/shared/matching';

let nextId = 1;

/** A listed entity for tests: a primary name, optional aliases and attributes. */
export function entity(
  name: string,
  type: MatchableEntity['type'],
  extra: Partial<Omit<MatchableEntity, 'names'>> & { aliases?: string[] } = {},
): MatchableEntity {
  const { aliases = [], ...rest } = extra;
  return {
    id: `test:${nextId++}`,
    type,
    names: [{ value: name, kind: 'primary' }, ...aliases.map((value) => ({ value, kind: 'alias' as const }))],
    birthDates: [],
    countries: [],
    identifiers: [],
    ...rest,
  };
}
