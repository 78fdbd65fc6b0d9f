import {
  batchRowHistoryId,
  decodeHistoryCursor,
  encodeHistoryCursor,
  historyPageStatement,
  nextHistoryPageQuery,
  screeningHistoryQuerySchema,
  toHistoryQuery,
} from '@sanctions/shared/history';

const parse = (raw: Record<string, unknown>) => screeningHistoryQuerySchema.safeParse(raw);
const failingFields = (raw: Record<string, unknown>) => {
  const result = parse(raw);
  return result.success
    ? []
    : result.error.issues.map((i) => (i.code === 'unrecognized_keys' ? i.keys.join() : i.path.join('.')));
};

describe('the history query string', () => {
  it('reads the name as the matcher reads names, and defaults the limit to 100', () => {
    const query = toHistoryQuery(parse({ name: '  ZOË  al-Qa’ida ', reference: ' cust-1 ' }).data!);
    expect(query).toEqual({ filters: { nameKey: 'zoe al qaida', reference: 'cust-1' }, limit: 100 });
  });

  it('takes a date or a date-time with its offset, and holds them as instants', () => {
    const query = toHistoryQuery(parse({ from: '2026-12-01', to: '2026-12-01T10:00:00+02:00' }).data!);
    expect(query.filters).toEqual({ from: '2026-12-01T00:00:00.000Z', to: '2026-12-01T08:00:00.000Z' });
  });

  it.each([
    [{ limit: '0' }, ['limit']],
    [{ limit: '1001' }, ['limit']],
    [{ limit: '1e2' }, ['limit']],
    [{ limit: ['1', '2'] }, ['limit']],
    [{ from: '2026-02-29' }, ['from']],
    [{ to: '2026-12-01T24:00:00Z' }, ['to']],
    [{ from: '2026-12-01T09:00' }, ['from']],
    [{ from: '2026-12-02', to: '2026-12-02' }, ['to']],
    [{ name: '—' }, ['name']],
    [{ batchId: 'batch-1' }, ['batchId']],
    [
      {
        cursor: encodeHistoryCursor({ screenedAt: '2026-12-01T00:00:00Z', id: '11111111-1111-1111-1111-111111111111' }),
      },
      ['cursor'],
    ],
    [{ sort: 'name' }, ['sort']],
  ])('%j is refused, naming %j', (raw, fields) => {
    expect(failingFields(raw)).toEqual(fields);
  });

  it('gives out cursors it takes back, and the next page keeps the filters', () => {
    const cursor = { screenedAt: '2026-12-01T09:15:30.123456Z', id: '11111111-1111-1111-1111-111111111111' };
    expect(decodeHistoryCursor(encodeHistoryCursor(cursor))).toEqual(cursor);
    const input = parse({
      reference: 'cust 1',
      decision: 'hit',
      limit: '5',
      cursor: encodeHistoryCursor(cursor),
    }).data!;
    const next = new URLSearchParams(
      nextHistoryPageQuery(input, 5, { ...cursor, id: '22222222-2222-2222-2222-222222222222' }),
    );
    expect(Object.fromEntries(next)).toEqual({
      reference: 'cust 1',
      decision: 'hit',
      limit: '5',
      cursor: expect.any(String),
    });
    expect(decodeHistoryCursor(next.get('cursor')!)?.id).toBe('22222222-2222-2222-2222-222222222222');
  });
});

describe('the history page statement', () => {
  it('has a predicate for each filter given and none for the others, and escapes LIKE in the name', () => {
    const { text, values } = historyPageStatement('ws', { filters: { reference: 'c1', nameKey: 'a_b%' }, limit: 10 });
    expect(text).toContain('h.reference = $2');
    expect(text).toContain('h.name_key LIKE $3');
    expect(text.split('WHERE')[1]).not.toContain('h.decision');
    expect(text).toMatch(/ORDER BY h\.screened_at DESC, h\.id DESC LIMIT \$4$/);
    expect(values).toEqual(['ws', 'c1', '%a\\_b\\%%', 11]);
  });

  it('gives a batch row the same id every time, in line order within its batch', () => {
    const batch = '22222222-2222-2222-2222-222222222222';
    expect(batchRowHistoryId(batch, 7)).toBe(batchRowHistoryId(batch, 7));
    expect(batchRowHistoryId(batch, 7) < batchRowHistoryId(batch, 8)).toBe(true);
    expect(batchRowHistoryId(batch, 9) < batchRowHistoryId(batch, 10)).toBe(true);
    expect(batchRowHistoryId(batch, 7)).not.toBe(batchRowHistoryId('33333333-3333-3333-3333-333333333333', 7));
  });
});
