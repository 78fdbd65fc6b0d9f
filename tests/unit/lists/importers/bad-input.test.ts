import { openSync, closeSync, ftruncateSync, readFileSync, writeSync } from 'node:fs';
import { ListFileError, openList, type ImportFormat } from '@sanctions/shared/lists/importers';
import { collect, fixture, scratch } from './list-helpers';

const files = scratch();
afterAll(() => files.remove());

/** Opens and fully parses, returning the ListFileError it must throw. */
async function failure(format: ImportFormat, path: string): Promise<ListFileError> {
  try {
    await collect(await openList(format, path));
  } catch (error) {
    if (error instanceof ListFileError) return error;
    throw error;
  }
  throw new Error(`${format} ${path} was accepted`);
}

const E = '-0- ';
const sdnRow = (entNum: string, name: string) =>
  `${entNum},"${name}",${E},"CUBA",${E},${E},${E},${E},${E},${E},${E},${E}\r\n`;

/** A file of `size` bytes that starts with `head`: sparse, so the test writes only the head. */
function hugeFile(name: string, head: Buffer, size: number): string {
  const path = files.write(name, '');
  const fd = openSync(path, 'r+');
  writeSync(fd, head);
  ftruncateSync(fd, size);
  closeSync(fd);
  return path;
}

