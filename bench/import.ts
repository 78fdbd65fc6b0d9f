/**
 * npm run bench:import — the full OFAC SDN (2024-05-03) into Postgres: our staged bulk import against a
 * row-at-a-time importer (one INSERT per entity, name and citation), measured in the same run on the same data.
 * Then a worker's start on a list of a million names (SDN names mutated, imported as one list): the time from an
 * empty worker to an index ready to screen, as the screening worker does it (MatchIndexCache), load and build apart.
 * Postgres: DATABASE_URL, else 127.0.0.1:5432, else the embedded PGlite. Data: SHARED_DATA_DIR (default ../shared/data).
 * BENCH_WORKER_START_NAMES (1000000; 0 skips the worker start).
 */
import { resolve } from 'node:path';
import type { Pool } from '../shared/src/db';
import { importList, loadIndexableEntities, primaryName, type ListedEntity } from '../shared/src/lists';
import { openList } from '../shared/src/lists/importers';
import { createLogger } from '../shared/src/logging';
import { buildMatchIndex } from '../shared/src/matching';
import { MatchIndexCache } from '../shared/src/screening';
import { scaleList } from './lib/scale-list';
import { openMigratedScratch } from './lib/scratch-database';
import { seededRng } from './lib/variations';

const DATA_DIR = process.env.SHARED_DATA_DIR ?? resolve(__dirname, '../../../../shared/data');
const SDN = resolve(DATA_DIR, 'ofac_sdn/2024-05-03/sdn.csv');
const WORKER_START_NAMES = Number(process.env.BENCH_WORKER_START_NAMES ?? 1_000_000);

/** The peer: what an importer without bulk SQL does, one statement per row. */
async function rowAtATime(pool: Pool, entities: ListedEntity[]): Promise<void> {
  await pool.query(
    `INSERT INTO list_sources (id, name, authority, url, license) VALUES ('un-sc', 'peer', 'peer', 'peer', 'peer')`,
  );
  const { rows } = await pool.query(
    `INSERT INTO list_versions (source_id, version, status, format) VALUES ('un-sc', 1, 'active', 'peer') RETURNING id`,
  );
  const v = rows[0].id;
  for (const e of entities) {
    const id = `un-sc:${e.sourceEntityId}`;
    await pool.query(
      `INSERT INTO entities (id, source_id, source_entity_id, type, primary_name, programs, document, content_hash, listed_in_version_id, updated_in_version_id)
       VALUES ($1, 'un-sc', $2, $3, $4, $5, $6, '', $7, $7)`,
      [id, e.sourceEntityId, e.type, primaryName(e), e.programs, JSON.stringify(e), v],
    );
    for (const [i, n] of e.names.entries()) {
      await pool.query(
        `INSERT INTO entity_names (entity_id, position, name, kind, search_name) VALUES ($1, $2, $3, $4, lower(unaccent($3)))`,
        [id, i, n.value, n.kind],
      );
    }
    for (const [i, c] of e.citations.entries()) {
      await pool.query(
        `INSERT INTO citations (entity_id, position, title, url, source_row_id) VALUES ($1, $2, $3, $4, $5)`,
        [id, i, c.title, c.url ?? null, c.sourceRowId ?? null],
      );
    }
  }
}

