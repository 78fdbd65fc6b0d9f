import type { Pool } from 'pg';
import { buildMatchIndex, HIT_NAME_FLOOR, type MatchableEntity, type MatchIndex } from '../matching';
import * as sql from './monitoring-sql';

/**
 * How far below the rules' name score a hit needs (HIT_NAME_FLOOR) the reverse look-up (a delta entity's name against the customers' names) reaches.
 * Scores are not symmetric (each side's unmatched words cost differently, and word weights come from the customers
 * here and from the lists forward), and a birth date or country can lift a forward score by up to 0.1: the margin
 * covers both, measured on the SDN deltas in tests/data/monitoring-equality.data.test.ts. The look-up only picks
 * candidates; every candidate is then screened forward exactly as a normal screening.
 */
export const REVERSE_THRESHOLD_MARGIN = 0.25;
/** Customers read per query while the index loads or catches up. */
const LOAD_PAGE = 50_000;
/** Names scored per reverse look-up: unbounded in practice, so a common name retrieves every customer who has it. */
const REVERSE_MAX_NAMES_SCORED = 1_000_000;

/** The key customers are grouped under: identical names (but for case and spacing) are one name in the index. */
const nameKey = (name: string) => name.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * A matching index over the monitored customers' names, queried with a delta entity's names to find the customers
 * that may match it. Built like the entity index (buildMatchIndex), with each distinct customer name as one "entity",
 * so a name held by a thousand customers is scored once. Kept current from the customers' change feed (updated_at):
 * a few changes are kept in a small overlay index beside the base one; many changes rebuild the base.
 */
export class CustomerIndex {
  private constructor(
    private readonly base: NameGroups,
    private overlay: NameGroups,
    /** Customer id → its name key, for every customer changed since the base was built (deleted ones too). */
    private readonly changed: Map<number, string | null>,
    /** Rows the load read inside the feed's re-read window, with their updated_at: the feed skips them unless changed again. */
    private readonly loadedRecently: Map<number, string>,
    private feedPosition: { at: string; id: number },
    readonly builtAt: Date,
  ) {}

  /** Loads every monitored customer and builds the index. */
  static async load(pool: Pool): Promise<CustomerIndex> {
    const position = (await pool.query<{ at: string }>(sql.FEED_NOW)).rows[0]!;
    const names = new Map<string, number[]>();
    const loadedRecently = new Map<number, string>();
    for (let after = 0; ;) {
      const { rows } = await pool.query<{ id: string; name: string; at: string | null }>(sql.MONITORED_CUSTOMER_NAMES, [
        after,
        LOAD_PAGE,
        position.at,
      ]);
      for (const r of rows) {
        if (r.at !== null) loadedRecently.set(Number(r.id), r.at);
        const key = nameKey(r.name);
        const ids = names.get(key);
        if (ids) ids.push(Number(r.id));
        else names.set(key, [Number(r.id)]);
      }
      if (rows.length < LOAD_PAGE) break;
      after = Number(rows[rows.length - 1]!.id);
    }
    return new CustomerIndex(
      NameGroups.build(names),
      NameGroups.build(new Map()),
      new Map(),
      loadedRecently,
      { at: position.at, id: 0 },
      new Date(),
    );
  }

  /** Bytes held by the index structures (the matching index's own estimate plus the groups), for capacity planning. */
  memoryBytes(): number {
    return this.base.memoryBytes() + this.overlay.memoryBytes();
  }

  /**
   * Reads the change feed since the last look and puts the changes in the overlay. Returns how many changed. Rows
   * whose transactions commit out of updated_at order are caught by re-reading a window before the last position.
   */
  async catchUp(pool: Pool): Promise<number> {
    const { rows } = await pool.query<{ id: string; name: string; monitored: boolean; at: string }>(
      sql.CUSTOMER_CHANGES,
      [this.feedPosition.at],
    );
    const fresh = rows.filter((r) => this.loadedRecently.get(Number(r.id)) !== r.at);
    if (fresh.length === 0) return 0;
    for (const r of fresh) {
      this.changed.set(Number(r.id), r.monitored ? nameKey(r.name) : null);
      this.loadedRecently.set(Number(r.id), r.at);
    }
    const last = rows[rows.length - 1]!;
    this.feedPosition = { at: last.at, id: Number(last.id) };
    const names = new Map<string, number[]>();
    for (const [id, key] of this.changed) {
      if (key === null) continue;
      const ids = names.get(key);
      if (ids) ids.push(id);
      else names.set(key, [id]);
    }
    this.overlay = NameGroups.build(names);
    return fresh.length;
  }

  /** Changes held in the overlay: past a share of the base, rebuilding is cheaper than querying two indexes. */
  get overlaySize(): number {
    return this.changed.size;
  }

  /**
   * Customer ids that may match a name: every customer whose name scores at least HIT_NAME_FLOOR less the margin
   * against it in the reverse direction, by the rules' name score (the calibrated hit threshold is not a name score).
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

/** Distinct names, each the "entity" of a matching index, with the customers holding it. */
class NameGroups {
  private constructor(
    private readonly index: MatchIndex,
    private readonly groups: number[][],
    readonly customerCount: number,
  ) {}

  static build(names: Map<string, number[]>): NameGroups {
    const groups: number[][] = [];
    const entities: MatchableEntity[] = [];
    let customers = 0;
    for (const [key, ids] of names) {
      // A customer's type is read forward, from the customer. Here every name is an organisation: an untyped query
      // (a delta name) meets no type rule against it, and one with a legal form reads as an organisation too.
      entities.push({
        id: String(groups.length),
        type: 'organization',
        names: [{ value: key, kind: 'primary' }],
        birthDates: [],
        countries: [],
        identifiers: [],
      });
      groups.push(ids);
      customers += ids.length;
    }
    return new NameGroups(buildMatchIndex(entities), groups, customers);
  }

  lookUp(name: string, options: { threshold: number; limit: number; maxNamesScored: number }): number[] {
    if (this.groups.length === 0) return [];
    return this.index.screenNames({ name }, options).flatMap((m) => this.groups[Number(m.entityId)] ?? []);
  }

  memoryBytes(): number {
    // Each group: an array header and 8 bytes per customer id.
    return this.index.memoryBytes() + this.groups.length * 32 + this.customerCount * 8;
  }
}
