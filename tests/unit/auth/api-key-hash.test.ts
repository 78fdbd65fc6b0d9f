import { createHash } from 'node:crypto';
import { generateApiKey, hashApiKey } from '@sanctions/shared/auth';

describe('hashApiKey', () => {
  it('is the hex SHA-256 of the key as UTF-8, as stored key hashes were made', () => {
    const keys = [generateApiKey(), generateApiKey(), 'bench-0123456789abcdef', 'clé-ключ-鍵', ''];
    for (const key of keys) expect(hashApiKey(key)).toBe(createHash('sha256').update(key, 'utf8').digest('hex'));
  });

  it('tells two keys apart', () => {
    expect(hashApiKey('ssk_a')).not.toBe(hashApiKey('ssk_b'));
  });
});
