import { jsonRecords, type UploadRecord } from '@sanctions/shared/batches';

async function read(chunks: string[]): Promise<UploadRecord[]> {
  const out: UploadRecord[] = [];
  for await (const record of jsonRecords(chunks.map((c) => Buffer.from(c, 'utf8')))) out.push(record);
  return out;
}

const HEADER = { line: 0, fields: ['name', 'birth_date', 'reference', 'type', 'country'] };

describe('reading a JSON array of customer records', () => {
  it('maps each object to our columns, numbering records from 1, whatever the key spelling', async () => {
    const records = await read([
      '[{"Full Name": "Sense Time Group", "Customer ID": 17}, {"name": "Jane Doe", "DOB": "1980-05-01", "country": null}]',
    ]);
    expect(records).toEqual([
      HEADER,
      { line: 1, fields: ['Sense Time Group', '', '17', '', ''] },
      { line: 2, fields: ['Jane Doe', '1980-05-01', '', '', ''] },
    ]);
  });

  it('finds record boundaries across chunk edges, inside strings with brackets, commas and escaped quotes', async () => {
    const text = '[ {"name": "A, \\"B\\" [C] {D}"} ,\n {"name": "E}"} ]';
    for (let cut = 1; cut < text.length; cut++) {
      const records = await read([text.slice(0, cut), text.slice(cut)]);
      expect(records.map((r) => ('fields' in r ? r.fields[0] : r))).toEqual(['name', 'A, "B" [C] {D}', 'E}']);
    }
  });

  it('reports an element that is not an object, or a nested value, as an invalid record and goes on', async () => {
    const records = await read(['["Jane Doe", {"name": {"first": "Jane"}}, {"name": "John Smith"}]']);
    expect(records.slice(1)).toEqual([
      { line: 1, invalid: { field: null, reason: 'is not a JSON object' } },
      { line: 2, invalid: { field: 'name', reason: 'name must be a string, a number or null' } },
      { line: 3, fields: ['John Smith', '', '', '', ''] },
    ]);
  });

  it('reads an empty array as no records', async () => {
    expect(await read(['  [ ]  '])).toEqual([HEADER]);
  });

  it.each([
    ['not an array', '{"name": "Jane Doe"}', 'it does not start with ['],
    ['empty', '   ', 'it is empty'],
    ['cut short', '[{"name": "Jane Doe"}, {"name": "Jo', 'the array is never closed'],
    ['malformed record', '[{"name": "Jane Doe"}, {name: "John"}]', 'record 2 is not valid JSON'],
    ['an empty record', '[{"name": "Jane Doe"},, {"name": "John"}]', 'record 2 is empty'],
    ['a trailing comma', '[{"name": "Jane Doe"},]', 'record 2 is empty'],
    ['text after the array', '[{"name": "Jane Doe"}] [', 'there is more after the closing ]'],
  ])('refuses a body that is %s', async (_case, body, reason) => {
    await expect(read([body])).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining(reason),
    });
  });
});
