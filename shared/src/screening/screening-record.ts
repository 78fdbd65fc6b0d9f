import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { listVersionLabel } from '../history';
import { mergeByDesignation, type DesignationMatch } from '../designations';
import { screenWithNearMisses, type MatchOptions, type NearMiss } from '../matching';
import { siftGroup, subjectKeysOfGroup, type ScreeningSuppressionRow, type SuppressedMatch } from '../suppressions';
import type { LoadedIndex } from './match-index-cache';
import type { ScreeningJob } from './screening-request';
import { screeningViewOf, type Decision, type ScreeningView } from './screening-view';
import * as sql from './screening-write-sql';

export type { Decision } from './screening-view';

/** A screening matched in memory, not yet recorded. */
export interface MatchedScreening {
  job: ScreeningJob;
  /** One match per designation, before suppressions. */
  found: DesignationMatch[];
  nearMisses: NearMiss[];
  /** The query's name as normalizeName gives it, read by the match: the history row's and the suppressions' key. */
  normalizedName: string;
  threshold: number;
  versions: LoadedIndex['versions'];
  /** How long the match took, for screening_match_duration_seconds. */
  matchSeconds: number;
}

export interface RecordedScreening {
  /** `already-recorded` when a previous attempt (or another job of the same screening) got there first. */
  outcome: 'recorded' | 'already-recorded';
  decision: Decision;
  matches: DesignationMatch[];
  /** The screening as GET /v1/screenings/:id now shows it, when this write recorded it: the answer to announce. */
  view?: ScreeningView;
  /** Outbox events the group's write made (webhook deliveries to dispatch), for every screening of the group. */
  outboxEvents: number;
}

/** The match itself: pure, in memory, about 0.1–0.3 ms. */
export function matchScreening(loaded: LoadedIndex, job: ScreeningJob, options: MatchOptions): MatchedScreening {
  const started = performance.now();
  const { matches, nearMisses, normalizedName } = screenWithNearMisses(loaded.index, job.query, options);
  const found = mergeByDesignation(matches, loaded.designations);
  return {
    job,
    matchSeconds: (performance.now() - started) / 1000,
    found,
    nearMisses,
    normalizedName,
    threshold: options.threshold,
    versions: loaded.versions,
  };
}

/**
 * Records a group of matched screenings at once (group commit), each exactly once: status, decision, matches,
 * suppressed matches, the hit's alert and the outbox events, and the row itself when the API left it to the worker
 * (a waiting request's job carries it). The group, whatever its size, is one statement that commits by itself. When
 * something matched, that statement also looks up the live suppressions of the screenings that matched, in the snapshot
 * it writes with, and writes only when none is in force (most hits have none: one round trip). When one is, it writes
 * nothing and answers them; the matches are sifted by them and the group is written again (two round trips, as a lookup
 * first would have taken). Results come back in the order given, with the stored view of each screening recorded here.
 */
export async function recordScreenings(pool: Pool, group: readonly MatchedScreening[]): Promise<RecordedScreening[]> {
  const firstOf = new Map<string, number>();
  group.forEach((s, i) => firstOf.has(s.job.screeningId) || firstOf.set(s.job.screeningId, i));
  const unique = [...firstOf.values()].map((i) => group[i]!);
  const suppressible = unique.map((s) => ({
    screeningId: s.job.screeningId,
    query: s.job.query,
    // The history row and the suppressions' subject key both take the normalized name the match read.
    normalizedName: s.normalizedName,
    matches: s.found,
    ...(s.job.row && { unstoredRow: s.job.row }),
  }));
  const subjectKeys = subjectKeysOfGroup(suppressible);
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    let sifted: Sifted = unique.map((s) => ({ kept: s.found, suppressed: [] }));
    let written = await write(client, unique, sifted, subjectKeys, false);
    if ('liveSuppressions' in written) {
      sifted = siftGroup(suppressible, subjectKeys, written.liveSuppressions);
      written = await write(client, unique, sifted, subjectKeys, true);
    }
    const { done, outboxEvents } = written;
    const keptOf = new Map(unique.map((s, i) => [s.job.screeningId, sifted[i]!.kept]));
    return group.map((s, i) => {
      const kept = keptOf.get(s.job.screeningId)!;
      // A second job of the same screening in one group is a duplicate delivery: the first one records.
      const first = firstOf.get(s.job.screeningId) === i;
      const row = first ? done.get(s.job.screeningId) : undefined;
      return {
        outcome: row ? 'recorded' : 'already-recorded',
        decision: kept.length > 0 ? 'hit' : 'no_hit',
        matches: kept,
        ...(row && { view: screeningViewOf(row) }),
        outboxEvents,
      };
    });
  } catch (error) {
    // The write is one statement, so there is nothing to roll back: the ROLLBACK (which then only warns) tells a
    // broken connection from a live one.
    await client.query('ROLLBACK').catch((e: Error) => (broken = e));
    throw error;
  } finally {
    // A connection that cannot even roll back (Postgres restarted) is destroyed, not handed to the next caller.
    client.release(broken);
  }
}

