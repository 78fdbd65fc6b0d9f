import type { Pool } from 'pg';
import { buildMatchIndex, HIT_NAME_FLOOR, type MatchableEntity, type MatchIndex } from '../matching';
import * as sql from './monitoring-sql';

/**
 * How far below the rules' name score a hit needs (HIT_NAME_FLOOR) the reverse look-up (a delta entity's name against
 * the customers' names) reaches.
 * Scores are not symmetric (each side's unmatched words cost differently, and word weights come from the customers
 * here and from the lists forward), and a birth date or country can lift a forward score by up to 0.1: the margin
 * covers both, measured on the SDN deltas in tests/data/monitoring-equality.data.test.ts. The look-up only picks
 * candidates; every candidate is then screened forward exactly as a normal screening.
 */
export const REVERSE_THRESHOLD_MARGIN = 0.25;
/** Customers read per query while the index loads or catches up. */
const LOAD_PAGE = 50_000;
/** Names a new index is asked with once built, so that the first run finds the matcher compiled. */
const WARM_UP_NAMES = 64;
/** Names scored per reverse look-up: unbounded in practice, so a common name retrieves every customer who has it. */
const REVERSE_MAX_NAMES_SCORED = 1_000_000;

/** The key customers are grouped under: identical names (but for case and spacing) are one name in the index. */
const nameKey = (name: string) => name.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * A matching index over the monitored customers' names, queried with a delta entity's names to find the customers
 * that may match it. Built like the entity index (buildMatchIndex), with each distinct customer name as one "entity",
 * so a name held by a thousand customers is scored once. Kept current from the customers' change feed (the writing
 * transaction's id, migration 0052): a few changes are kept in a small overlay index beside the base one; many changes
 * rebuild the base.
 */
export class CustomerIndex {
  private constructor(
    private readonly base: NameGroups,
    private overlay: NameGroups,
    /** Customer id → its name key, for every customer changed since the base was built (null: no longer monitored). */
    private readonly changed: Map<number, string | null>,
    /** The feed position to read from next (FEED_POSITION). */
    private feedPosition: string,
    readonly builtAt: Date,
  ) {}

  /** Loads every monitored customer and builds the index. */
  static async load(pool: Pool): Promise<CustomerIndex> {
    // Read before the pages: a change committed while they are read is read again by the first catch-up.
    const { position } = (await pool.query<{ position: string }>(sql.FEED_POSITION)).rows[0]!;
    const names = new Map<string, number[]>();
    for (let after = 0; ;) {
      const { rows } = await pool.query<{ id: string; name: string }>(sql.MONITORED_CUSTOMER_NAMES, [after, LOAD_PAGE]);
      for (const r of rows) {
        const key = nameKey(r.name);
        const ids = names.get(key);
        if (ids) ids.push(Number(r.id));
        else names.set(key, [Number(r.id)]);
      }
      if (rows.length < LOAD_PAGE) break;
      after = Number(rows[rows.length - 1]!.id);
    }
    return new CustomerIndex(NameGroups.build(names), NameGroups.build(new Map()), new Map(), position, new Date());
  }

  /**
   * Asks the index with some of its own names, as a run would: a worker that has screened nothing yet would otherwise
   * compile the matcher during its first run (measured at 1M customers: the reverse look-up 2.3 s cold, 0.3 s warm).
   * Returns how many names it asked.
   */
  warmUp(names = WARM_UP_NAMES): number {
    const sample = this.base.sampleNames(names);
    for (const name of sample) this.candidates(name);
    return sample.length;
  }

  /** Bytes held by the index structures (the matching index's own estimate plus the groups), for capacity planning. */
  memoryBytes(): number {
    return this.base.memoryBytes() + this.overlay.memoryBytes();
  }

