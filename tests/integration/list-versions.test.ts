import {
  activeListVersions,
  findEntity,
  importList,
  indexableEntity,
  listSummaries,
  loadIndexableEntities,
  type ListedEntity,
} from '@sanctions/shared/lists';
import { importEntities, listedEntity } from '../support/list-factories';
import { createTestDatabase, type TestDatabase } from '../support/test-stores';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

const alice = listedEntity({ sourceEntityId: '1', name: 'ALICE, Example' });
const bob = listedEntity({ sourceEntityId: '2', name: 'BOB, Example', programs: ['SDGT'] });
const carol = listedEntity({ sourceEntityId: '3', name: 'CAROL, Example', type: 'person' });

describe('list versions', () => {
  it('activates a first version with every entity added, names and citations stored', async () => {
    const result = await importEntities(db.pool, 'ofac-sdn', [alice, bob]);
    expect(result).toMatchObject({
      status: 'activated',
      version: 1,
      entityCount: 2,
      nameCount: 2,
      delta: { added: 2, removed: 0, changed: 0 },
    });
    const stored = await findEntity(db.pool, 'ofac-sdn:2');
    expect(stored).toMatchObject({ id: 'ofac-sdn:2', sourceId: 'ofac-sdn', programs: ['SDGT'], removed: false });
    const { rows } = await db.pool.query(
      `SELECT title, source_row_id, listed_on::text FROM citations WHERE entity_id = 'ofac-sdn:2'`,
    );
    expect(rows).toEqual([{ title: 'Test list entry 2', source_row_id: '2', listed_on: '2024-01-01' }]);
  });

  it('records each activation in the append-only audit trail', async () => {
    const { rows } = await db.pool.query(
      `SELECT action, subject, details FROM audit_log WHERE action = 'list.version_activated'`,
    );
    expect(rows).toEqual([
      {
        action: 'list.version_activated',
        subject: 'ofac-sdn@1',
        details: expect.objectContaining({ delta: { added: 2, removed: 0, changed: 0 } }),
      },
    ]);
    await expect(db.pool.query(`UPDATE audit_log SET actor = 'someone'`)).rejects.toThrow(/append-only/);
    await expect(db.pool.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  });

  it('treats the same content imported again as a no-op', async () => {
    const result = await importEntities(db.pool, 'ofac-sdn', [bob, alice]);
    expect(result).toMatchObject({ status: 'unchanged', version: 1 });
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM list_versions WHERE source_id = 'ofac-sdn'`);
    expect(rows[0].n).toBe(1);
  });

  it('records added, removed and changed entities, naming the changed fields', async () => {
    const bobRenamed = {
      ...bob,
      names: [...bob.names, { value: 'BOBBY', kind: 'alias' as const }],
      programs: ['SDGT', 'IRAN'],
    };
    const result = await importEntities(db.pool, 'ofac-sdn', [bobRenamed, carol]);
    expect(result).toMatchObject({
      status: 'activated',
      version: 2,
      entityCount: 2,
      nameCount: 3,
      delta: { added: 1, removed: 1, changed: 1 },
    });
    const { rows } = await db.pool.query(
      `SELECT entity_id, change, fields FROM list_version_changes WHERE version_id = $1 ORDER BY entity_id`,
      [result.versionId],
    );
    expect(rows).toEqual([
      { entity_id: 'ofac-sdn:1', change: 'removed', fields: [] },
      { entity_id: 'ofac-sdn:2', change: 'changed', fields: ['names', 'programs'] },
      { entity_id: 'ofac-sdn:3', change: 'added', fields: [] },
    ]);
    expect(await findEntity(db.pool, 'ofac-sdn:1')).toMatchObject({ removed: true });
    const summary = (await listSummaries(db.pool)).find((l) => l.id === 'ofac-sdn');
    expect(summary?.activeVersion).toMatchObject({
      version: 2,
      entityCount: 2,
      delta: { added: 1, removed: 1, changed: 1 },
    });
  });

  it('brings a removed entity back as added when it is listed again', async () => {
    const result = await importEntities(db.pool, 'ofac-sdn', [
      alice,
      { ...bob, names: [...bob.names, { value: 'BOBBY', kind: 'alias' }], programs: ['SDGT', 'IRAN'] },
      carol,
    ]);
    expect(result.delta).toEqual({ added: 1, removed: 0, changed: 0 });
    expect(await findEntity(db.pool, 'ofac-sdn:1')).toMatchObject({ removed: false });
  });

  it('keeps the previous version active when an import fails half way, and says why', async () => {
    const before = await activeListVersions(db.pool);
    async function* failing(): AsyncGenerator<ListedEntity> {
      yield listedEntity({ sourceEntityId: '9', name: 'NEW, Person' });
      throw Object.assign(new Error('unexpected end of file'), { file: 'sdn.csv', line: 42 });
    }
    await expect(
      importList(db.pool, {
        sourceId: 'ofac-sdn',
        format: 'test',
        files: [{ path: 'sdn.csv', bytes: 1, sha256: 'broken' }],
        entities: failing(),
      }),
    ).rejects.toThrow(/unexpected end of file/);
    expect(await activeListVersions(db.pool)).toEqual(before);
    const { rows } = await db.pool.query(
      `SELECT status, error FROM list_versions WHERE source_id = 'ofac-sdn' ORDER BY version DESC LIMIT 1`,
    );
    expect(rows[0]).toEqual({
      status: 'failed',
      error: { message: 'unexpected end of file', file: 'sdn.csv', line: 42 },
    });
    expect(await findEntity(db.pool, 'ofac-sdn:9')).toBeUndefined();
    const staged = await db.pool.query('SELECT count(*)::int AS n FROM list_import_staging');
    expect(staged.rows[0].n).toBe(0);
  });

  it('applies a delta file as a patch: unchanged entities carry over, deleted ones are removed', async () => {
    const base = await importEntities(db.pool, 'opensanctions', [alice, bob, carol]);
    expect(base.entityCount).toBe(3);
    async function* delta() {
      yield { ...bob, programs: ['SDGT', 'DPRK3'] };
      yield listedEntity({ sourceEntityId: '4', name: 'DAVE, Example' });
    }
    const patched = await importList(db.pool, {
      sourceId: 'opensanctions',
      format: 'ftm-json',
      files: [{ path: 'entities.delta.json', bytes: 1, sha256: 'delta-1' }],
      entities: delta(),
      deletedSourceEntityIds: ['3'],
    });
    expect(patched).toMatchObject({
      status: 'activated',
      version: 2,
      entityCount: 3,
      delta: { added: 1, removed: 1, changed: 1 },
    });
    expect(await findEntity(db.pool, 'opensanctions:1')).toMatchObject({ removed: false });
    expect(await findEntity(db.pool, 'opensanctions:2')).toMatchObject({ programs: ['SDGT', 'DPRK3'] });
    expect(await findEntity(db.pool, 'opensanctions:3')).toMatchObject({ removed: true });
  });

  it('refuses a list that holds the same entity twice', async () => {
    await expect(importEntities(db.pool, 'un-sc', [alice, alice])).rejects.toThrow(/holds entity 1 twice/);
    expect((await activeListVersions(db.pool)).map((v) => v.sourceId)).toEqual(['ofac-sdn', 'opensanctions']);
  });
});

describe('loading the active lists for the match index', () => {
  it('reads every active entity with its names in order, across pages, and nothing removed or of another version', async () => {
    const own = await createTestDatabase();
    try {
      const people = Array.from({ length: 7 }, (_, i) =>
        listedEntity({
          sourceEntityId: `p${i}`,
          names: [
            { value: `PERSON ${i}`, kind: 'primary' },
            { value: `ALIAS ${i} A`, kind: 'alias' },
            { value: `ALIAS ${i} B`, kind: 'weak_alias' },
          ],
          birthDates: [`19${50 + i}`],
          countries: ['IR'],
          nationalities: ['IQ'],
          identifiers: [{ type: 'passport', value: `X${i}` }],
        }),
      );
      await importEntities(own.pool, 'ofac-sdn', people);
      // The next version drops p3: it is kept in Postgres as removed, and must not be indexed.
      await importEntities(
        own.pool,
        'ofac-sdn',
        people.filter((p) => p.sourceEntityId !== 'p3'),
      );
      await importEntities(own.pool, 'un-sc', [listedEntity({ sourceEntityId: 'u1', name: 'UN PERSON' })]);

      // Two rows a page: entities and names both run over many pages, and not in step.
      const { entities, versions } = await loadIndexableEntities(own.pool, { pageSize: 2 });
      expect(versions.map((v) => `${v.sourceId}@${v.version}`)).toEqual(['ofac-sdn@2', 'un-sc@1']);
      expect(entities.map((e) => e.id).sort()).toEqual([
        'ofac-sdn:p0',
        'ofac-sdn:p1',
        'ofac-sdn:p2',
        'ofac-sdn:p4',
        'ofac-sdn:p5',
        'ofac-sdn:p6',
        'un-sc:u1',
      ]);
      expect(entities.find((e) => e.id === 'ofac-sdn:p5')).toEqual({
        id: 'ofac-sdn:p5',
        type: 'person',
        names: [
          { value: 'PERSON 5', kind: 'primary' },
          { value: 'ALIAS 5 A', kind: 'alias' },
          { value: 'ALIAS 5 B', kind: 'weak_alias' },
        ],
        birthDates: ['1955'],
        countries: ['IR', 'IQ'],
        identifiers: [{ type: 'passport', value: 'X5' }],
      });
      expect(entities.find((e) => e.id === 'un-sc:u1')?.names).toEqual([{ value: 'UN PERSON', kind: 'primary' }]);
      // What code indexing a list without a database builds is what the database gives back.
      expect(entities.find((e) => e.id === 'ofac-sdn:p5')).toEqual(
        indexableEntity('ofac-sdn:p5', people[5] as ListedEntity),
      );
      // The default page size reads the same.
      expect((await loadIndexableEntities(own.pool)).entities).toEqual(entities);
    } finally {
      await own.drop();
    }
  });
});
