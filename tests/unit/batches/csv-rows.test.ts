import { csvRows, detectDelimiter, mapHeader, parseBatchRow } from '@sanctions/shared/batches';

async function rows(chunks: (string | Buffer)[]) {
  const out: { line: number; fields: string[] }[] = [];
  for await (const r of csvRows(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c))))
    out.push({ line: r.line, fields: r.fields });
  return out;
}

describe('reading a customer CSV file', () => {
  it('strips a BOM, detects a semicolon delimiter and keeps quoted newlines, numbering records by their first line', async () => {
    expect(await rows(['\uFEFFname;reference\r\n"Ri\r\nYong-gil";"C;2"\r\nJane Doe;C-3\r\n'])).toEqual([
      { line: 1, fields: ['name', 'reference'] },
      { line: 2, fields: ['Ri\r\nYong-gil', 'C;2'] },
      { line: 4, fields: ['Jane Doe', 'C-3'] },
    ]);
  });

  it('gives the same records however the bytes are split, even inside a UTF-8 character', async () => {
    const bytes = Buffer.from('name,country\n"Zoë ""the"" Müller",DE\nJosé,ES\n', 'utf8');
    const whole = await rows([bytes]);
    for (let cut = 1; cut < bytes.length; cut++)
      expect(await rows([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(whole);
    expect(whole[1]?.fields).toEqual(['Zoë "the" Müller', 'DE']);
  });

  it('reads a Latin-1 file', async () => {
    expect((await rows([Buffer.from('name\nJosé Müller\n', 'latin1')]))[1]?.fields).toEqual(['José Müller']);
  });

  it('skips blank lines and reads a last record without a line break', async () => {
    expect(await rows(['name\n\nJane Doe\n\nJohn Smith'])).toEqual([
      { line: 1, fields: ['name'] },
      { line: 3, fields: ['Jane Doe'] },
      { line: 5, fields: ['John Smith'] },
    ]);
  });

  it.each([
    ['a,b;c;d', ';'],
    ['name\treference', '\t'],
    ['name|dob|"a|b"', '|'],
    ['name', ','],
    ['"a;b",c', ','],
  ])('detects the delimiter of %j as %j', (header, delimiter) => {
    expect(detectDelimiter(header)).toBe(delimiter);
  });

  it('refuses binary data and a quote never closed', async () => {
    await expect(rows([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])])).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(rows(['name\n"Jane Doe\n'])).rejects.toThrow(/quoted field opened on line 2 is never closed/);
  });
});

describe('validating customer rows', () => {
  const header = mapHeader(['Full Name', 'DOB', 'Customer ID', 'Entity Type', 'Nationality']);

  it('recognises the common header spellings', () => {
    expect(header).toEqual({ name: 0, birth_date: 1, reference: 2, type: 3, country: 4, width: 5 });
  });

  it('accepts a full row, normalising spaces and type aliases', () => {
    expect(parseBatchRow(header, ['  Jane   Doe ', '1980-05', 'C-1', 'Individual', 'GB'], 7)).toEqual({
      row: {
        line: 7,
        name: 'Jane Doe',
        birthDate: '1980-05',
        reference: 'C-1',
        type: 'person',
        country: 'GB',
        warning: null,
      },
    });
  });

  it('screens a row with an impossible birth date on its name, with a warning, rather than skip it', () => {
    expect(parseBatchRow(header, ['Maria Garcia', '1990-02-30', 'C-9', '', 'Spain'], 9)).toEqual({
      row: {
        line: 9,
        name: 'Maria Garcia',
        birthDate: null,
        reference: 'C-9',
        type: null,
        country: 'Spain',
        warning: 'birth date "1990-02-30" is not a real date (year 1850 to this year); screened without it',
      },
    });
  });

  it('screens a row with an unknown country on its name, saying which forms are accepted', () => {
    const parsed = parseBatchRow(header, ['Maria Garcia', '1990-02', '', '', 'Narnia'], 10);
    expect(parsed).toEqual({
      row: expect.objectContaining({
        birthDate: '1990-02',
        country: null,
        warning: expect.stringContaining('country "Narnia" is not a country we know; use an ISO 3166 alpha-2 code'),
      }),
    });
    expect(parseBatchRow(header, ['A', '3000', '', '', 'Narnia'], 11)).toEqual({
      row: expect.objectContaining({
        warning: expect.stringMatching(/^birth date "3000" .*; country "Narnia" .*screened without it$/),
      }),
    });
  });

  it.each([
    [['', '', 'C-1', '', ''], 'name', 'name is empty'],
    [['!!! ...', '', '', '', ''], 'name', 'name has no letter or digit'],
    [['Acme', '', '', 'vessel-ish', ''], 'type', 'type "vessel-ish" is not one of'],
    [['Acme', '', '', '', '', 'extra'], null, 'has 6 columns but the header has 5'],
  ])('refuses %j naming the field and the reason', (fields, field, reason) => {
    const parsed = parseBatchRow(header, fields, 9);
    expect(parsed).toEqual({ error: { line: 9, field, reason: expect.stringContaining(reason) } });
  });

  it('refuses a header without a name column', () => {
    expect(() => mapHeader(['customer', 'dob'])).toThrow(/header row with a name column/);
  });
});
