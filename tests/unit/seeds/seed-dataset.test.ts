import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSeedDataset, type SeedDataset } from '@sanctions/shared/lists/seed-dataset';

const SEED_PATH = path.join(__dirname, '../../../seeds/human-rights-day-2021.json');

/** The 25 SDN records added on 2021-12-10, by program (shared/data/PROVENANCE.md). */
const SDN_ADDED_2021_12_10 = {
  DPRK2: ['30184', '33936'],
  DPRK3: ['31042', '34020', '34021', '34022', '34023', '34024', '34025'],
  'BURMA-EO14014': ['33536', '33537', '33538', '33973', '34016', '34017', '34018'],
  GLOMAG: ['33951', '33952', '33953', '34076', '34077', '33954', '33955', '34079', '34119'],
};
const SENSETIME = '33114';

const REUTERS_URL =
  'https://www.reuters.com/world/asia-pacific/us-issues-human-rights-related-sanctions-adds-sensetime-blacklist-2021-12-10/';
const SECOND_REPORT_TITLE = 'US hits Chinese, N Korean firms with sanctions';

/** Entities each report names outright. */
const NAMED_BY_REUTERS = ['33114', '33537', '33973', '30184', '33936'];
const NAMED_BY_SECOND_REPORT = ['33114', '34022', '33936', '33951'];
/** Entities a report refers to only as part of a described group ("four ... chief ministers", "six ... officials"). */
const REFERRED_TO_BY_REUTERS = ['34020', '33536', '33538', '34016', '34017', '34018'];
const REFERRED_TO_BY_SECOND_REPORT = [
  '33973', '34016', '34017', '34018',
  '33952', '33953', '33954', '33955', '34076', '34077',
  '31042', '34023', '34024',
];

const raw: unknown = JSON.parse(readFileSync(SEED_PATH, 'utf8'));
const dataset: SeedDataset = parseSeedDataset(raw);
const entNum = (sourceEntityId: string) => sourceEntityId.replace(/^ofac-/, '');
const byEntNum = new Map(dataset.entities.map((e) => [entNum(e.sourceEntityId), e]));

function entity(id: string) {
  const found = byEntNum.get(id);
  if (!found) throw new Error(`no entity for ent_num ${id}`);
  return found;
}
const primary = (id: string) => entity(id).names.find((n) => n.kind === 'primary')?.value;
const hasReuters = (id: string) => entity(id).citations.some((c) => c.url === REUTERS_URL && c.publisher === 'Reuters');
const hasSecondReport = (id: string) => entity(id).citations.some((c) => c.title === SECOND_REPORT_TITLE);

