import { createApiKey, SCOPES } from '@sanctions/shared/auth';
import { call } from '../support/http';
import { seededServicePerFile } from '../support/running-service';

const stores = seededServicePerFile();
const api = (method: string, path: string, body?: unknown, apiKey?: string) =>
  call(stores.service.url, method, path, {
    ...(body !== undefined && { body }),
    ...(apiKey !== undefined && { apiKey }),
  });

describe('API keys over HTTP', () => {
  it('creates a key shown once, stored hashed, listed without its secret', async () => {
    const created = await api('POST', '/v1/keys', {
      name: 'case desk',
      scopes: ['screenings:read', 'screenings:write'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'case desk',
      scopes: ['screenings:read', 'screenings:write'],
      workspace: 'default',
      key: expect.stringMatching(/^ssk_/),
      prefix: created.body.key.slice(0, 8),
      rateLimitPerMinute: null,
      createdAt: expect.any(String),
      lastUsedAt: null,
      revokedAt: null,
    });
    const { rows } = await stores.db.pool.query(`SELECT key_hash FROM api_keys WHERE id = $1`, [created.body.id]);
    expect(rows[0].key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(created.body.key);

    expect((await api('POST', '/v1/screenings', { name: 'Jane Doe' }, created.body.key)).status).toBe(202);
    const listed = await api('GET', '/v1/keys');
    expect(listed.status).toBe(200);
    const mine = listed.body.keys.find((k: { id: string }) => k.id === created.body.id);
    expect(mine).toMatchObject({
      name: 'case desk',
      workspace: 'default',
      prefix: created.body.prefix,
      lastUsedAt: expect.any(String),
      revokedAt: null,
    });
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key);
    expect(JSON.stringify(listed.body)).not.toMatch(/key_hash|"key"/);
  });

  it('revokes a key: it gets 401 from the next request on', async () => {
    const created = await api('POST', '/v1/keys', { name: 'to revoke', scopes: ['lists:read'] });
    expect((await api('GET', '/v1/lists', undefined, created.body.key)).status).toBe(200);
    const revoked = await api('DELETE', `/v1/keys/${created.body.id}`);
    expect(revoked.status).toBe(204);
    expect((await api('GET', '/v1/lists', undefined, created.body.key)).status).toBe(401);
    const listed = await api('GET', '/v1/keys');
    expect(listed.body.keys.find((k: { id: string }) => k.id === created.body.id).revokedAt).toEqual(
      expect.any(String),
    );
  });

  it('rotates a key: the new one works, the old one gets 401 at once', async () => {
    const created = await api('POST', '/v1/keys', { name: 'to rotate', scopes: ['lists:read'] });
    const rotated = await api('POST', `/v1/keys/${created.body.id}/rotate`);
    expect(rotated.status).toBe(200);
    expect(rotated.body).toMatchObject({ id: created.body.id, name: 'to rotate', key: expect.stringMatching(/^ssk_/) });
    expect(rotated.body.key).not.toBe(created.body.key);
    expect((await api('GET', '/v1/lists', undefined, created.body.key)).status).toBe(401);
    expect((await api('GET', '/v1/lists', undefined, rotated.body.key)).status).toBe(200);
  });

  it('refuses an unknown scope, naming it, and a caller without admin', async () => {
    const bad = await api('POST', '/v1/keys', { name: 'typo', scopes: ['screenings:read', 'alerts:writ'] });
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain('application/problem+json');
    expect(bad.body.errors).toEqual([
      { field: 'scopes.1', message: expect.stringContaining('"alerts:writ" is not a scope') },
    ]);
    const reader = await createApiKey(stores.db.pool, {
      name: 'not admin',
      scopes: [...SCOPES.filter((s) => s !== 'admin')],
    });
    for (const [method, path] of [
      ['POST', '/v1/keys'],
      ['GET', '/v1/keys'],
      ['DELETE', `/v1/keys/${reader.id}`],
      ['POST', `/v1/keys/${reader.id}/rotate`],
    ] as const) {
      const res = await api(
        method,
        path,
        method === 'POST' && path === '/v1/keys' ? { name: 'x', scopes: ['lists:read'] } : undefined,
        reader.key,
      );
      expect(res.status).toBe(403);
      expect(res.body.detail).toMatch(/admin/);
    }
  });

  it('sets a per-key rate limit and knows the alert scopes', async () => {
    const created = await api('POST', '/v1/keys', {
      name: 'reviewer',
      scopes: ['alerts:read', 'alerts:review', 'alerts:approve'],
      rateLimitPerMinute: 120,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      scopes: ['alerts:read', 'alerts:review', 'alerts:approve'],
      rateLimitPerMinute: 120,
    });
    expect(
      (await api('POST', '/v1/keys', { name: 'x', scopes: ['lists:read'], rateLimitPerMinute: 0 })).body.errors[0]
        .field,
    ).toBe('rateLimitPerMinute');
  });
});

describe('workspaces', () => {
  it('a new workspace named at key creation is created, and its keys see none of the default workspace', async () => {
    const screening = await api('POST', '/v1/screenings?wait=true', {
      name: 'Sense Time Group',
      reference: 'cust-secret',
    });
    expect(screening.body.decision).toBe('hit');
    const batch = await call(stores.service.url, 'POST', '/v1/batches', {
      rawBody: 'name\nJane Doe\n',
      contentType: 'text/csv',
    });
    expect(batch.status).toBe(202);

    const tenant = await api('POST', '/v1/keys', { name: 'acme admin', scopes: ['admin'], workspace: 'acme' });
    expect(tenant.status).toBe(201);
    expect(tenant.body.workspace).toBe('acme');
    const key = tenant.body.key;
    const other = await api('GET', `/v1/screenings/${screening.body.id}`, undefined, key);
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain('cust-secret');
    expect((await api('GET', `/v1/batches/${batch.body.id}`, undefined, key)).status).toBe(404);
    expect((await api('GET', '/v1/batches', undefined, key)).body.batches).toEqual([]);
    expect((await api('GET', '/v1/keys', undefined, key)).body.keys.map((k: { name: string }) => k.name)).toEqual([
      'acme admin',
    ]);

    const own = await api('POST', '/v1/screenings?wait=true', { name: 'Sense Time Group' }, key);
    expect(own.body.decision).toBe('hit');
    expect((await api('GET', `/v1/screenings/${own.body.id}`, undefined, key)).status).toBe(200);
    expect((await api('GET', `/v1/screenings/${own.body.id}`)).status).toBe(404);
    const { rows } = await stores.db.pool.query(`SELECT workspace_id FROM screenings WHERE id = $1`, [own.body.id]);
    expect(rows[0].workspace_id).toBe('acme');
  });

  it('a screening is visible to every key of its workspace with the read scope', async () => {
    const writer = await createApiKey(stores.db.pool, {
      name: 'writer',
      scopes: ['screenings:write'],
      workspaceId: 'shared-desk',
    });
    const reader = await createApiKey(stores.db.pool, {
      name: 'reader',
      scopes: ['screenings:read'],
      workspaceId: 'shared-desk',
    });
    const made = await api('POST', '/v1/screenings', { name: 'Jane Doe' }, writer.key);
    expect((await api('GET', `/v1/screenings/${made.body.id}`, undefined, reader.key)).status).toBe(200);
    expect((await api('GET', `/v1/screenings/${made.body.id}`, undefined, writer.key)).status).toBe(403);
  });

  it("an admin of one workspace cannot mint keys into another tenant's workspace nor see its keys", async () => {
    const tenant = await api('POST', '/v1/keys', { name: 'beta admin', scopes: ['admin'], workspace: 'beta' });
    const intruder = await api(
      'POST',
      '/v1/keys',
      { name: 'x', scopes: ['admin'], workspace: 'default' },
      tenant.body.key,
    );
    expect(intruder.status).toBe(409);
    expect(intruder.body.errors).toEqual([{ field: 'workspace', message: expect.stringContaining('taken') }]);
    const defaultKey = (await api('GET', '/v1/keys')).body.keys.find(
      (k: { workspace: string }) => k.workspace === 'default',
    );
    expect((await api('DELETE', `/v1/keys/${defaultKey.id}`, undefined, tenant.body.key)).status).toBe(404);
    expect((await api('POST', `/v1/keys/${defaultKey.id}/rotate`, undefined, tenant.body.key)).status).toBe(404);
    // The default workspace's admin manages the workspaces it created.
    const listed = await api('GET', '/v1/keys?workspace=beta');
    expect(listed.body.keys.map((k: { name: string }) => k.name)).toEqual(['beta admin']);
    expect((await api('GET', '/v1/keys?workspace=Not%20A%20Name')).status).toBe(400);
    expect(
      (await api('POST', '/v1/keys', { name: 'bad', scopes: ['lists:read'], workspace: 'Has Spaces' })).body.errors[0]
        .field,
    ).toBe('workspace');
  });
});