describe('bad list files', () => {
  describe('OFAC legacy CSV', () => {
    it('names the file, line and column count when a row has the wrong number of columns', async () => {
      const path = files.write(
        'columns/sdn.csv',
        sdnRow('36', 'AEROCARIBBEAN AIRLINES') +
          sdnRow('173', 'ANGLO-CARIBBEAN CO.') +
          '306,"BANCO NACIONAL DE CUBA",-0- ,"CUBA"\r\n',
      );
      const error = await failure('ofac-sdn-csv', files.dir + '/columns');
      expect(error).toMatchObject({ file: path, line: 3 });
      expect(error.message).toBe(
        `${path}, line 3: has 4 columns; an OFAC primary file has 12 (ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks)`,
      );
    });

    it('rejects a file whose first record is not an OFAC row before reading the rest', async () => {
      const path = files.write('header/sdn.csv', 'ent_num,name,type\r\n' + sdnRow('36', 'X'));
      await expect(openList('ofac-sdn-csv', path)).rejects.toMatchObject({
        file: path,
        line: 1,
        reason: expect.stringContaining('has 3 columns'),
      });
    });

    it('rejects a non-numeric ent_num', async () => {
      const path = files.write('entnum/sdn.csv', sdnRow('36', 'X') + sdnRow('abc', 'Y'));
      expect(await failure('ofac-sdn-csv', path)).toMatchObject({
        line: 2,
        field: 'ent_num',
        reason: expect.stringContaining('"abc"'),
      });
    });

    it('reports a file cut inside a quoted field as truncated', async () => {
      const path = files.write(
        'truncated/sdn.csv',
        sdnRow('36', 'AEROCARIBBEAN AIRLINES') +
          '306,"BANCO NACIONAL DE CUBA",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"a.k.a. \'BN',
      );
      expect(await failure('ofac-sdn-csv', path)).toMatchObject({
        file: path,
        line: 2,
        reason: expect.stringContaining('truncated'),
      });
    });

    it('reports a file cut between fields by its short last row', async () => {
      const path = files.write(
        'cut/sdn.csv',
        sdnRow('36', 'AEROCARIBBEAN AIRLINES') + '306,"BANCO NACIONAL DE CUBA",-0- ,"CUBA",-0- ,',
      );
      expect(await failure('ofac-sdn-csv', path)).toMatchObject({
        line: 2,
        reason: expect.stringContaining('has 6 columns'),
      });
    });

    it('rejects UTF-16 text', async () => {
      const path = files.write(
        'utf16/sdn.csv',
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sdnRow('36', 'X'), 'utf16le')]),
      );
      await expect(openList('ofac-sdn-csv', path)).rejects.toMatchObject({
        file: path,
        reason: expect.stringContaining('UTF-16'),
      });
    });

    it('rejects UTF-16 text without a byte-order mark', async () => {
      const path = files.write('utf16-nobom/sdn.csv', Buffer.from(sdnRow('36', 'X'), 'utf16le'));
      await expect(openList('ofac-sdn-csv', path)).rejects.toMatchObject({ reason: expect.stringContaining('UTF-16') });
    });

    it('rejects binary data', async () => {
      const path = files.write(
        'binary/sdn.csv',
        Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]),
      );
      await expect(openList('ofac-sdn-csv', path)).rejects.toMatchObject({
        reason: expect.stringContaining('binary data'),
      });
    });

    it('rejects a 2 GB file of garbage from its first bytes, without reading it all', async () => {
      const garbage = Buffer.from('x7#kq!'.repeat(4096) + '\n');
      const path = hugeFile('garbage/sdn.csv', garbage, 2 * 1024 ** 3);
      const started = Date.now();
      await expect(openList('ofac-sdn-csv', path)).rejects.toBeInstanceOf(ListFileError);
      expect(Date.now() - started).toBeLessThan(2000);
    });

    it('rejects garbage with quotes that would otherwise be read as one endless field', async () => {
      const path = files.write('quotes/sdn.csv', '1,"' + 'a'.repeat(2 * 1024 * 1024));
      expect(await failure('ofac-sdn-csv', path)).toBeInstanceOf(ListFileError);
    });

    it('names the directory when it holds no sdn.csv', async () => {
      files.write('empty-dir/readme.txt', 'nothing here');
      await expect(openList('ofac-sdn-csv', files.dir + '/empty-dir')).rejects.toMatchObject({
        file: files.dir + '/empty-dir',
        reason: expect.stringContaining('no sdn.csv'),
      });
    });

    it('names a path that does not exist', async () => {
      await expect(openList('ofac-sdn-csv', files.dir + '/missing.csv')).rejects.toMatchObject({
        file: files.dir + '/missing.csv',
        reason: expect.stringContaining('cannot be read'),
      });
    });

    it('rejects an empty file', async () => {
      const path = files.write('zero/sdn.csv', '');
      await expect(openList('ofac-sdn-csv', path)).rejects.toMatchObject({
        reason: expect.stringContaining('is empty'),
      });
    });
  });

  describe('XML lists', () => {
    it('names the root element found and the one expected', async () => {
      const error = await failure('ofac-xml', fixture('un-consolidated.xml')).catch((e: unknown) => e);
      expect(error).toMatchObject({
        element: 'CONSOLIDATED_LIST',
        line: 2,
        reason: expect.stringContaining('expected <sdnList>'),
      });
    });

    it('reports a truncated file with the element left open', async () => {
      const text = readFileSync(fixture('un-consolidated.xml'), 'utf8');
      const path = files.write('un-truncated.xml', text.slice(0, text.indexOf('<ENTITY>') + 120));
      const error = await failure('un-xml', path);
      expect(error.reason).toMatch(/truncated/);
      expect(error.element).toBeDefined();
    });

    it('reports malformed XML with its line', async () => {
      const path = files.write(
        'un-malformed.xml',
        '<?xml version="1.0"?>\n<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL><FIRST_NAME>X</SECOND_NAME></INDIVIDUAL>\n</INDIVIDUALS>\n</CONSOLIDATED_LIST>\n',
      );
      expect(await failure('un-xml', path)).toMatchObject({
        file: path,
        line: 4,
        reason: expect.stringContaining('not well-formed XML'),
      });
    });

    it('rejects a CSV file given as XML', async () => {
      const path = files.write('not-xml.xml', sdnRow('36', 'X'));
      await expect(openList('un-xml', path)).rejects.toMatchObject({
        reason: expect.stringContaining('not well-formed XML'),
      });
    });

    it('rejects UTF-16 XML', async () => {
      const path = files.write(
        'utf16.xml',
        Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          Buffer.from('<?xml version="1.0"?><data-set></data-set>', 'utf16le'),
        ]),
      );
      await expect(openList('ca-sema-xml', path)).rejects.toMatchObject({ reason: expect.stringContaining('UTF-16') });
    });

    it('rejects invalid UTF-8 in the middle of the file with its line', async () => {
      const head =
        '<?xml version="1.0" encoding="UTF-8"?>\n<data-set>\n' +
        '<record><Country>Iran</Country><Item>1</Item><EntityOrShip>X</EntityOrShip></record>\n'.repeat(2000);
      const path = files.write(
        'latin1.xml',
        Buffer.concat([
          Buffer.from(head),
          Buffer.from('<record><Country>Ir\xe1n</Country></record>\n</data-set>\n', 'latin1'),
        ]),
      );
      expect(await failure('ca-sema-xml', path)).toMatchObject({
        line: 2003,
        reason: expect.stringContaining('not valid UTF-8'),
      });
    });

    it('rejects a record without the fields that identify it', async () => {
      const path = files.write(
        'sema-noid.xml',
        '<?xml version="1.0"?>\n<data-set>\n<record><LastName>X</LastName></record>\n</data-set>\n',
      );
      expect(await failure('ca-sema-xml', path)).toMatchObject({ element: 'record', line: 3 });
    });

    it('refuses a list that names the same entity twice', async () => {
      const record = '<INDIVIDUAL><FIRST_NAME>X</FIRST_NAME><REFERENCE_NUMBER>QDi.001</REFERENCE_NUMBER></INDIVIDUAL>';
      const path = files.write(
        'un-twice.xml',
        `<?xml version="1.0"?>\n<CONSOLIDATED_LIST><INDIVIDUALS>${record}\n${record}</INDIVIDUALS></CONSOLIDATED_LIST>\n`,
      );
      expect(await failure('un-xml', path)).toMatchObject({ file: path, reason: 'lists entity QDi.001 twice' });
    });

    it('cannot tell SDN from Consolidated by an unrelated file name', async () => {
      const path = files.write('export.xml', readFileSync(fixture('ofac-xml', 'sdn.xml')));
      await expect(openList('ofac-xml', path)).rejects.toMatchObject({ reason: expect.stringContaining('rename it') });
    });
  });

  describe('UK OFSI ConList CSV', () => {
    const lines = readFileSync(fixture('uk-conlist.csv'), 'utf8').split('\r\n');

    it('requires the "Last Updated" row first', async () => {
      const path = files.write('uk-nodate.csv', lines.slice(1).join('\r\n'));
      await expect(openList('uk-ofsi-csv', path)).rejects.toMatchObject({
        line: 1,
        reason: expect.stringContaining('Last Updated'),
      });
    });

    it('names the header columns that are missing', async () => {
      const path = files.write(
        'uk-header.csv',
        [lines[0], lines[1]!.replace('Group ID', 'Group'), ...lines.slice(2)].join('\r\n'),
      );
      await expect(openList('uk-ofsi-csv', path)).rejects.toMatchObject({
        line: 2,
        reason: expect.stringContaining('"Group ID"'),
      });
    });

    it('rejects a row whose column count differs from the header', async () => {
      const path = files.write(
        'uk-columns.csv',
        [...lines.slice(0, 4), 'ERNST,Konstantin,,,', ...lines.slice(4)].join('\r\n'),
      );
      expect(await failure('uk-ofsi-csv', path)).toMatchObject({ line: 5, reason: 'has 5 columns; the header has 36' });
    });
  });

  describe('FollowTheMoney JSON lines', () => {
    it('rejects a first line that is not JSON', async () => {
      const path = files.write('ftm-text.json', 'id,schema,name\n1,Person,X\n');
      await expect(openList('ftm-json', path)).rejects.toMatchObject({
        line: 1,
        reason: expect.stringContaining('not valid JSON'),
      });
    });

    it('names the line of invalid JSON further down', async () => {
      const good = readFileSync(fixture('ftm-entities.json'), 'utf8').split('\n').slice(0, 2).join('\n');
      const path = files.write('ftm-bad-line.json', `${good}\n{"id": "x", "schema": \n`);
      expect(await failure('ftm-json', path)).toMatchObject({ line: 3, reason: expect.stringContaining('truncated') });
    });

    it('rejects a line that is not an entity', async () => {
      const path = files.write(
        'ftm-not-entity.json',
        '{"id": "a", "schema": "Person", "properties": {"name": ["A"]}}\n{"name": "B"}\n',
      );
      expect(await failure('ftm-json', path)).toMatchObject({ line: 2, field: 'id' });
    });

    it('rejects delta operations mixed into an entity file', async () => {
      const path = files.write(
        'ftm-mixed.json',
        '{"id": "a", "schema": "Person", "properties": {"name": ["A"]}}\n{"op": "DEL", "entity": {"id": "b"}}\n',
      );
      expect(await failure('ftm-json', path)).toMatchObject({
        line: 2,
        reason: expect.stringContaining('delta operation inside an entity file'),
      });
    });

    it('rejects an unknown delta operation', async () => {
      const path = files.write('ftm-op.json', '{"op": "UPSERT", "entity": {"id": "b"}}\n');
      await expect(openList('ftm-json', path)).rejects.toMatchObject({ field: 'op' });
    });
  });

  describe('seed dataset', () => {
    it('names the file and line of a JSON syntax error', async () => {
      const path = files.write('seed-syntax.json', '{\n  "dataset": "x",\n  "version": "1",\n}\n');
      await expect(openList('seed', path)).rejects.toMatchObject({
        file: path,
        line: 4,
        reason: expect.stringContaining('not valid JSON'),
      });
    });

    it('names the failing field when the seed does not match its schema', async () => {
      const seed = JSON.parse(readFileSync(fixture('seed-small.json'), 'utf8'));
      seed.entities[1].names = [];
      const path = files.write('seed-invalid.json', JSON.stringify(seed));
      await expect(openList('seed', path)).rejects.toMatchObject({
        file: path,
        field: 'entities.1.names',
        reason: expect.stringContaining('not a valid seed dataset'),
      });
    });
  });

  it('is an AppError carrying the file and line as a failing field', async () => {
    const path = files.write('apperror/sdn.csv', 'a,b\r\n');
    const error = await failure('ofac-sdn-csv', path);
    expect(error.code).toBe('validation_failed');
    expect(error.fields).toEqual([{ field: 'file', line: 1, message: error.reason }]);
  });
});