async function main(): Promise<void> {
  const db = await openMigratedScratch('bench_import', { embeddedFallback: true });
  const pool = db.pool;
  try {
    const memoryBefore = process.memoryUsage().rss;
    let t = Date.now();
    const result = await importList(pool, await openList('ofac-sdn-csv', SDN));
    const bulkMs = Date.now() - t;
    const peakRssMb = (process.memoryUsage().rss - memoryBefore) / 1e6;

    const entities: ListedEntity[] = [];
    for await (const e of (await openList('ofac-sdn-csv', SDN)).entities) entities.push(e);
    t = Date.now();
    await rowAtATime(pool, entities);
    const peerMs = Date.now() - t;

    t = Date.now();
    const again = await importList(pool, await openList('ofac-sdn-csv', SDN));
    const noopMs = Date.now() - t;

    const rows = [
      ['importer', 'entities', 'names', 'time', 'entities/s'],
      [
        'ours: stream → staging (unnest) → diff → one transaction',
        result.entityCount,
        result.nameCount,
        `${(bulkMs / 1000).toFixed(2)} s`,
        Math.round(result.entityCount / (bulkMs / 1000)),
      ],
      [
        'peer: one INSERT per entity, name and citation',
        entities.length,
        entities.reduce((n, e) => n + e.names.length, 0),
        `${(peerMs / 1000).toFixed(2)} s`,
        Math.round(entities.length / (peerMs / 1000)),
      ],
      [
        `re-import of identical files (${again.status})`,
        again.entityCount,
        again.nameCount,
        `${(noopMs / 1000).toFixed(2)} s`,
        '-',
      ],
    ];
    console.log(`\nOFAC SDN 2024-05-03 into ${db.label} (parse + write, includes the delta against an empty list)\n`);
    for (const r of rows) console.log(`| ${r.map(String).join(' | ')} |`);
    console.log(
      `\nours is ${(peerMs / bulkMs).toFixed(1)}x faster than the row-at-a-time peer; RSS growth during our import ${peakRssMb.toFixed(0)} MB`,
    );
  } finally {
    await db.drop();
  }
  if (WORKER_START_NAMES > 0) await workerStart();
}

/** A worker starting on a list of WORKER_START_NAMES names: import it, then time what the screening worker does first. */
async function workerStart(): Promise<void> {
  const db = await openMigratedScratch('bench_import', { embeddedFallback: true });
  const pool = db.pool;
  try {
    const sdn: ListedEntity[] = [];
    for await (const e of (await openList('ofac-sdn-csv', SDN)).entities) sdn.push(e);
    const scaled = scaleList(sdn, WORKER_START_NAMES, seededRng(9), (source, serial, names) => ({
      ...source,
      sourceEntityId: `synthetic-${serial}`,
      names,
    }));
    let t = Date.now();
    const imported = await importList(pool, {
      sourceId: 'opensanctions',
      format: 'bench',
      files: [{ path: 'scaled-sdn', sha256: `scaled-${WORKER_START_NAMES}`, bytes: 0 }],
      entities: (async function* () {
        yield* scaled;
      })(),
    });
    const importMs = Date.now() - t;

    t = Date.now();
    const { entities } = await loadIndexableEntities(pool);
    const loadMs = Date.now() - t;
    t = Date.now();
    buildMatchIndex(entities);
    const buildMs = Date.now() - t;

    // The worker's own path, from nothing: read the active versions, load, build.
    const rssBefore = process.memoryUsage().rss;
    t = Date.now();
    const ready = await new MatchIndexCache(pool, createLogger('silent')).current();
    const readyMs = Date.now() - t;
    console.log(
      `\nA worker starting on ${imported.nameCount.toLocaleString('en')} names (${imported.entityCount.toLocaleString('en')} entities) in ${db.label}\n`,
    );
    console.log(
      '| import (once) | load from Postgres | build the index | worker ready (load + build, as the worker does it) | index names |',
    );
    console.log('|---:|---:|---:|---:|---:|');
    console.log(
      `| ${(importMs / 1000).toFixed(1)} s | ${(loadMs / 1000).toFixed(1)} s | ${(buildMs / 1000).toFixed(1)} s | ${(readyMs / 1000).toFixed(1)} s | ` +
        `${ready.index.nameCount.toLocaleString('en')} |`,
    );
    console.log(
      `\nRSS growth while the worker loaded and built: ${((process.memoryUsage().rss - rssBefore) / 1e6).toFixed(0)} MB`,
    );
  } finally {
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
