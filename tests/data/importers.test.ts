import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ListedEntity } from '@sanctions/shared/lists/entity-model';
import { openList, type ImportFormat, type ParsedList } from '@sanctions/shared/lists/importers';
import { parseSeedDataset } from '@sanctions/shared/lists/seed-dataset';

/** The real list files described in shared/data/PROVENANCE.md. */
const DATA_DIR = process.env['SHARED_DATA_DIR'] ?? resolve(__dirname, '../../../shared/data');
const SEED_FILE = resolve(__dirname, '../../seeds/human-rights-day-2021.json');
const haveData = existsSync(join(DATA_DIR, 'PROVENANCE.md'));
if (!haveData) {
  console.warn(
    `Skipping the list importer data suite: no list files at ${DATA_DIR} (set SHARED_DATA_DIR to the shared/data folder).`,
  );
}
const suite = haveData ? describe : describe.skip;

interface Loaded {
  list: ParsedList;
  entities: ListedEntity[];
  byId: Map<string, ListedEntity>;
  types: Record<string, number>;
  parseMs: number;
}

const cache = new Map<string, Promise<Loaded>>();

/** Opens and parses a list once per test file. */
function load(format: ImportFormat, relative: string): Promise<Loaded> {
  const key = `${format}:${relative}`;
  if (!cache.has(key)) {
    cache.set(
      key,
      (async () => {
        const list = await openList(format, join(DATA_DIR, relative));
        const started = performance.now();
        const entities: ListedEntity[] = [];
        for await (const entity of list.entities) entities.push(entity);
        const parseMs = performance.now() - started;
        const types: Record<string, number> = {};
        for (const e of entities) types[e.type] = (types[e.type] ?? 0) + 1;
        return { list, entities, byId: new Map(entities.map((e) => [e.sourceEntityId, e])), types, parseMs };
      })(),
    );
  }
  return cache.get(key)!;
}

const get = (loaded: Loaded, id: string): ListedEntity => {
  const entity = loaded.byId.get(id);
  if (!entity) throw new Error(`no entity ${id}`);
  return entity;
};
const namesOf = (entity: ListedEntity, kind?: string) =>
  entity.names.filter((n) => !kind || n.kind === kind).map((n) => n.value);

/** Every importer must give each entity a unique id, a primary name and a citation of its row. */
function expectWellFormed({ entities, byId, list }: Loaded) {
  expect(byId.size).toBe(entities.length);
  const problems: string[] = [];
  for (const entity of entities) {
    const id = entity.sourceEntityId;
    if (!entity.names.some((n) => n.kind === 'primary')) problems.push(`${id}: no primary name`);
    if (!entity.citations[0]?.sourceRowId) problems.push(`${id}: no cited row`);
    if (!/^https?:\/\//.test(entity.citations[0]?.url ?? '')) problems.push(`${id}: no cited URL`);
    for (const date of entity.birthDates)
      if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date)) problems.push(`${id}: birth date ${date}`);
  }
  expect(problems).toEqual([]);
  for (const file of list.files) expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
}

