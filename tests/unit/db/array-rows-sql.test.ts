import { rowsOfArrays } from '@sanctions/shared/db';

describe('rowsOfArrays', () => {
  it('numbers and types the array parameters from the first one, and names the columns of the rows', () => {
    expect(rowsOfArrays(3, ['uuid', 'int'], 'r', ['id', 'rank'])).toBe(
      '(SELECT $3::uuid[] AS a0, $4::int[] AS a1 OFFSET 0) AS arrays ' +
        'CROSS JOIN LATERAL unnest(arrays.a0, arrays.a1) AS r (id, rank)',
    );
  });
});
