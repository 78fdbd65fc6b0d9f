/**
 * The designated-entity model every importer produces and every consumer reads.
 * One shape for all sources (OFAC, UN, EU, UK, Canada, OpenSanctions, the seed dataset).
 */

export const ENTITY_TYPES = ['person', 'organization', 'vessel', 'aircraft'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** primary: the listed name; alias: a.k.a.; weak_alias: OFAC "weak" a.k.a.; original_script: the name in its own script. */
export const NAME_KINDS = ['primary', 'alias', 'weak_alias', 'original_script'] as const;
export type NameKind = (typeof NAME_KINDS)[number];

export interface EntityName {
  value: string;
  kind: NameKind;
  /** ISO 15924 script code when known, e.g. "Hang", "Hani", "Cyrl". */
  script?: string;
}

export interface Identifier {
  /** e.g. "passport", "national_id", "imo", "registration_number", "tax_id", "swift_bic". */
  type: string;
  value: string;
  country?: string;
  note?: string;
}

export interface Address {
  full: string;
  city?: string;
  country?: string;
}

export interface Citation {
  title: string;
  url?: string;
  publisher?: string;
  authority?: string;
  program?: string;
  /** YYYY-MM-DD */
  listedOn?: string;
  /** The row or record id inside the source file (ent_num, UN reference number, ...). */
  sourceRowId?: string;
  /** ISO timestamp of when the cited document was read. */
  retrievedAt?: string;
  note?: string;
}

export interface ListedEntity {
  /** Stable id of the entity inside its source (OFAC ent_num, UN reference, ...). */
  sourceEntityId: string;
  type: EntityType;
  /** At least one name; the first `primary` name is the display name. */
  names: EntityName[];
  /** Partial ISO dates: "1961", "1961-05" or "1961-05-23". Ranges are expanded to years. */
  birthDates: string[];
  /** ISO 3166-1 alpha-2 codes when the importer can map them, otherwise the source's text. */
  countries: string[];
  nationalities: string[];
  programs: string[];
  identifiers: Identifier[];
  addresses: Address[];
  remarks?: string;
  citations: Citation[];
}

/** The display name: the first primary name, else the first name. */
export function primaryName(entity: Pick<ListedEntity, 'names'>): string {
  const primary = entity.names.find((n) => n.kind === 'primary') ?? entity.names[0];
  return primary?.value ?? '';
}
