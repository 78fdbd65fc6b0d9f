import { openList } from '@sanctions/shared/lists/importers';
import { byId, collect, fixture, names } from './list-helpers';

describe('OFAC XML importer', () => {
  it('reads consolidated.xml as the Consolidated list, dated by Publish_Date', async () => {
    const list = await openList('ofac-xml', fixture('ofac-xml', 'consolidated.xml'));
    const entities = await collect(list);
    expect(list).toMatchObject({ sourceId: 'ofac-cons', publishedAt: '2025-06-30' });
    expect(entities.map((e) => [e.sourceEntityId, e.type])).toEqual([
      ['9647', 'person'],
      ['33114', 'organization'],
    ]);
  });

  it('builds "LAST, First" names and marks weak a.k.a.s', async () => {
    const zahar = byId(await collect(await openList('ofac-xml', fixture('ofac-xml', 'consolidated.xml'))), '9647');
    expect(zahar.names).toEqual([
      { value: 'AL-ZAHAR, Mahmoud', kind: 'primary' },
      { value: 'AL ZAHAR, Mahmoud Khaled', kind: 'alias' },
      { value: 'ZAHAR, Mahmoud', kind: 'weak_alias' },
    ]);
    expect(zahar.birthDates).toEqual(['1945', '1944', '1946']);
    expect(zahar.nationalities).toEqual(['PS']);
    expect(zahar.countries).toEqual(['PS']);
    expect(zahar.identifiers).toEqual([
      { type: 'passport', value: '0012345', country: 'EG', note: 'expires 10 Feb 2020' },
    ]);
  });

  it('takes the listing date from the id list and cites the entry page', async () => {
    const sensetime = byId(await collect(await openList('ofac-xml', fixture('ofac-xml', 'consolidated.xml'))), '33114');
    expect(sensetime.identifiers).toEqual([{ type: 'registration_number', value: '2162198', country: 'HK' }]);
    expect(sensetime.addresses).toEqual([
      {
        full: 'Block 1, 1F & 2F Harbour View, Hong Kong New Territories, Hong Kong SAR, China',
        city: 'Hong Kong New Territories, Hong Kong SAR',
        country: 'CN',
      },
    ]);
    expect(sensetime.citations[0]).toMatchObject({
      listedOn: '2021-12-10',
      url: 'https://sanctionssearch.ofac.treas.gov/Details.aspx?id=33114',
      program: 'CMIC-EO13959',
    });
  });

  it('reads sdn.xml as the SDN list, with vessel details', async () => {
    const list = await openList('ofac-xml', fixture('ofac-xml', 'sdn.xml'));
    const [vessel] = await collect(list);
    expect(list).toMatchObject({ sourceId: 'ofac-sdn', publishedAt: '2021-12-10' });
    expect(vessel).toMatchObject({
      type: 'vessel',
      countries: ['MT'],
      identifiers: [
        { type: 'imo', value: '9187629' },
        { type: 'call_sign', value: '9HRU9' },
      ],
    });
  });
});

describe('UN Security Council XML importer', () => {
  it('reads individuals and entities, keyed by reference number and dated by dateGenerated', async () => {
    const list = await openList('un-xml', fixture('un-consolidated.xml'));
    const entities = await collect(list);
    expect(list).toMatchObject({ sourceId: 'un-sc', publishedAt: '2026-02-27' });
    expect(entities.map((e) => [e.sourceEntityId, e.type])).toEqual([
      ['IQi.001', 'person'],
      ['KPi.999', 'person'],
      ['CDe.001', 'organization'],
    ]);
  });

  it('joins the name parts, keeps the original script and marks low-quality aliases weak', async () => {
    const saddam = byId(await collect(await openList('un-xml', fixture('un-consolidated.xml'))), 'IQi.001');
    expect(saddam.names).toEqual([
      { value: 'SADDAM HUSSEIN AL-TIKRITI', kind: 'primary' },
      { value: 'صدام حسين التكريتي', kind: 'original_script', script: 'Arab' },
      { value: 'Abu Ali', kind: 'weak_alias' },
      { value: 'Saddam Hussein', kind: 'alias' },
    ]);
    expect(saddam).toMatchObject({
      birthDates: ['1937-04-28'],
      nationalities: ['IQ'],
      countries: ['IQ'],
      programs: ['Iraq'],
    });
    expect(saddam.citations).toEqual([
      {
        title: 'United Nations Security Council Consolidated List, reference number IQi.001: SADDAM HUSSEIN AL-TIKRITI',
        url: 'https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list',
        authority: 'United Nations Security Council',
        program: 'Iraq',
        listedOn: '2003-06-27',
        sourceRowId: 'IQi.001',
      },
    ]);
  });

  it('expands BETWEEN birth years and reads documents', async () => {
    const ri = byId(await collect(await openList('un-xml', fixture('un-consolidated.xml'))), 'KPi.999');
    expect(ri.birthDates).toEqual(['1964', '1965', '1966']);
    expect(ri.nationalities).toEqual(['KP']);
    expect(ri.identifiers).toEqual([
      { type: 'passport', value: '381310014', country: 'KP', note: 'Expiration date: 2026-12-11.' },
    ]);
    expect(ri.remarks).toBe('Ministry of State Security official.');
  });

  it('reads entity aliases (a.k.a. and f.k.a.) and addresses', async () => {
    const adf = byId(await collect(await openList('un-xml', fixture('un-consolidated.xml'))), 'CDe.001');
    expect(names(adf)).toEqual(['ADF', 'Allied Democratic Forces', 'Forces Démocratiques Alliées']);
    expect(adf.addresses).toEqual([{ full: 'North Kivu, Democratic Republic of the Congo', country: 'CD' }]);
  });
});

