import { screeningRequestSchema } from '@sanctions/shared/screening';

const fieldsOf = (input: unknown) => {
  const result = screeningRequestSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('screening request validation', () => {
  it('accepts a name with optional attributes and trims it', () => {
    expect(
      screeningRequestSchema.parse({
        name: '  Ri Yong Gil ',
        type: 'person',
        birthDate: '1955',
        country: 'KP',
        reference: 'C-1',
      }),
    ).toEqual({
      name: 'Ri Yong Gil',
      type: 'person',
      birthDate: '1955',
      country: 'KP',
      reference: 'C-1',
    });
  });

  it.each([
    [{}, /^name: /],
    [{ name: '' }, /^name: must not be empty/],
    [{ name: '  ' }, /^name: must not be empty/],
    [{ name: '--- ...' }, /^name: must contain at least one letter or digit/],
    [{ name: 'x'.repeat(301) }, /^name: must be at most 300/],
    [{ name: 42 }, /^name: /],
    [{ name: 'A', type: 'ship' }, /^type: must be one of person, organization, vessel, aircraft/],
    [{ name: 'A', birthDate: '1955-02-30' }, /^birthDate: is not a real date/],
    [{ name: 'A', birthDate: '30/01/1955' }, /^birthDate: must be YYYY/],
    [{ name: 'A', nmae: 'typo' }, /nmae/],
  ])('refuses %j naming the field', (input, expected) => {
    const fields = fieldsOf(input);
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.join('\n')).toMatch(expected);
  });
});
