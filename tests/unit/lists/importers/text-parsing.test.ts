import { countryCode, parseBirthDates, parseOfacRemarks } from '@sanctions/shared/lists/importers';

describe('birth dates as lists write them', () => {
  it.each([
    ['1955', ['1955']],
    ['10 Dec 1961', ['1961-12-10']],
    ['Dec 1961', ['1961-12']],
    ['circa 1965', ['1965']],
    ['1955 to 1957', ['1955', '1956', '1957']],
    ['01 Jan 1955 to 31 Dec 1955', ['1955']],
    ['1961-12-10', ['1961-12-10']],
    ['10/12/1961', ['1961-12-10']],
    ['00/00/1970', ['1970']],
    ['00/05/1970', ['1970-05']],
    ['09/1962', ['1962-09']],
    ['1957 (approximative)', ['1957']],
    ['Nov. 1973', ['1973-11']],
    ['sometime', []],
  ])('reads %j as %j', (text, dates) => {
    expect(parseBirthDates(text)).toEqual(dates);
  });

  it('keeps only the ends of an implausibly wide range', () => {
    expect(parseBirthDates('1900 to 1990')).toEqual(['1900', '1990']);
  });
});

describe('country names', () => {
  it.each([
    ['Korea, North', 'KP'],
    ["Democratic People's Republic of Korea", 'KP'],
    ['Iran (Islamic Republic of)', 'IR'],
    ['Burma', 'MM'],
    ['Myanmar (Burma)', 'MM'],
    ['RUS', 'RU'],
    ['ru', 'RU'],
    ['Culiacan, Sinaloa, Mexico', 'MX'],
    ['Region: Gaza', 'PS'],
    ['Türkiye', 'TR'],
    ['gb-nir', 'GB'],
  ])('maps %j to %s', (text, code) => {
    expect(countryCode(text)).toBe(code);
  });

  it('does not guess', () => {
    expect(countryCode('former Soviet Union')).toBeUndefined();
    expect(countryCode('Korea')).toBeUndefined();
  });
});

describe('OFAC remarks', () => {
  it('reads the facts written in fixed phrases and leaves the rest', () => {
    const facts = parseOfacRemarks(
      "DOB 1955; alt. DOB 1956; nationality Korea, North; Passport 123 (Korea, North) issued 01 Jan 2015 expires 01 Jan 2025; Tax ID No. 7706101758 (Russia); SWIFT/BIC KCBKKPPY; Website www.example.kp; a.k.a. 'KIM'; Listing Date (CMIC) 10 Dec 2021.",
    );
    expect(facts).toEqual({
      birthDates: ['1955', '1956'],
      nationalities: ['KP'],
      countries: [],
      identifiers: [
        { type: 'passport', value: '123', country: 'KP', note: 'issued 01 Jan 2015 expires 01 Jan 2025' },
        { type: 'tax_id', value: '7706101758', country: 'RU' },
        { type: 'swift_bic', value: 'KCBKKPPY' },
      ],
      weakAliases: ['KIM'],
      listedOn: '2021-12-10',
      unreadable: [],
    });
  });

  it('keeps what is in parentheses but not a country as a note', () => {
    expect(parseOfacRemarks('Passport A1 (individual)').identifiers).toEqual([
      { type: 'passport', value: 'A1', note: 'individual' },
    ]);
  });

  it('flags a DOB phrase it cannot read', () => {
    expect(parseOfacRemarks('DOB sometime in the sixties').unreadable).toEqual(['DOB sometime in the sixties']);
  });
});
