import { runKeysCommand } from '../../services/cli/src/keys';
import { authenticate } from '@sanctions/shared/auth';
import { createTestDatabase, type TestDatabase } from '../support/test-stores';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db.drop());

async function keysCli(...args: string[]): Promise<{ code: number; out: string }> {
  const written: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    const code = await runKeysCommand(db.pool, args);
    return { code, out: written.join('') };
  } finally {
    spy.mockRestore();
  }
}

describe('npm run keys', () => {
  it('creates a key in a new workspace, lists it, and revokes it', async () => {
    const created = await keysCli(
      'create',
      '--name',
      'ops desk',
      '--scopes',
      'screenings:read,alerts:read',
      '--workspace',
      'ops',
    );
    expect(created.code).toBe(0);
    const key = /\n {2}(ssk_\S+)\n/.exec(created.out)?.[1];
    expect(key).toBeDefined();
    const principal = await authenticate(db.pool, key!);
    expect(principal).toMatchObject({
      name: 'ops desk',
      workspaceId: 'ops',
      scopes: ['screenings:read', 'alerts:read'],
    });

    const listed = await keysCli('list', '--workspace', 'ops');
    expect(listed.out).toContain('ops desk');
    expect(listed.out).toContain(principal!.keyId);
    expect(listed.out).not.toContain(key!);

    const revoked = await keysCli('revoke', principal!.keyId);
    expect(revoked.code).toBe(0);
    expect(await authenticate(db.pool, key!)).toBeUndefined();
    expect((await keysCli('list', '--workspace', 'ops')).out).toContain('REVOKED');
  });

  it('refuses an unknown scope by name', async () => {
    await expect(keysCli('create', '--name', 'x', '--scopes', 'lists:read,lists:writ')).rejects.toThrow(
      /Unknown scope\(s\): lists:writ/,
    );
  });
});
