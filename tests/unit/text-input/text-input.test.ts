import {
  CsvReader,
  TextInputError,
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
    // A quoted line break in a CR file is a CR.
    expect(readCsv(['a\r"b\rc"\rd\r']).map((r) => r.line)).toEqual([1, 2, 4]);
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

  it('reads strings and numbers longer than the tokenizer buffer, with escapes and multi-byte text, cut anywhere', async () => {
    const name = `${'Ñoño Zoë 李 '.repeat(12)}"quoted" \\ \u00e9\ud83d\ude00`;
    const digits = `-${'1234567890'.repeat(9)}.5e-3`;
    const body = Buffer.from(`[{"name": ${JSON.stringify(name)}, "number": ${digits}}, {"n": 123456789012}]`);
    for (let cut = 1; cut < body.length; cut += 7) {
      expect(await readJson([body.subarray(0, cut), body.subarray(cut)])).toEqual([
        { name, number: Number(digits) },
        { n: 123456789012 },
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

describe('CSV records wherever the text is cut', () => {
  const readWith = (chunks: string[], strictQuotes: boolean): CsvRecord[] => {
    const reader = new CsvReader({ maxRecordChars: 1024 * 1024, strictQuotes });
    return [...chunks.flatMap((chunk) => reader.push(chunk)), ...reader.end()];
  };
  const problemOf = (chunks: string[], strictQuotes = true): unknown => {
    try {
      readWith(chunks, strictQuotes);
    } catch (error) {
      return error instanceof TextInputError ? { problem: error.problem, at: error.at } : error;
    }
    return 'read';
  };
  const cuts = (text: string): string[][] => {
    const all: string[][] = [[text]];
    for (let cut = 1; cut < text.length; cut++) all.push([text.slice(0, cut), text.slice(cut)]);
    // Empty chunks between and after the pieces, as a stream may hand over.
    all.push(['', text.slice(0, 3), '', text.slice(3), '']);
    return all;
  };

  // A BOM, CRLF lines, quoted CRLFs and doubled quotes, ragged rows (short and long), an empty field, a blank line.
  const text =
    '\uFEFFid,name,note\r\n1,"Smith, ""Jr.""","two\r\nlines"\r\n2,short\r\n\r\n3,a,b,extra\r\n4,,"x"\r\n5,"last"';
  const expected: CsvRecord[] = [
    { line: 1, fields: ['id', 'name', 'note'] },
    { line: 2, fields: ['1', 'Smith, "Jr."', 'two\r\nlines'] },
    { line: 4, fields: ['2', 'short'] },
    { line: 6, fields: ['3', 'a', 'b', 'extra'] },
    { line: 7, fields: ['4', '', 'x'] },
    { line: 8, fields: ['5', 'last'] },
  ];

  it('keeps quoted line breaks and doubled quotes, ragged rows as they are, and drops the BOM, at every cut', () => {
    for (const chunks of cuts(text)) expect(readWith(chunks, true)).toEqual(expected);
  });

  it('reads LF files alike, with a cut inside any quoted field', () => {
    const lf = text.replaceAll('\r\n', '\n');
    const want = expected.map((r) => ({ ...r, fields: r.fields.map((f) => f.replaceAll('\r\n', '\n')) }));
    for (const chunks of cuts(lf)) expect(readWith(chunks, true)).toEqual(want);
  });

  it('refuses a quote never closed, naming the line its record starts on, wherever the text is cut', () => {
    const open = 'id,note\r\n1,ok\r\n2,"never\r\nclosed\r\n3,more\r\n';
    for (const chunks of cuts(open)) expect(problemOf(chunks)).toEqual({ problem: 'quote_not_closed', at: 3 });
  });

  it('refuses text after a closing quote in a list file, and reads it as text in an upload', () => {
    const after = 'id,note\r\n1,ok\r\n2,"say "hi" now",x\r\n';
    for (const chunks of cuts(after)) expect(problemOf(chunks)).toEqual({ problem: 'text_after_quote', at: 3 });
    for (const chunks of cuts(after))
      expect(readWith(chunks, false)).toEqual([
        { line: 1, fields: ['id', 'note'] },
        { line: 2, fields: ['1', 'ok'] },
        { line: 3, fields: ['2', 'say "hi" now', 'x'] },
      ]);
  });

  it('refuses a record longer than the bound, naming its first line', () => {
    const reader = new CsvReader({ maxRecordChars: 100, strictQuotes: true });
    expect(reader.push('a,b\n')).toEqual([{ line: 1, fields: ['a', 'b'] }]);
    expect(() => reader.push(`1,"${'x'.repeat(120)}`)).toThrow(
      expect.objectContaining({ problem: 'record_too_long', at: 2 }),
    );
  });

  it('reads an empty text and one of blank lines as no records', () => {
    expect(readWith([''], true)).toEqual([]);
    expect(readWith(['\r\n\r\n', ''], true)).toEqual([]);
  });
});