/** The connections that have JIT off for their session (NO_JIT). */
const jitOff = new WeakSet<PoolClient>();

type Sifted = { kept: DesignationMatch[]; suppressed: SuppressedMatch[] }[];

/** A screening the group's write flipped to done: its row with its matches, as SCREENING_BY_ID reads one. */
type Done = Record<string, any> & {
  id: string;
  workspace_id: string;
  api_key_id: string | null;
  reference: string | null;
};

/** What a group's write recorded: the rows it flipped to done, and the outbox events it made. */
type Written = { done: Map<string, Done>; outboxEvents: number };
/** A write a live suppression refused (nothing written): the suppressions its lookup found. */
type Refused = { liveSuppressions: ScreeningSuppressionRow[] };

/**
 * The group's write; returns the rows it flipped to done (the others were recorded before) and the outbox events it
 * made, or, when the matches are not `suppressionsSifted` and a live suppression of a screening that matched is in
 * force, the suppressions found (and nothing written); sifted matches are never refused (the statement's $21).
 */
async function write(
  client: PoolClient,
  group: readonly MatchedScreening[],
  sifted: Sifted,
  subjectKeys: readonly (string | null)[],
  suppressionsSifted: true,
): Promise<Written>;
async function write(
  client: PoolClient,
  group: readonly MatchedScreening[],
  sifted: Sifted,
  subjectKeys: readonly (string | null)[],
  suppressionsSifted: false,
): Promise<Written | Refused>;
async function write(
  client: PoolClient,
  group: readonly MatchedScreening[],
  sifted: Sifted,
  subjectKeys: readonly (string | null)[],
  suppressionsSifted: boolean,
): Promise<Written | Refused> {
  const results = [
    group.map((s) => s.job.screeningId),
    sifted.map((s) => (s.kept.length > 0 ? 'hit' : 'no_hit')),
    sifted.map((s) => s.kept[0]?.score ?? null),
    group.map((s) => s.threshold),
    group.map((s) =>
      JSON.stringify(s.versions.map((v) => ({ sourceId: v.sourceId, version: v.version, versionId: v.versionId }))),
    ),
    group.map((s) => JSON.stringify(s.nearMisses)),
    sifted.map((s) => JSON.stringify(s.suppressed)),
    // What the history row needs beyond the screening's own columns.
    group.map((s) => s.normalizedName),
    sifted.map((s) => s.kept.length),
    group.map((s) => listVersionLabel(s.versions)),
    // The row itself, for the screenings whose job carries it (the API left it to this write).
    group.map((s) => s.job.row !== undefined),
    group.map((s) => s.job.row?.apiKeyId ?? null),
    group.map((s) => s.job.query.name),
    group.map((s) => s.job.query.type ?? null),
    group.map((s) => s.job.query.birthDate ?? null),
    group.map((s) => s.job.query.country ?? null),
    group.map((s) => s.job.row?.reference ?? null),
    group.map((s) => s.job.row?.createdAt ?? null),
    group.map((s) => s.job.row?.insertUntil ?? null),
    subjectKeys,
  ];
  const flipped = (rows: Done[]) => ({
    done: new Map(rows.map((r) => [r.id, r])),
    outboxEvents: rows[0]?.outbox_events ?? 0,
  });
  if (sifted.every((s) => s.kept.length === 0)) {
    const { rows } = await client.query<Done>(sql.RECORD_SCREENINGS_WITHOUT_MATCHES, results);
    return flipped(rows);
  }
  const matches = group.flatMap((s, i) =>
    sifted[i]!.kept.map((m, rank) => ({ screeningId: s.job.screeningId, rank: rank + 1, m })),
  );
  // The hits' alerts, made in the same statement for the screenings it flips only.
  const alerts = group.flatMap((s, i) =>
    sifted[i]!.kept.length === 0
      ? []
      : [{ id: randomUUID(), screening_id: s.job.screeningId, query: s.job.query, matches: sifted[i]!.kept }],
  );
  if (!jitOff.has(client)) {
    await client.query(sql.NO_JIT);
    jitOff.add(client);
  }
  const { rows } = await client.query<Done & { live_suppressions: ScreeningSuppressionRow[] | null }>(
    sql.RECORD_SCREENINGS,
    [
      ...results,
      suppressionsSifted,
      matches.map((x) => x.screeningId),
      matches.map((x) => x.rank),
      matches.map((x) => x.m.entityId),
      matches.map((x) => x.m.matchedName),
      matches.map((x) => x.m.matchedNameKind),
      matches.map((x) => x.m.score),
      matches.map((x) => JSON.stringify(x.m.explanation)),
      matches.map((x) => JSON.stringify(x.m.entityIds)),
      JSON.stringify(alerts),
    ],
  );
  const refusedBy = rows[0]?.live_suppressions;
  if (refusedBy) return { liveSuppressions: refusedBy };
  // No screening flipped: the statement's one row of nulls.
  return flipped(rows.filter((r) => r.id !== null));
}
