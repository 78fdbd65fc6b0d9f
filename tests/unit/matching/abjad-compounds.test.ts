/** The compounds an Arabic-script name is also indexed with, joined as romanisations write them (abjad-compounds.ts). */
import { joinedAbjadCompounds, splitAbjadCompounds } from '../../../shared/src/matching/index/abjad-compounds';
import { tokenizeName } from '../../../shared/src/matching/normalize/normalize-name';

const joined = (name: string): string[] | undefined =>
  joinedAbjadCompounds(tokenizeName(name).tokens)?.map((t) => t.text);

describe('joinedAbjadCompounds', () => {
  it('joins ʿAbd + a name of God, X + Allah and X + al-Din', () => {
    expect(joined('عبد المنان آغا')).toEqual(['abdalmnan', 'agha']);
    expect(joined('عتیق الله آخوند')).toEqual(['atiqallah', 'akhund']);
    expect(joined('سراج الدين حقانى')).toEqual(['srajaldin', 'hqana']);
  });

  it('joins a Persian surname suffix written apart to the word before it', () => {
    expect(joined('عیسی زارع پور')).toEqual(['aysi', 'zarpur']);
    expect(joined('حسن حسن زاده')).toEqual(['hsn', 'hsnzadh']);
    expect(joined('محمد حسین زیبایی نژاد')).toEqual(['mhmd', 'hsin', 'zibayinzhad']);
  });

  it('leaves a name without such a compound alone', () => {
    expect(joined('أيمن الدويك')).toBeUndefined();
    // A suffix word standing first has nothing to be glued to.
    expect(joined('زاده')).toBeUndefined();
  });
});

const split = (name: string): string[] | undefined =>
  splitAbjadCompounds(tokenizeName(name).tokens)?.map((t) => `${t.text}:${t.kind}`);

describe('splitAbjadCompounds', () => {
  it('splits a compound glued around the article into its halves and the article', () => {
    expect(split('عبدالخالق الحوثي')).toEqual(['abd:word', 'al:particle', 'khalq:word', 'al:particle', 'huthi:word']);
    expect(split('نورالدين')).toEqual(['nur:word', 'al:particle', 'din:word']);
  });

  it('leaves a name without a glued compound alone', () => {
    expect(split('عبد المنان آغا')).toBeUndefined();
    // The article at the start is the word's own, not a compound's.
    expect(split('أيمن الدويك')).toBeUndefined();
  });
});
