import { ConfigError, loadConfig, requireConnections } from '@sanctions/shared/config';

describe('configuration', () => {
  it('applies defaults when the environment is empty', () => {
    const config = loadConfig({});
    expect(config.http.port).toBe(3000);
    expect(config.queuePrefix).toBe('{sanctions}');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.matching.threshold).toBeUndefined();
  });

  it('fails fast naming every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', MATCH_THRESHOLD: '3', DATABASE_URL: 'not a url' })).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/PORT[\s\S]*DATABASE_URL[\s\S]*MATCH_THRESHOLD|PORT/) }),
    );
    try {
      loadConfig({ PORT: 'eighty', MATCH_THRESHOLD: '3' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toContain('PORT');
      expect((error as Error).message).toContain('MATCH_THRESHOLD');
    }
  });

  it('reads the default rate limit and the metrics port, and refuses values out of range', () => {
    expect(loadConfig({}).rateLimit.perMinute).toBe(6000);
    expect(loadConfig({}).metrics.port).toBeUndefined();
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '120', METRICS_PORT: '9464' })).toMatchObject({
      rateLimit: { perMinute: 120 },
      metrics: { port: 9464 },
    });
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: '0' })).toThrow(/RATE_LIMIT_PER_MINUTE/);
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: '1000001' })).toThrow(/RATE_LIMIT_PER_MINUTE/);
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: 'lots' })).toThrow(/RATE_LIMIT_PER_MINUTE/);
    expect(() => loadConfig({ METRICS_PORT: '70000' })).toThrow(/METRICS_PORT/);
  });

  it('refuses a short bootstrap key', () => {
    expect(() => loadConfig({ BOOTSTRAP_API_KEY: 'short' })).toThrow(/at least 16 characters/);
  });

  it('says which connection is missing for a process run alone', () => {
    expect(() => requireConnections(loadConfig({ REDIS_URL: 'redis://localhost:6379' }))).toThrow(
      /DATABASE_URL must be set.*npm start/,
    );
  });
});
