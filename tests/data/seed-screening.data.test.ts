import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { indexableEntity } from '@sanctions/shared/lists';
import { openList, type ImportFormat } from '@sanctions/shared/lists/importers';
import {
  buildMatchIndex,
  DEFAULT_MATCH_THRESHOLD,
  type MatchableEntity,
  type MatchIndex,
} from '@sanctions/shared/matching';
import { SEED_MISSPELLINGS, seedEntities } from '../support/seed-misspellings';

const DATA_DIR = process.env['SHARED_DATA_DIR'] ?? resolve(__dirname, '../../../shared/data');
const suite = existsSync(join(DATA_DIR, 'PROVENANCE.md')) ? describe : describe.skip;

async function listEntities(format: ImportFormat, relative: string, prefix: string): Promise<MatchableEntity[]> {
  const list = await openList(format, join(DATA_DIR, relative));
  const out: MatchableEntity[] = [];
  for await (const e of list.entities) out.push(indexableEntity(`${prefix}:${e.sourceEntityId}`, e));
  return out;
}

suite('the seed dataset among the official lists, screened with misspelt names', () => {
  let index: MatchIndex;
  beforeAll(async () => {
    // The seed's entities are OFAC records too: on the full lists each is found beside its own SDN record.
    const lists = await Promise.all([
      listEntities('ofac-sdn-csv', 'ofac_sdn/2024-05-03', 'sdn'),
      listEntities('ofac-cons-csv', 'ofac_consolidated', 'cons'),
      listEntities('un-xml', 'un_consolidated/consolidated.xml', 'un'),
    ]);
    index = buildMatchIndex([...(await seedEntities()), ...lists.flat()]);
  });

  // The calibrated score reads the whole spelling of the name met: the seed's record and the SDN record it restates
  // may be written a little differently, so they may score a little apart.
  const SAME_DESIGNATION_SPREAD = 0.01;

  it.each(SEED_MISSPELLINGS)('finds "%s" as %s, at the top score', (query, id) => {
    const matches = index.screen({ name: query }, { threshold: DEFAULT_MATCH_THRESHOLD, limit: 10 });
    const seed = matches.find((m) => m.entityId === id);
    expect(seed).toBeDefined();
    expect(seed?.score).toBeGreaterThanOrEqual((matches[0]?.score ?? 0) - SAME_DESIGNATION_SPREAD);
  });
});
