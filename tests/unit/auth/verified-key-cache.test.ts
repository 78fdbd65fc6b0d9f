import { VerifiedKeyCache, type ApiPrincipal } from '@sanctions/shared/auth';

const principal = (keyId: string, workspaceId = 'default'): ApiPrincipal => ({
  keyId,
  name: keyId,
  scopes: ['screenings:read'],
  workspaceId,
  rateLimitPerMinute: null,
});

function enabledCache(options: ConstructorParameters<typeof VerifiedKeyCache>[0] = {}) {
  const cache = new VerifiedKeyCache(options);
  cache.setEnabled(true);
  return cache;
}

it('keeps nothing while disabled (its change subscription down)', () => {
  const cache = new VerifiedKeyCache();
  cache.set('h1', principal('k1'), cache.generation);
  expect(cache.get('h1')).toBeUndefined();
  const on = enabledCache();
  on.set('h1', principal('k1'), on.generation);
  on.setEnabled(false);
  on.setEnabled(true);
  expect(on.get('h1')).toBeUndefined();
});

it('forgets an entry after its time to live', () => {
  let now = 1_000;
  const cache = enabledCache({ ttlMs: 30_000, now: () => now });
  cache.set('h1', principal('k1'), cache.generation);
  now += 29_999;
  expect(cache.get('h1')?.keyId).toBe('k1');
  now += 1;
  expect(cache.get('h1')).toBeUndefined();
});

it('holds at most maxEntries, dropping the oldest first', () => {
  const cache = enabledCache({ maxEntries: 2 });
  for (const n of [1, 2, 3]) cache.set(`h${n}`, principal(`k${n}`), cache.generation);
  expect([cache.get('h1'), cache.get('h2')?.keyId, cache.get('h3')?.keyId]).toEqual([undefined, 'k2', 'k3']);
});

it('drops by key id and by workspace', () => {
  const cache = enabledCache();
  cache.set('h1', principal('k1', 'a'), cache.generation);
  cache.set('h2', principal('k2', 'a'), cache.generation);
  cache.set('h3', principal('k3', 'b'), cache.generation);
  cache.dropKey('k3');
  expect(cache.get('h3')).toBeUndefined();
  cache.dropWorkspace('a');
  expect(cache.size).toBe(0);
});

it('does not keep what a lookup read before an invalidation that happened while it ran', () => {
  const cache = enabledCache();
  const startedAt = cache.generation;
  cache.dropKey('k1');
  cache.set('h1', principal('k1'), startedAt);
  expect(cache.get('h1')).toBeUndefined();
});