describe('Canada SEMA XML importer', () => {
  it('reads one entity per record: persons, entities and ships', async () => {
    const list = await openList('ca-sema-xml', fixture('ca-sema.xml'));
    const entities = await collect(list);
    expect(list.sourceId).toBe('ca-sema');
    expect(list.publishedAt).toBeUndefined();
    expect(entities.map((e) => [e.sourceEntityId, e.type])).toEqual([
      ['russia:1-part-1:539', 'person'],
      ['belarus:1-part-2:12', 'organization'],
      ['russia:1-1:17', 'vessel'],
      ['jvcfor:9', 'person'],
    ]);
  });

  it('splits aliases, noting their script, and cites regulation, schedule, item and listing date', async () => {
    const entities = await collect(await openList('ca-sema-xml', fixture('ca-sema.xml')));
    const ernst = byId(entities, 'russia:1-part-1:539');
    expect(ernst.names).toEqual([
      { value: 'Konstantin Lvovich ERNST', kind: 'primary' },
      { value: 'Konstantin Lvovitch Ernst', kind: 'alias' },
      { value: 'Константин Львович Эрнст', kind: 'alias', script: 'Cyrl' },
    ]);
    expect(ernst.birthDates).toEqual(['1961']);
    expect(ernst.citations[0]).toMatchObject({
      program: 'Russia',
      listedOn: '2022-03-06',
      note: 'Regulations: Russia, Schedule 1, Part 1, item 539',
    });
    expect(names(byId(entities, 'belarus:1-part-2:12'))).toEqual([
      'Open Joint Stock Company “Volat”',
      'Открытое акционерное общество "ВОЛАТАВТО"',
      'ОАО "ВОЛАТАВТО"',
    ]);
    const ship = byId(entities, 'russia:1-1:17');
    expect(ship).toMatchObject({ identifiers: [{ type: 'imo', value: '9253325' }], birthDates: [] });
  });
});

describe('EU Financial Sanctions Files XML importer', () => {
  it('reads the legacy <WHOLE> schema', async () => {
    const list = await openList('eu-fsf-xml', fixture('eu-fsf-legacy.xml'));
    const entities = await collect(list);
    expect(list).toMatchObject({ sourceId: 'eu-fsf', publishedAt: '2016-02-11' });
    const mugabe = byId(entities, '1');
    expect(mugabe).toMatchObject({
      type: 'person',
      birthDates: ['1924-02-21'],
      countries: ['ZW'],
      nationalities: ['ZW'],
      programs: ['ZWE'],
      remarks: expect.stringContaining('regime 310/2002'),
    });
    expect(mugabe.names).toEqual([
      { value: 'Robert Gabriel Mugabe', kind: 'primary' },
      { value: 'Робърт Габриел Мугабе', kind: 'alias', script: 'Cyrl' },
    ]);
    expect(mugabe.identifiers).toEqual([
      { type: 'passport', value: 'AD001095', country: 'ZW', note: '(passport-National passport) ((passport))' },
    ]);
    expect(mugabe.citations[0]).toMatchObject({
      listedOn: '2012-02-21',
      sourceRowId: '1',
      note: expect.stringContaining('151/2012 (OJ L49)'),
    });
    const trust = byId(entities, '1029');
    expect(trust).toMatchObject({
      type: 'organization',
      birthDates: ['1957'],
      addresses: [
        {
          full: 'Kitab Ghar, Darul Ifta Wal Irshad, Nazimabad No. 4, 74600, Karachi, PAK',
          city: 'Karachi',
          country: 'PK',
        },
      ],
    });
  });

  it('reads the current <export><sanctionEntity> 1.1 schema', async () => {
    const list = await openList('eu-fsf-xml', fixture('eu-fsf-export.xml'));
    const entities = await collect(list);
    expect(list).toMatchObject({ sourceId: 'eu-fsf', publishedAt: '2022-09-13' });
    const mugabe = byId(entities, '13');
    expect(mugabe.names).toEqual([
      { value: 'Robert Gabriel Mugabe', kind: 'primary' },
      { value: 'Bob', kind: 'weak_alias' },
      { value: 'Робърт Габриел Мугабе', kind: 'alias', script: 'Cyrl' },
    ]);
    expect(mugabe).toMatchObject({
      type: 'person',
      birthDates: ['1924-02-21'],
      nationalities: ['ZW'],
      countries: ['ZW'],
      programs: ['ZWE'],
      remarks: 'Former President.',
    });
    expect(mugabe.identifiers).toEqual([{ type: 'passport', value: 'AD001095', country: 'ZW' }]);
    expect(mugabe.citations[0]).toMatchObject({ listedOn: '2002-02-21', note: 'EU reference EU.27.28' });
    const trust = byId(entities, '1029');
    expect(trust).toMatchObject({
      type: 'organization',
      countries: ['PK'],
      identifiers: [{ type: 'registration_number', value: '0123456' }],
    });
    expect(trust.citations[0]).toMatchObject({
      listedOn: '2001-10-19',
      program: 'TAQA',
      note: 'EU reference EU.123.45; UN reference QDe.005',
    });
  });
});
