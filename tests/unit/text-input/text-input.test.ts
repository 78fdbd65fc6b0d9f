import {
  CsvReader,
  jsonArrayElementsByChunk,
  utf8OrLatin1Bytes,
  type CsvRecord,
  type JsonArrayOptions,
} from '@sanctions/shared/text-input';

function readCsv(chunks: string[]): CsvRecord[] {
  const reader = new CsvReader({ maxRecordChars: 1024 * 1024, strictQuotes: true });
  return [...chunks.flatMap((chunk) => reader.push(chunk)), ...reader.end()];
}

async function readJson(chunks: Buffer[], options: JsonArrayOptions = { maxElementBytes: 1024 }): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const values of jsonArrayElementsByChunk(utf8OrLatin1Bytes(chunks), options)) out.push(...values);
  return out;
}

describe('CSV line numbers', () => {
  // Line 3's record spans lines 3-5; line 6 is blank; the others are one line each.
  const text = 'id,note\n1,plain\n2,"three\nline\nnote"\n\n3,"a, b"\n4,last\n';
  const expected = [
    { line: 1, fields: ['id', 'note'] },
    { line: 2, fields: ['1', 'plain'] },
    { line: 3, fields: ['2', 'three\nline\nnote'] },
    { line: 7, fields: ['3', 'a, b'] },
    { line: 8, fields: ['4', 'last'] },
  ];

  it('are the same wherever the text is cut, whether or not a chunk holds a quoted line break', () => {
    for (let cut = 1; cut < text.length; cut++) {
      expect(readCsv([text.slice(0, cut), text.slice(cut)])).toEqual(expected);
    }
  });

  it('are right in a chunk longer than the parser is given at once, with records across its pieces', () => {
    const rows: string[] = ['id,note'];
    const want: CsvRecord[] = [{ line: 1, fields: ['id', 'note'] }];
    let line = 2;
    for (let i = 0; want.length < 20_000; i++) {
      const note = i % 7 === 0 ? `say ""hi""\r\nto ${i}\r\n` : `note ${i}, plain`;
      rows.push(`${i},"${note}"`);
      want.push({ line, fields: [String(i), note.replaceAll('""', '"')] });
      line += i % 7 === 0 ? 3 : 1;
    }
    const text = rows.join('\r\n') + '\r\n';
    expect(text.length).toBeGreaterThan(4 * 64 * 1024);
    expect(readCsv([text])).toEqual(want);
    expect(readCsv([text.slice(0, 200_001), text.slice(200_001)])).toEqual(want);
  });

  it('count CRLF and CR line endings alike', () => {
    expect(readCsv([text.replaceAll('\n', '\r\n')]).map((r) => r.line)).toEqual([1, 2, 3, 7, 8]);
    expect(readCsv(['a\rb\r"c"\r\rd\r']).map((r) => r.line)).toEqual([1, 2, 3, 5]);
  });
});

describe('JSON array elements from bytes', () => {
  it('reads multi-byte UTF-8 cut anywhere and a leading BOM', async () => {
    const body = Buffer.from('\uFEFF [{"name": "Ñoño Zoë 李"}, {"name": "Ōta"}]', 'utf8');
    for (let cut = 1; cut < body.length; cut++) {
      expect(await readJson([body.subarray(0, cut), body.subarray(cut)])).toEqual([
        { name: 'Ñoño Zoë 李' },
        { name: 'Ōta' },
      ]);
    }
  });

  it('reads a body that is not UTF-8 as Latin-1', async () => {
    expect(await readJson([Buffer.from('[{"name": "Jos\xe9 M\xfcller"}]', 'latin1')])).toEqual([
      { name: 'José Müller' },
    ]);
  });

  it.each([
    ['an empty first record', '[, {"a": 1}]', { problem: 'empty_record', at: 1, message: 'record 1 is empty' }],
    ['a nested double comma', '[{"a": [1,, 2]}]', { problem: 'not_json', at: 1 }],
    ['text after the array', '[1] 2', { problem: 'text_after_array' }],
  ])('names the record for %s', async (_case, body, error) => {
    await expect(readJson([Buffer.from(body)])).rejects.toMatchObject(error);
  });

  it('refuses an element longer than the bound, naming its position, and streams the ones before it', async () => {
    const seen: unknown[] = [];
    const long = Buffer.from(`[{"a": 1}, {"a": "${'x'.repeat(2000)}"`);
    const chunks = [long.subarray(0, 600), long.subarray(600, 1200), long.subarray(1200)];
    const reading = (async () => {
      for await (const values of jsonArrayElementsByChunk(utf8OrLatin1Bytes(chunks), { maxElementBytes: 1024 }))
        seen.push(...values);
    })();
    await expect(reading).rejects.toMatchObject({ problem: 'record_too_long', at: 2 });
    expect(seen).toEqual([{ a: 1 }]);
  });
});
