import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../..');
const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true });

describe('docker-compose.yml', () => {
  it('runs postgres, redis, the seed import, the api and a worker, each with a healthcheck where it serves', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'lists-seed', 'lists-worker', 'postgres', 'redis', 'webhooks-worker', 'worker']);
    for (const name of ['postgres', 'redis', 'api', 'worker', 'lists-worker', 'webhooks-worker']) expect(compose.services[name].healthcheck?.test).toBeDefined();
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
});
