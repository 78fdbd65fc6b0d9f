import type { NameMatch } from '../matching';

/** A match for one designation: the best-scoring record's match, and every record of the designation. */
export interface DesignationMatch extends NameMatch {
  /** Every record of the designation, the primary one (`entityId`) first, then the other matched ones by score. */
  entityIds: string[];
}

/**
 * Entity id → every active record of its designation, for the designations that have more than one record (the
 * same OFAC id on SDN and Consolidated, a seed entry and the OFAC record it restates). An entity not in the map is a
 * designation of its own.
 */
export type SharedDesignations = ReadonlyMap<string, readonly string[]>;

export const NO_SHARED_DESIGNATIONS: SharedDesignations = new Map();

/**
 * One match per designation. Matches come best first; the first record of a designation met is its primary record
 * and keeps its matched name, score and explanation. Records of the same designation that matched too, then those
 * that did not, are named in `entityIds`, so the stored match carries every list, program and citation of them.
 */
export function mergeByDesignation(matches: readonly NameMatch[], shared: SharedDesignations): DesignationMatch[] {
  const merged: DesignationMatch[] = [];
  const byGroup = new Map<readonly string[], DesignationMatch>();
  for (const match of matches) {
    const group = shared.get(match.entityId);
    const existing = group && byGroup.get(group);
    if (existing) {
      if (!existing.entityIds.includes(match.entityId)) existing.entityIds.push(match.entityId);
      continue;
    }
    const designation: DesignationMatch = { ...match, entityIds: [match.entityId] };
    if (group) byGroup.set(group, designation);
    merged.push(designation);
  }
  for (const [group, designation] of byGroup) {
    for (const id of group) if (!designation.entityIds.includes(id)) designation.entityIds.push(id);
  }
  return merged;
}
