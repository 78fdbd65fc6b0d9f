import { openList } from '@sanctions/shared/lists/importers';
import { byId, collect, fixture, names } from './list-helpers';

describe('OFAC SDN legacy CSV importer', () => {
  it('reads every sdn.csv row as one entity, typed from SDN_Type (-0- is an organisation)', async () => {
    const list = await openList('ofac-sdn-csv', fixture('ofac-sdn'));
    const entities = await collect(list);
    expect(list.sourceId).toBe('ofac-sdn');
    expect(entities.map((e) => [e.sourceEntityId, e.type])).toEqual([
      ['36', 'organization'],
      ['306', 'organization'],
      ['33936', 'person'],
      ['15036', 'person'],
      ['44444', 'person'],
      ['9034', 'vessel'],
      ['17890', 'aircraft'],
      ['28264', 'person'],
    ]);
  });

  it('hashes every file of the set before parsing', async () => {
    const list = await openList('ofac-sdn-csv', fixture('ofac-sdn'));
    expect(list.files.map((f) => f.path.split('/').pop())).toEqual([
      'sdn.csv',
      'alt.csv',
      'add.csv',
      'sdn_comments.csv',
    ]);
    for (const file of list.files) {
      expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(file.bytes).toBeGreaterThan(0);
    }
  });

  it('decodes Latin-1 names', async () => {
    const entities = await collect(await openList('ofac-sdn-csv', fixture('ofac-sdn')));
    expect(names(byId(entities, '15036'), 'primary')).toEqual(['ARANA SOTO, José Luis']);
  });

  it('reads DOB, nationality, passport and its country from the remarks', async () => {
    const ri = byId(await collect(await openList('ofac-sdn-csv', fixture('ofac-sdn'))), '33936');
    expect(ri.birthDates).toEqual(['1955']);
    expect(ri.nationalities).toEqual(['KP']);
    expect(ri.programs).toEqual(['DPRK2']);
    expect(ri.identifiers).toEqual([
      { type: 'passport', value: '745310106', country: 'KP', note: 'expires 10 Dec 2025' },
    ]);
  });

  it('expands DOB ranges to years and keeps "circa" and alternative dates', async () => {
    const entities = await collect(await openList('ofac-sdn-csv', fixture('ofac-sdn')));
    expect(byId(entities, '44444').birthDates).toEqual(['1955', '1956', '1957']);
    expect(byId(entities, '44444').nationalities).toEqual(['IR', 'DE']);
    const arana = byId(entities, '15036');
    expect(arana.birthDates).toEqual(['1961-12-10', '1965']);
    expect(arana.nationalities).toEqual(['MX']);
    expect(arana.countries).toEqual(['MX']);
    expect(arana.identifiers).toEqual([{ type: 'national_id', value: 'AASJ611210HSLRTS01', country: 'MX' }]);
  });

  it('joins aliases from alt.csv: aka/fka as alias, weak a.k.a. as weak alias; remarks a.k.a. as weak alias', async () => {
    const entities = await collect(await openList('ofac-sdn-csv', fixture('ofac-sdn')));
    const bank = byId(entities, '306');
    expect(names(bank, 'primary')).toEqual(['BANCO NACIONAL DE CUBA']);
    expect(names(bank, 'alias')).toEqual(['NATIONAL BANK OF CUBA', 'BANCO NACIONAL']);
    expect(names(bank, 'weak_alias')).toEqual(['BNC']);
    expect(names(byId(entities, '33936'), 'weak_alias')).toEqual(['RI YONG-GIL']);
  });

  it('continues remarks cut off in sdn.csv with sdn_comments.csv', async () => {
    const li = byId(await collect(await openList('ofac-sdn-csv', fixture('ofac-sdn'))), '28264');
    expect(li.remarks).toMatch(/a\.k\.a\. 'khaleesi'; Linked To: LAZARUS GROUP\.$/);
    expect(names(li, 'weak_alias')).toEqual(['blackjack1987', 'khaleesi']);
    expect(li.programs).toEqual(['DPRK3', 'CYBER2']);
    expect(li.addresses).toEqual([{ full: 'Anshan, Liaoning, China', city: 'Anshan, Liaoning', country: 'CN' }]);
  });

  it('reads vessels (call sign, flag, IMO, MMSI) and aircraft (tail number)', async () => {
    const entities = await collect(await openList('ofac-sdn-csv', fixture('ofac-sdn')));
    const vessel = byId(entities, '9034');
    expect(vessel.identifiers).toEqual(
      expect.arrayContaining([
        { type: 'imo', value: '9187629' },
        { type: 'mmsi', value: '256123000' },
        { type: 'call_sign', value: '9HRU9' },
      ]),
    );
    expect(vessel.countries).toEqual(['MT']);
    const aircraft = byId(entities, '17890');
    expect(aircraft.identifiers).toEqual([{ type: 'aircraft_tail_number', value: 'EP-MMH' }]);
    expect(aircraft.programs).toEqual(['SDGT', 'IRGC']);
  });

  it('cites the SDN list and the entry page, with no listing date', async () => {
    const ri = byId(await collect(await openList('ofac-sdn-csv', fixture('ofac-sdn'))), '33936');
    expect(ri.citations).toEqual([
      {
        title: 'OFAC Specially Designated Nationals and Blocked Persons List (SDN), ent_num 33936: RI, Yong Gil',
        url: 'https://sanctionssearch.ofac.treas.gov/Details.aspx?id=33936',
        authority: 'U.S. Department of the Treasury, Office of Foreign Assets Control',
        program: 'DPRK2',
        sourceRowId: '33936',
      },
      {
        title: 'OFAC Specially Designated Nationals and Blocked Persons List (SDN)',
        url: 'https://sanctionslist.ofac.treas.gov/Home/SdnList',
        authority: 'U.S. Department of the Treasury, Office of Foreign Assets Control',
        sourceRowId: '33936',
      },
    ]);
  });

  it('reports alias and address rows of unknown ent_nums as warnings, not errors', async () => {
    const list = await openList('ofac-sdn-csv', fixture('ofac-sdn'));
    expect(list.warnings).toEqual([]);
    await collect(list);
    expect(list.warnings).toEqual([
      {
        file: fixture('ofac-sdn', 'alt.csv'),
        line: 5,
        field: 'ent_num',
        message: 'alias row for ent_num 99999, which is not in sdn.csv: skipped',
      },
      {
        file: fixture('ofac-sdn', 'add.csv'),
        line: 3,
        field: 'ent_num',
        message: 'address row for ent_num 88888, which is not in sdn.csv: skipped',
      },
    ]);
  });

  it('parses again, with fresh warnings, when iterated twice', async () => {
    const list = await openList('ofac-sdn-csv', fixture('ofac-sdn'));
    expect(await collect(list)).toHaveLength(8);
    expect(await collect(list)).toHaveLength(8);
    expect(list.warnings).toHaveLength(2);
  });

  it('reads sdn.csv alone, taking weak aliases from the remarks', async () => {
    const list = await openList('ofac-sdn-csv', fixture('ofac-sdn-only'));
    const entities = await collect(list);
    expect(list.files).toHaveLength(1);
    expect(entities).toHaveLength(3);
    expect(names(byId(entities, '306'))).toEqual(['BANCO NACIONAL DE CUBA', 'BNC']);
  });

  it('accepts the path of sdn.csv itself', async () => {
    const list = await openList('ofac-sdn-csv', fixture('ofac-sdn-only', 'sdn.csv'));
    expect(await collect(list)).toHaveLength(3);
  });

  it('reports progress in bytes over all the files', async () => {
    const calls: [number, number][] = [];
    const list = await openList('ofac-sdn-csv', fixture('ofac-sdn'), {
      onProgress: (read, total) => calls.push([read, total]),
    });
    await collect(list);
    const total = list.files.reduce((sum, f) => sum + f.bytes, 0);
    expect(calls.at(-1)).toEqual([total, total]);
  });
});

