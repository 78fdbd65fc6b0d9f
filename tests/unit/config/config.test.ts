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

  it('refuses a short bootstrap key', () => {
    expect(() => loadConfig({ BOOTSTRAP_API_KEY: 'short' })).toThrow(/at least 16 characters/);
  });

  it('says which connection is missing for a process run alone', () => {
    expect(() => requireConnections(loadConfig({ REDIS_URL: 'redis://localhost:6379' }))).toThrow(/DATABASE_URL must be set.*npm start/);
  });
});
