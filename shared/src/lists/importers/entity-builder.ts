import type { Address, Citation, EntityType, Identifier, ListedEntity, NameKind } from '../entity-model';
import { LIST_SOURCES, type ListSourceId } from '../sources';
import { detectScript } from './scripts';

const key = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/** Strength of each name kind: a name listed twice keeps its strongest kind. */
const KIND_RANK: Record<NameKind, number> = { primary: 3, original_script: 2, alias: 1, weak_alias: 0 };

/**
 * Collects one entity's facts from a source's rows without duplicates, then builds the ListedEntity.
 * Names keep their first-seen order, primary first; a name seen again keeps its strongest kind.
 */
export class EntityBuilder {
  private readonly names = new Map<string, { value: string; kind: NameKind; script?: string }>();
  private readonly birthDates = new Set<string>();
  private readonly countries = new Set<string>();
  private readonly nationalities = new Set<string>();
  private readonly programs = new Set<string>();
  private readonly identifiers = new Map<string, Identifier>();
  private readonly addresses = new Map<string, Address>();
  remarks: string | undefined;
  citations: Citation[] = [];

  constructor(
    readonly sourceEntityId: string,
    public type: EntityType,
  ) {}

  addName(value: string | undefined, kind: NameKind, script?: string): this {
    const text = value?.replace(/\s+/g, ' ').trim();
    if (!text) return this;
    const k = key(text);
    const existing = this.names.get(k);
    const detected = script ?? detectScript(text);
    if (existing) {
      if (KIND_RANK[kind] > KIND_RANK[existing.kind]) existing.kind = kind;
      return this;
    }
    this.names.set(k, { value: text, kind, ...(detected ? { script: detected } : {}) });
    return this;
  }

  hasName(kind?: NameKind): boolean {
    for (const name of this.names.values()) if (!kind || name.kind === kind) return true;
    return false;
  }

  addBirthDates(dates: Iterable<string>): this {
    for (const date of dates) this.birthDates.add(date);
    return this;
  }

  addCountry(code: string | undefined): this {
    if (code) this.countries.add(code);
    return this;
  }

  addNationality(code: string | undefined): this {
    if (code) this.nationalities.add(code);
    return this;
  }

  addProgram(program: string | undefined): this {
    const text = program?.replace(/\s+/g, ' ').trim();
    if (text) this.programs.add(text);
    return this;
  }

  addIdentifier(identifier: Identifier): this {
    const value = identifier.value.replace(/\s+/g, ' ').trim();
    if (!value) return this;
    const k = `${identifier.type}\u0000${key(value)}\u0000${identifier.country ?? ''}`;
    if (!this.identifiers.has(k)) this.identifiers.set(k, { ...identifier, value });
    return this;
  }

  addAddress(address: Address): this {
    const full = address.full.replace(/\s+/g, ' ').trim();
    if (!full) return this;
    const k = key(full);
    if (!this.addresses.has(k)) this.addresses.set(k, { ...address, full });
    if (address.country && /^[A-Z]{2}$/.test(address.country)) this.countries.add(address.country);
    return this;
  }

  get programList(): string[] {
    return [...this.programs];
  }

  get displayName(): string {
    const names = [...this.names.values()];
    return (names.find((n) => n.kind === 'primary') ?? names[0])?.value ?? '';
  }

  build(): ListedEntity {
    const names = [...this.names.values()];
    if (!names.some((n) => n.kind === 'primary')) {
      const first = names.find((n) => n.kind !== 'weak_alias') ?? names[0];
      if (first) first.kind = 'primary';
    }
    names.sort((a, b) => (a.kind === 'primary' ? 0 : 1) - (b.kind === 'primary' ? 0 : 1));
    return {
      sourceEntityId: this.sourceEntityId,
      type: this.type,
      names,
      birthDates: [...this.birthDates],
      countries: [...this.countries],
      nationalities: [...this.nationalities],
      programs: [...this.programs],
      identifiers: [...this.identifiers.values()],
      addresses: [...this.addresses.values()],
      ...(this.remarks ? { remarks: this.remarks } : {}),
      citations: this.citations,
    };
  }
}

export interface CitationInput {
  sourceId: ListSourceId;
  sourceRowId: string;
  name: string;
  programs: string[];
  listedOn?: string;
  /** The source's own page for this entry, where it has one. */
  entryUrl?: string;
  /** Label of the row id in the source ("ent_num", "reference number"). */
  rowLabel: string;
  note?: string;
}

/**
 * The citations every imported entity carries: the list entry (list, authority, programs, row id,
 * listing date, and the entry's own page when the source has one) and, when that page exists, the
 * official list itself.
 */
export function listCitations(input: CitationInput): Citation[] {
  const source = LIST_SOURCES[input.sourceId];
  const entry: Citation = {
    title: `${source.name}, ${input.rowLabel} ${input.sourceRowId}: ${input.name}`,
    url: input.entryUrl ?? source.url,
    authority: source.authority,
    ...(input.programs.length > 0 ? { program: input.programs.join('; ') } : {}),
    ...(input.listedOn ? { listedOn: input.listedOn } : {}),
    sourceRowId: input.sourceRowId,
    ...(input.note ? { note: input.note } : {}),
  };
  if (!input.entryUrl) return [entry];
  return [entry, { title: source.name, url: source.url, authority: source.authority, sourceRowId: input.sourceRowId }];
}
