import { mergeByDesignation, type DesignationMatch } from '../designations';
import type { EntityType } from '../lists';
import type { ScreeningQuery } from '../matching';
import type { LoadedIndex } from '../screening';

/** What a customer is screened with: the fields a normal screening of it reads. */
export interface CustomerFields {
  name: string;
  entity_type: EntityType | null;
  birth_date: string | null;
  country: string | null;
}

export const customerQuery = (c: CustomerFields): ScreeningQuery => ({
  name: c.name,
  ...(c.entity_type && { type: c.entity_type }),
  ...(c.birth_date && { birthDate: c.birth_date }),
  ...(c.country && { country: c.country }),
});

/**
 * A run's forward screening of its candidate customers: the matches a normal screening of the customer finds on the
 * delta's records. A screening is a pure function of the query and the index, so customers with the same name and
 * fields (a book holds many) are screened once per run. (A pre-filter by name against an index of only the delta's
 * entities cost more than it saved: most candidates passed it, and each costs about a forward screening.)
 */
export class DeltaScreening {
  private readonly onDelta = new Map<string, DesignationMatch[]>();
  /** Distinct queries screened forward, for the run's log line. */
  readonly counts = { screened: 0 };

  constructor(
    private readonly screened: ReadonlySet<string>,
    private readonly lists: LoadedIndex,
    private readonly options: { threshold: number; limit: number },
  ) {}

  /** The customer's matches on the delta's records, merged by designation as a normal screening shows them. */
  matches(customer: CustomerFields): DesignationMatch[] {
    const query = customerQuery(customer);
    const key = JSON.stringify([query.name, query.type, query.birthDate, query.country]);
    let found = this.onDelta.get(key);
    if (found === undefined) {
      this.counts.screened++;
      found = mergeByDesignation(this.lists.index.screen(query, this.options), this.lists.designations).filter((m) =>
        m.entityIds.some((id) => this.screened.has(id)),
      );
      this.onDelta.set(key, found);
    }
    return found;
  }
}