suite('list importers on the real files (shared/data)', () => {
  describe('OFAC SDN legacy CSV', () => {
    it('2024-05-03 sdn.csv: 14,965 entities (6,884 organisations, 6,854 persons, 851 vessels, 376 aircraft)', async () => {
      const sdn = await load('ofac-sdn-csv', 'ofac_sdn/2024-05-03');
      expect(sdn.entities).toHaveLength(14965);
      expect(sdn.types).toEqual({ organization: 6884, person: 6854, vessel: 851, aircraft: 376 });
      expect(sdn.list.files).toEqual([
        {
          path: join(DATA_DIR, 'ofac_sdn/2024-05-03/sdn.csv'),
          bytes: 3909739,
          sha256: '210ca6b4a8187a34e0850be69ecc6e918f23ad7778b8b5b2f9c9d5fbbaf4e0cb',
        },
      ]);
      expect(sdn.list.stats).toEqual({ recordsRead: 14965, entities: 14965 });
      expectWellFormed(sdn);
      console.log(
        `SDN 2024-05-03: ${sdn.entities.length} entities parsed in ${sdn.parseMs.toFixed(0)} ms (${Math.round(sdn.entities.length / (sdn.parseMs / 1000))} entities/s)`,
      );
    });

    it('2024-05-03: every Human Rights Day designation of 2021-12-10 is still there', async () => {
      const sdn = await load('ofac-sdn-csv', 'ofac_sdn/2024-05-03');
      for (const id of ['34022', '33936', '30184', '33951', '33952', '33973', '33537'])
        expect(sdn.byId.has(id)).toBe(true);
    });

    it('2021-12-10 sdn.csv: ent_num 33936 RI Yong Gil is a DPRK2 person born 1955, nationality KP', async () => {
      const sdn = await load('ofac-sdn-csv', 'ofac_sdn/2021-12-10');
      expect(sdn.entities).toHaveLength(9146);
      expect(sdn.types).toEqual({ organization: 3727, person: 4719, vessel: 420, aircraft: 280 });
      const ri = get(sdn, '33936');
      expect(ri).toMatchObject({ type: 'person', programs: ['DPRK2'], birthDates: ['1955'], nationalities: ['KP'] });
      expect(namesOf(ri, 'primary')).toEqual(['RI, Yong Gil']);
      expect(ri.citations[0]).toMatchObject({
        sourceRowId: '33936',
        url: 'https://sanctionssearch.ofac.treas.gov/Details.aspx?id=33936',
      });
      expect(ri.citations[0]?.listedOn).toBeUndefined();
      expectWellFormed(sdn);
    });

    it('2021-12-09 → 2021-12-10: exactly the 25 Human Rights Day records are added and none removed', async () => {
      const before = await load('ofac-sdn-csv', 'ofac_sdn/2021-12-09');
      const after = await load('ofac-sdn-csv', 'ofac_sdn/2021-12-10');
      expect(before.entities).toHaveLength(9121);
      const added = [...after.byId.keys()].filter((id) => !before.byId.has(id)).sort();
      const removed = [...before.byId.keys()].filter((id) => !after.byId.has(id));
      expect(added).toEqual(
        [
          '30184',
          '33936',
          '31042',
          '34020',
          '34021',
          '34022',
          '34023',
          '34024',
          '34025',
          '33536',
          '33537',
          '33538',
          '33973',
          '34016',
          '34017',
          '34018',
          '33951',
          '33952',
          '33953',
          '34076',
          '34077',
          '33954',
          '33955',
          '34079',
          '34119',
        ].sort(),
      );
      expect(removed).toEqual([]);
    });

    it('2021-07-07 complete set: 8,976 entities joined with alt, add and comments, with no orphan rows', async () => {
      const sdn = await load('ofac-sdn-csv', 'ofac_sdn/2021-07-07_complete');
      expect(sdn.entities).toHaveLength(8976);
      expect(sdn.types).toEqual({ organization: 3673, person: 4620, vessel: 406, aircraft: 277 });
      expect(sdn.list.files.map((f) => f.sha256.slice(0, 8))).toEqual(['2a08fac8', '82403d34', 'c9872081', 'ca007d3f']);
      expect(sdn.list.warnings.filter((w) => /not in sdn\.csv/.test(w.message))).toEqual([]);
      expect(sdn.entities.filter((e) => e.names.some((n) => n.kind === 'alias')).length).toBeGreaterThan(4000);
      const bank = get(sdn, '306');
      expect(namesOf(bank)).toEqual(['BANCO NACIONAL DE CUBA', 'NATIONAL BANK OF CUBA', 'BNC']);
      expect(bank.addresses).toHaveLength(4);
      expect(bank.addresses).toContainEqual({
        full: 'Zweierstrasse 35, Zurich CH-8022, Switzerland',
        city: 'Zurich CH-8022',
        country: 'CH',
      });
      expectWellFormed(sdn);
    });

    it('remarks overflowing into sdn_comments.csv are joined mid-word', async () => {
      const sdn = await load('ofac-sdn-csv', 'ofac_sdn/2021-07-07_complete');
      expect(get(sdn, '28263').remarks).toMatch(/a\.k\.a\. 'snowsjohn'; Linked To: LAZARUS GROUP\.$/);
      expect(namesOf(get(sdn, '28263'), 'weak_alias')).toContain('snowsjohn');
    });

    it('agrees with the hand-checked seed dataset on the 26 Human Rights Day records', async () => {
      const sdn = await load('ofac-sdn-csv', 'ofac_sdn/2021-12-10');
      const cons = await load('ofac-cons-csv', 'ofac_consolidated');
      const seed = parseSeedDataset(JSON.parse(readFileSync(SEED_FILE, 'utf8')));
      const sorted = (values: string[]) => [...values].sort();
      for (const expected of seed.entities) {
        const id = expected.sourceEntityId.replace(/^ofac-/, '');
        const actual = sdn.byId.get(id) ?? get(cons, id);
        expect({
          id,
          type: actual.type,
          programs: actual.programs,
          birthDates: actual.birthDates,
          nationalities: actual.nationalities,
        }).toEqual({
          id,
          type: expected.type,
          programs: expected.programs,
          birthDates: expected.birthDates,
          nationalities: expected.nationalities,
        });
        expect({
          id,
          identifiers: sorted(actual.identifiers.map((i) => `${i.type}:${i.value}:${i.country ?? ''}`)),
        }).toEqual({
          id,
          identifiers: sorted(expected.identifiers.map((i) => `${i.type}:${i.value}:${i.country ?? ''}`)),
        });
        expect({ id, weak: sorted(namesOf(actual, 'weak_alias')) }).toEqual({
          id,
          weak: sorted(namesOf(expected as ListedEntity, 'weak_alias')),
        });
      }
    });
  });

  describe('OFAC Consolidated (non-SDN)', () => {
    it('cons_*.csv: 442 entities (79 persons, 363 organisations); SenseTime listed 2021-12-10 under CMIC-EO13959', async () => {
      const cons = await load('ofac-cons-csv', 'ofac_consolidated');
      expect(cons.list.sourceId).toBe('ofac-cons');
      expect(cons.entities).toHaveLength(442);
      expect(cons.types).toEqual({ organization: 363, person: 79 });
      const sensetime = get(cons, '33114');
      expect(namesOf(sensetime)).toEqual(['SENSETIME GROUP LIMITED', 'SENSETIME GROUP LTD']);
      expect(sensetime.citations[0]).toMatchObject({ program: 'CMIC-EO13959', listedOn: '2021-12-10' });
      expect(cons.list.warnings.filter((w) => /not in cons_prim\.csv/.test(w.message))).toEqual([]);
      expectWellFormed(cons);
    });

    it('consolidated.xml: 443 entries, published 2025-06-30, uid 9639 untampered', async () => {
      const xml = await load('ofac-xml', 'ofac_consolidated/consolidated.xml');
      expect(xml.list).toMatchObject({ sourceId: 'ofac-cons', publishedAt: '2025-06-30' });
      expect(xml.entities).toHaveLength(443);
      expect(xml.types).toEqual({ organization: 363, person: 80 });
      expect(namesOf(get(xml, '9639'), 'primary')).toEqual(['HANIYA, Ismail Abdul Salah']);
      expect(xml.entities.flatMap((e) => e.names).filter((n) => n.kind === 'weak_alias')).toHaveLength(70);
      expect(get(xml, '33114').citations[0]?.listedOn).toBe('2021-12-10');
      expectWellFormed(xml);
    });
  });

  describe('UN Security Council', () => {
    it('1,003 entries: 730 persons and 273 entities, generated 2026-02-27', async () => {
      const un = await load('un-xml', 'un_consolidated/consolidated.xml');
      expect(un.list).toMatchObject({ sourceId: 'un-sc', publishedAt: '2026-02-27' });
      expect(un.entities).toHaveLength(1003);
      expect(un.types).toEqual({ person: 730, organization: 273 });
      const saddam = get(un, 'IQi.001');
      expect(namesOf(saddam, 'primary')).toEqual(['SADDAM HUSSEIN AL-TIKRITI']);
      expect(saddam.names).toContainEqual({ value: 'صدام حسين التكريتي', kind: 'original_script', script: 'Arab' });
      expect(saddam).toMatchObject({ birthDates: ['1937-04-28'], nationalities: ['IQ'], programs: ['Iraq'] });
      expect(saddam.citations[0]).toMatchObject({ listedOn: '2003-06-27', sourceRowId: 'IQi.001' });
      expect(un.entities.flatMap((e) => e.names).filter((n) => n.kind === 'weak_alias').length).toBeGreaterThan(500);
      expectWellFormed(un);
    });
  });

  describe('UK OFSI ConList', () => {
    it('4,686 entities (3,662 persons, 1,009 organisations, 15 ships) from 18,796 rows, last updated 2025-04-10', async () => {
      const uk = await load('uk-ofsi-csv', 'uk_ofsi_conlist/ConList.csv');
      expect(uk.list).toMatchObject({ sourceId: 'uk-ofsi', publishedAt: '2025-04-10' });
      expect(uk.list.stats).toEqual({ recordsRead: 18796, entities: 4686 });
      expect(uk.types).toEqual({ person: 3662, organization: 1009, vessel: 15 });
      const haq = get(uk, '15672');
      expect(namesOf(haq, 'primary')).toEqual(['Mian Abdul HAQ']);
      expect(namesOf(haq)).toContain('Mian MITHOO');
      expect(haq.citations[0]).toMatchObject({ program: 'Global Human Rights', listedOn: '2022-12-09' });
      expectWellFormed(uk);
    });
  });

  describe('Canada SEMA', () => {
    it('4,759 records, one entity each (3,334 persons, 1,316 organisations, 109 ships)', async () => {
      const ca = await load('ca-sema-xml', 'ca_sema/sema-lmes.xml');
      expect(ca.list.sourceId).toBe('ca-sema');
      expect(ca.list.stats).toEqual({ recordsRead: 4759, entities: 4759 });
      expect(ca.types).toEqual({ person: 3334, organization: 1316, vessel: 109 });
      const ernst = get(ca, 'russia:1-part-1:539');
      expect(namesOf(ernst)).toEqual(['Konstantin Lvovich ERNST', 'Константин Львович Эрнст']);
      expect(ernst.citations[0]).toMatchObject({ program: 'Russia', listedOn: '2022-03-06' });
      const lukashenko = ca.entities.find((e) => namesOf(e, 'primary')[0] === 'Aleksandr Grigoryevich Lukashenko');
      expect(lukashenko?.birthDates).toEqual(['1954-08-30']);
      expect(
        ca.entities
          .map((e) => e.citations[0]?.listedOn ?? '')
          .sort()
          .at(-1),
      ).toBe('2025-03-20');
      expectWellFormed(ca);
    });
  });

  describe('EU Financial Sanctions Files', () => {
    it('legacy WHOLE file: 595 entities (319 persons, 276 organisations), dated 2016-02-11', async () => {
      const eu = await load('eu-fsf-xml', 'eu_fsf/legacy_whole_2016-02-11.xml');
      expect(eu.list).toMatchObject({ sourceId: 'eu-fsf', publishedAt: '2016-02-11' });
      expect(eu.entities).toHaveLength(595);
      expect(eu.types).toEqual({ person: 319, organization: 276 });
      expect(get(eu, '1')).toMatchObject({ birthDates: ['1924-02-21'], programs: ['ZWE'] });
      expect(namesOf(get(eu, '1'), 'primary')).toEqual(['Robert Gabriel Mugabe']);
      expectWellFormed(eu);
    });
  });

  describe('OpenSanctions FollowTheMoney', () => {
    it('zala cluster: its 6 persons and 11 companies, cited by the Sanction entities in the file', async () => {
      const zala = await load('ftm-json', 'opensanctions_ftm/zala_cluster.entities.ftm.json');
      expect(zala.list.sourceId).toBe('opensanctions');
      expect(zala.list.stats).toEqual({ recordsRead: 91, entities: 17 });
      expect(zala.types).toEqual({ person: 6, organization: 11 });
      const cst = get(zala, 'NK-abdzbEBkqyT29GyREbiURZ');
      expect(namesOf(cst, 'primary')).toEqual(['LLC CST']);
      expect(namesOf(cst, 'weak_alias')).toEqual(expect.arrayContaining(['TsST LLC', 'CST, OOO', 'OOO TSST']));
      expect(
        cst.citations.some(
          (c) => c.authority === 'Department of Foreign Affairs and Trade' && c.program === 'Autonomous (Russia)',
        ),
      ).toBe(true);
      expectWellFormed(zala);
    });

    it('eu_fsf sample: 4 persons and 2 organisations', async () => {
      const sample = await load('ftm-json', 'opensanctions_ftm/eu_fsf_sample.entities.ftm.json');
      expect(sample.types).toEqual({ person: 4, organization: 2 });
    });

    it('delta file: 90 ADD, 1,039 MOD and 571 DEL operations; ADD/MOD persons and organisations as entities', async () => {
      const delta = await load('ftm-json', 'opensanctions_ftm/sanctions_2024-05.entities.delta.json');
      expect(delta.list.deltaOperations).toEqual({ ADD: 90, MOD: 1039, DEL: 571 });
      expect(delta.list.deletedSourceEntityIds).toHaveLength(571);
      // Person 33 + 418, Organization 2 + 95, LegalEntity 11 + 16, Company 1.
      expect(delta.entities).toHaveLength(576);
      expect(delta.types).toEqual({ person: 451, organization: 125 });
      expectWellFormed(delta);
    });
  });

  describe('seed dataset', () => {
    it('loads the 26 entities of seeds/human-rights-day-2021.json', async () => {
      const list = await openList('seed', SEED_FILE);
      const entities: ListedEntity[] = [];
      for await (const entity of list.entities) entities.push(entity);
      expect(list).toMatchObject({ sourceId: 'seed', publishedAt: '2021-12-10' });
      expect(entities).toHaveLength(26);
    });
  });
});