describe('OFAC Consolidated (non-SDN) CSV importer', () => {
  it('reads cons_prim.csv with its alt and add files as the ofac-cons source', async () => {
    const list = await openList('ofac-cons-csv', fixture('ofac-cons'));
    const entities = await collect(list);
    expect(list.sourceId).toBe('ofac-cons');
    expect(entities.map((e) => e.sourceEntityId)).toEqual(['33114', '9639']);
    const sensetime = byId(entities, '33114');
    expect(names(sensetime)).toEqual(['SENSETIME GROUP LIMITED', 'SENSETIME GROUP LTD']);
    expect(sensetime.identifiers).toEqual([{ type: 'registration_number', value: '2162198', country: 'HK' }]);
    expect(sensetime.addresses[0]?.country).toBe('CN');
  });

  it('takes the CMIC listing date from the remarks as the citation listing date', async () => {
    const entities = await collect(await openList('ofac-cons-csv', fixture('ofac-cons')));
    expect(byId(entities, '33114').citations[0]).toMatchObject({
      program: 'CMIC-EO13959',
      listedOn: '2021-12-10',
      sourceRowId: '33114',
      url: 'https://sanctionssearch.ofac.treas.gov/Details.aspx?id=33114',
    });
    expect(byId(entities, '33114').citations[1]?.url).toBe(
      'https://sanctionslist.ofac.treas.gov/Home/ConsolidatedList',
    );
    expect(byId(entities, '9639').citations[0]?.listedOn).toBeUndefined();
  });
});
