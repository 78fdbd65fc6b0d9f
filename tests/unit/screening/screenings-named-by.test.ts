import { randomUUID } from 'node:crypto';
import type { Job } from 'bullmq';
import { screeningsNamedBy } from '@sanctions/screening-worker';
import type { ScreeningQueueData } from '@sanctions/shared/screening';

const job = (name: string, data: unknown) => ({ name, data }) as unknown as Job<ScreeningQueueData>;
const row = { apiKeyId: null, reference: 'c-1', createdAt: '2026-01-02T03:04:05.000Z' };

describe('the screenings a finally failed job fails', () => {
  it("comes with the row a screening's job carried, so that its failure is stored though nobody recorded it", () => {
    const id = randomUUID();
    expect(screeningsNamedBy(job('screen', { screeningId: id, query: { name: 'Jane Doe' }, row }))).toEqual([
      { id, unrecorded: { row, query: { name: 'Jane Doe' } } },
    ]);
  });

  it('names a recorded screening, and one whose payload does not parse, by id alone', () => {
    const [recorded, broken] = [randomUUID(), randomUUID()];
    expect(
      screeningsNamedBy(
        job('screen-group', {
          screenings: [
            { screeningId: recorded, query: { name: 'Jane Doe' } },
            { screeningId: broken, query: {}, row },
            { query: { name: 'No id' } },
          ],
        }),
      ),
    ).toEqual([{ id: recorded }, { id: broken }]);
    expect(screeningsNamedBy(job('screen', undefined))).toEqual([]);
  });
});
