import { isListSourceId, LIST_SOURCES } from '@sanctions/shared/lists/sources';

describe('list sources', () => {
  it('knows every source by the id it is keyed under', () => {
    for (const [key, source] of Object.entries(LIST_SOURCES)) expect(source.id).toBe(key);
    expect(isListSourceId('ofac-sdn')).toBe(true);
    expect(isListSourceId('toString')).toBe(false);
  });
});