describe('seed dataset: Human Rights Day 2021', () => {
  it('passes the seed dataset schema', () => {
    expect(() => parseSeedDataset(raw)).not.toThrow();
    expect(dataset.dataset).toBe('human-rights-day-2021');
    expect(dataset.publishedOn).toBe('2021-12-10');
  });

  it('holds exactly the 25 SDN records added on 10 Dec 2021 plus SenseTime', () => {
    const expected = [...Object.values(SDN_ADDED_2021_12_10).flat(), SENSETIME];
    expect(expected).toHaveLength(26);
    expect(dataset.entities).toHaveLength(26);
    expect([...byEntNum.keys()].sort()).toEqual([...expected].sort());
  });

  it('uses ofac-<ent_num> ids', () => {
    for (const e of dataset.entities) expect(e.sourceEntityId).toMatch(/^ofac-\d+$/);
  });

  it('lists every SDN record under the program PROVENANCE.md gives it', () => {
    for (const [program, ids] of Object.entries(SDN_ADDED_2021_12_10)) {
      for (const id of ids) expect(entity(id).programs).toEqual([program]);
    }
  });

  it('matches the press release counts: 15 individuals and 10 entities designated, plus one CMIC company', () => {
    const sdn = dataset.entities.filter((e) => entNum(e.sourceEntityId) !== SENSETIME);
    expect(sdn.filter((e) => e.type === 'person')).toHaveLength(15);
    expect(sdn.filter((e) => e.type === 'organization')).toHaveLength(10);
  });

  it('cites the OFAC record of every entity, listed on 2021-12-10', () => {
    for (const e of dataset.entities) {
      const id = entNum(e.sourceEntityId);
      const ofac = e.citations.find((c) => c.authority === 'Office of Foreign Assets Control' && c.sourceRowId !== undefined);
      expect(ofac).toMatchObject({
        sourceRowId: id,
        listedOn: '2021-12-10',
        url: `https://sanctionssearch.ofac.treas.gov/Details.aspx?id=${id}`,
        program: e.programs[0],
      });
      expect(ofac?.title).toContain(`entry ${id}: ${primary(id)}`);
    }
  });

  it('cites the Reuters report on every entity it names or refers to, and on no other', () => {
    for (const id of NAMED_BY_REUTERS) expect(hasReuters(id)).toBe(true);
    const cited = [...byEntNum.keys()].filter(hasReuters).sort();
    expect(cited).toEqual([...NAMED_BY_REUTERS, ...REFERRED_TO_BY_REUTERS].sort());
  });

  it('cites the second report on every entity it names or refers to, and on no other', () => {
    for (const id of NAMED_BY_SECOND_REPORT) expect(hasSecondReport(id)).toBe(true);
    const cited = [...byEntNum.keys()].filter(hasSecondReport).sort();
    expect(cited).toEqual([...NAMED_BY_SECOND_REPORT, ...REFERRED_TO_BY_SECOND_REPORT].sort());
  });

  it('says in the note when a report does not name the entity', () => {
    for (const id of REFERRED_TO_BY_REUTERS) {
      const note = entity(id).citations.find((c) => c.url === REUTERS_URL)?.note;
      expect(note).toMatch(/^Does not name/);
    }
    for (const id of REFERRED_TO_BY_SECOND_REPORT) {
      const note = entity(id).citations.find((c) => c.title === SECOND_REPORT_TITLE)?.note;
      expect(note).toMatch(/^Does not name/);
    }
  });

  it('keeps RI Yong Gil as a DPRK2 person born in 1955, North Korean', () => {
    const ri = entity('33936');
    expect(primary('33936')).toBe('RI, Yong Gil');
    expect(ri.type).toBe('person');
    expect(ri.programs).toEqual(['DPRK2']);
    expect(ri.birthDates).toEqual(['1955']);
    expect(ri.nationalities).toEqual(['KP']);
  });

  it('keeps SEK STUDIO as a DPRK3 organization', () => {
    const sek = entity('34022');
    expect(primary('34022')).toBe('SEK STUDIO');
    expect(sek.type).toBe('organization');
    expect(sek.programs).toEqual(['DPRK3']);
  });

  it('keeps SenseTime as a CMIC-EO13959 organization on the Non-SDN CMIC list', () => {
    const sensetime = entity(SENSETIME);
    expect(primary(SENSETIME)).toBe('SENSETIME GROUP LIMITED');
    expect(sensetime.type).toBe('organization');
    expect(sensetime.programs).toEqual(['CMIC-EO13959']);
    expect(sensetime.remarks).toContain('Listing Date (CMIC) 10 Dec 2021');
    expect(sensetime.citations[0]?.title).toContain('NS-CMIC');
  });

  it('keeps OFAC weak a.k.a. names apart from strong ones', () => {
    const ddi = entity('33537').names;
    expect(ddi).toContainEqual({ value: 'KA PA SA', kind: 'weak_alias' });
    expect(ddi).toContainEqual({ value: 'DEFENSE PRODUCTS INDUSTRIES', kind: 'weak_alias' });
    expect(entity('34076').names).toContainEqual({ value: 'AZAD, K M', kind: 'weak_alias' });
  });

  it('uses ISO 3166-1 alpha-2 codes for countries and nationalities', () => {
    for (const e of dataset.entities) {
      for (const code of [...e.countries, ...e.nationalities, ...e.addresses.flatMap((a) => a.country ?? [])]) {
        expect(code).toMatch(/^[A-Z]{2}$/);
      }
    }
  });
});