  /**
   * Reads the change feed since the last look and puts the changes in the overlay. Returns how many changed. A
   * customer read again (its transaction was still running at the last look) with the same name changes nothing.
   */
  async catchUp(pool: Pool): Promise<number> {
    const { position } = (await pool.query<{ position: string }>(sql.FEED_POSITION)).rows[0]!;
    const { rows } = await pool.query<{ id: string; name: string; monitored: boolean }>(sql.CUSTOMER_CHANGES, [
      this.feedPosition,
    ]);
    this.feedPosition = position;
    let fresh = 0;
    for (const r of rows) {
      const id = Number(r.id);
      const key = r.monitored ? nameKey(r.name) : null;
      if (this.changed.has(id) && this.changed.get(id) === key) continue;
      this.changed.set(id, key);
      fresh++;
    }
    if (fresh === 0) return 0;
    const names = new Map<string, number[]>();
    for (const [id, key] of this.changed) {
      if (key === null) continue;
      const ids = names.get(key);
      if (ids) ids.push(id);
      else names.set(key, [id]);
    }
    this.overlay = NameGroups.build(names);
    return fresh;
  }

  /** Changes held in the overlay: past a share of the base, rebuilding is cheaper than querying two indexes. */
  get overlaySize(): number {
    return this.changed.size;
  }

  /**
   * Customer ids that may match a name: every customer whose name scores at least HIT_NAME_FLOOR less the margin
   * against it in the reverse direction, by the rules' name score (the calibrated threshold is not a name score).
   */
  candidates(name: string): number[] {
    const found: number[] = [];
    const options = {
      threshold: Math.max(0, HIT_NAME_FLOOR - REVERSE_THRESHOLD_MARGIN),
      limit: REVERSE_MAX_NAMES_SCORED,
      maxNamesScored: REVERSE_MAX_NAMES_SCORED,
    };
    for (const id of this.base.lookUp(name, options)) if (!this.changed.has(id)) found.push(id);
    for (const id of this.overlay.lookUp(name, options)) found.push(id);
    return found;
  }
}

/** A customer name's "entity" has no dates, countries or identifiers: one shared empty list for all. */
const NONE: never[] = [];

/** Distinct names, each the "entity" of a matching index, with the customers holding it. */
class NameGroups {
  private constructor(
    private readonly index: MatchIndex,
    /** The customers of name g are ids[start[g]] .. ids[start[g + 1] - 1]: two arrays, not an array per name. */
    private readonly start: Int32Array,
    private readonly ids: Float64Array,
    /** A few of the names, spread over the index, to warm it up with. */
    private readonly samples: string[],
  ) {}

  static build(names: Map<string, number[]>): NameGroups {
    const entities: MatchableEntity[] = [];
    const start = new Int32Array(names.size + 1);
    let customers = 0;
    for (const ids of names.values()) customers += ids.length;
    const ids = new Float64Array(customers);
    const samples: string[] = [];
    const every = Math.max(1, Math.floor(names.size / WARM_UP_NAMES));
    let g = 0;
    for (const [key, group] of names) {
      if (g % every === 0 && samples.length < WARM_UP_NAMES) samples.push(key);
      // A customer's type is read forward, from the customer. Here every name is an organisation: an untyped query
      // (a delta name) meets no type rule against it, and one with a legal form reads as an organisation too.
      entities.push({
        id: String(g),
        type: 'organization',
        names: [{ value: key, kind: 'primary' }],
        birthDates: NONE,
        countries: NONE,
        identifiers: NONE,
      });
      ids.set(group, start[g]!);
      start[g + 1] = start[g]! + group.length;
      g++;
    }
    return new NameGroups(buildMatchIndex(entities), start, ids, samples);
  }

  get customerCount(): number {
    return this.ids.length;
  }

  lookUp(name: string, options: { threshold: number; limit: number; maxNamesScored: number }): number[] {
    if (this.ids.length === 0) return [];
    const found: number[] = [];
    for (const { entityId } of this.index.screenNames({ name }, options)) {
      const g = Number(entityId);
      for (let k = this.start[g]!; k < this.start[g + 1]!; k++) found.push(this.ids[k]!);
    }
    return found;
  }

  sampleNames(count: number): string[] {
    return this.samples.slice(0, count);
  }

  memoryBytes(): number {
    return this.index.memoryBytes() + this.start.byteLength + this.ids.byteLength;
  }
}
