import { readFileSync } from 'node:fs';
import { openList } from '@sanctions/shared/lists/importers';
import { byId, collect, fixture, names } from './list-helpers';

describe('UK OFSI ConList CSV importer', () => {
  it('groups the rows by Group ID, wherever they are in the file, and dates the list by "Last Updated"', async () => {
    const list = await openList('uk-ofsi-csv', fixture('uk-conlist.csv'));
    const entities = await collect(list);
    expect(list).toMatchObject({ sourceId: 'uk-ofsi', publishedAt: '2025-04-10' });
    expect(entities.map((e) => [e.sourceEntityId, e.type]).sort()).toEqual([
      ['13651', 'vessel'],
      ['14890', 'person'],
      ['15672', 'person'],
    ]);
  });

  it('makes "Primary name" the primary name, variations aliases, low-quality AKAs weak, non-Latin script original', async () => {
    const entities = await collect(await openList('uk-ofsi-csv', fixture('uk-conlist.csv')));
    expect(byId(entities, '14890').names).toEqual([
      { value: 'Konstantin Lvovich ERNST', kind: 'primary' },
      { value: 'Константин Львович ЭРНСТ', kind: 'original_script', script: 'Cyrl' },
      { value: 'Konstantin ERNST', kind: 'weak_alias' },
    ]);
    expect(names(byId(entities, '15672'))).toEqual(['Mian Abdul HAQ', 'Mian MITHU']);
  });

  it('reads numbered values, DOBs with unknown day and month, regime and listing date', async () => {
    const haq = byId(await collect(await openList('uk-ofsi-csv', fixture('uk-conlist.csv'))), '15672');
    expect(haq.nationalities).toEqual(['PK', 'AF']);
    expect(haq.birthDates).toEqual(['1970', '1971']);
    expect(haq.identifiers).toEqual([
      { type: 'passport', value: 'AB123', country: 'PK', note: 'Pakistan number' },
      { type: 'passport', value: 'CD456', country: 'AF', note: 'Afghanistan number' },
    ]);
    expect(haq.addresses).toEqual([{ full: 'Hafizabad Taluka Daharki, District Ghotki, Pakistan', country: 'PK' }]);
    expect(haq.citations[0]).toMatchObject({
      program: 'Global Human Rights',
      listedOn: '2022-12-09',
      sourceRowId: '15672',
      note: 'UK Sanctions List reference GHR0086',
    });
  });

  it('reads ships with their IMO number', async () => {
    const ship = byId(await collect(await openList('uk-ofsi-csv', fixture('uk-conlist.csv'))), '13651');
    expect(names(ship)).toEqual(['SAM JONG 2', 'AKTIVA']);
    expect(ship.identifiers).toEqual([{ type: 'imo', value: '8106496' }]);
  });
});

describe('OpenSanctions FollowTheMoney JSON importer', () => {
  it('keeps persons, companies and vessels; skips sanctions, addresses and ownerships', async () => {
    const list = await openList('ftm-json', fixture('ftm-entities.json'));
    const entities = await collect(list);
    expect(list.sourceId).toBe('opensanctions');
    expect(list.deletedSourceEntityIds).toBeUndefined();
    expect(entities.map((e) => [e.sourceEntityId, e.type])).toEqual([
      ['NK-person1', 'person'],
      ['NK-company1', 'organization'],
      ['vessel-1', 'vessel'],
    ]);
  });

  it('maps names, dates, countries, identifiers and referenced addresses', async () => {
    const person = byId(await collect(await openList('ftm-json', fixture('ftm-entities.json'))), 'NK-person1');
    expect(person.names).toEqual([
      { value: 'Alexander Vyacheslavovich ZAKHAROV', kind: 'primary' },
      { value: 'Александр Вячеславович Захаров', kind: 'alias', script: 'Cyrl' },
      { value: 'Aleksandr Zakharov', kind: 'alias' },
      { value: 'Sasha', kind: 'weak_alias' },
    ]);
    expect(person).toMatchObject({
      birthDates: ['1965-09-21'],
      nationalities: ['RU'],
      countries: ['RU'],
      programs: ['US-RUSHAR'],
      remarks: 'Founder of ZALA Aero.',
    });
    expect(person.identifiers).toEqual([
      { type: 'passport', value: '7512345678' },
      { type: 'tax_id', value: '183111242406' },
    ]);
    expect(person.addresses).toEqual([{ full: 'Izhevsk, Udmurt Republic, Russia' }]);
  });

  it('cites the OpenSanctions entity page, the dataset, and each Sanction that names the entity', async () => {
    const person = byId(await collect(await openList('ftm-json', fixture('ftm-entities.json'))), 'NK-person1');
    expect(person.citations).toEqual([
      expect.objectContaining({
        url: 'https://www.opensanctions.org/entities/NK-person1/',
        sourceRowId: 'NK-person1',
        note: 'OpenSanctions datasets: us_ofac_sdn, gb_fcdo_sanctions',
      }),
      expect.objectContaining({ url: 'https://www.opensanctions.org/datasets/' }),
      {
        title: 'Office of Foreign Assets Control: Russia-related Sanctions',
        url: 'https://sanctionssearch.ofac.treas.gov/Details.aspx?id=46000',
        authority: 'Office of Foreign Assets Control',
        program: 'Russia-related Sanctions',
        listedOn: '2023-11-02',
        sourceRowId: 'NK-person1',
        note: 'Cited by OpenSanctions (FollowTheMoney entities)',
      },
    ]);
  });

  it('reads a delta file: ADD and MOD entities, DEL ids, and the operation counts', async () => {
    const list = await openList('ftm-json', fixture('ftm-delta.json'));
    expect(list.deletedSourceEntityIds).toEqual([]);
    const entities = await collect(list);
    expect(entities.map((e) => e.sourceEntityId)).toEqual(['NK-new', 'NK-org']);
    expect(list.deletedSourceEntityIds).toEqual(['NK-gone', 'sanction-gone']);
    expect(list.deltaOperations).toEqual({ ADD: 1, MOD: 2, DEL: 2 });
    expect(byId(entities, 'NK-org').citations[2]).toMatchObject({
      authority: 'United Nations Security Council',
      program: 'Al-Qaida',
    });
  });
});

describe('seed importer', () => {
  it('validates the seed file and yields its entities as they are', async () => {
    const list = await openList('seed', fixture('seed-small.json'));
    const entities = await collect(list);
    const seed = JSON.parse(readFileSync(fixture('seed-small.json'), 'utf8'));
    expect(list).toMatchObject({ sourceId: 'seed', format: 'seed', publishedAt: '2021-12-10', warnings: [] });
    expect(list.files[0]?.bytes).toBe(readFileSync(fixture('seed-small.json')).length);
    expect(entities).toEqual(seed.entities);
  });
});
