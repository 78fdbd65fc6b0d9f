import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../..');
const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true });

describe('docker-compose.yml', () => {
  it('runs postgres, redis, the seed import, the api and a worker, each with a healthcheck where it serves', () => {
    expect(Object.keys(compose.services).sort()).toEqual([
      'api',
      'lists-seed',
      'lists-worker',
      'postgres',
      'redis',
      'webhooks-worker',
      'worker',
    ]);
    for (const name of ['postgres', 'redis', 'api', 'worker', 'lists-worker', 'webhooks-worker'])
      expect(compose.services[name].healthcheck?.test).toBeDefined();
  });

  it('starts the api only once its stores are healthy and the seed list is loaded', () => {
    expect(compose.services.api.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
      'lists-seed': { condition: 'service_completed_successfully' },
    });
  });

  it('runs commands that the build produces and points every app service at the same stores', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts.build).toMatch(/tsc -b/);
    for (const name of ['api', 'worker', 'lists-seed', 'lists-worker', 'webhooks-worker']) {
      const service = compose.services[name];
      const entry = service.command[1] as string;
      const sourceOf = entry.replace('/dist/', '/src/').replace(/\.js$/, '.ts');
      expect(() => readFileSync(path.join(root, sourceOf))).not.toThrow();
      expect(service.environment.DATABASE_URL).toBe('postgres://sanctions:sanctions@postgres:5432/sanctions');
      expect(service.environment.REDIS_URL).toBe('redis://redis:6379');
    }
  });

  it('publishes only the API on the host, on loopback, so a local Postgres or Redis is not in the way', () => {
    const published = Object.entries(compose.services as Record<string, { ports?: string[] }>).filter(
      ([, s]) => s.ports?.length,
    );
    expect(published.map(([name]) => name)).toEqual(['api']);
    expect(compose.services.api.ports).toEqual(['127.0.0.1:${API_PORT:-3000}:3000']);
    for (const name of ['redis', 'postgres']) expect(compose.services[name].ports).toBeUndefined();
  });

  it('downloads the official lists on a schedule only when asked, as the README says', () => {
    expect(compose.services['lists-worker'].profiles).toEqual(['scheduled-updates']);
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(readme).toContain('docker compose --profile scheduled-updates up');
    for (const [name, service] of Object.entries(compose.services as Record<string, { profiles?: string[] }>)) {
      if (name !== 'lists-worker') expect(service.profiles).toBeUndefined();
    }
  });

  it('documents how to import a list into it, with a command that runs the lists CLI the image holds', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const command = readme.match(
      /docker compose run --rm -v "\$PWD\/\.\.\/shared\/data:\/lists:ro" lists-seed (node \S+) import --format un-xml --path \/lists\/un_consolidated/,
    );
    expect(command).not.toBeNull();
    expect(command![1]).toBe(compose.services['lists-seed'].command.slice(0, 2).join(' '));
    expect(readme).toMatch(/curl -s -X POST http:\/\/127\.0\.0\.1:3000\/v1\/lists\/un-sc\/versions/);
  });
});
