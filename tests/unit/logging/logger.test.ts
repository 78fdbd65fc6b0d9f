import { createLogger, redactUrl } from '@sanctions/shared/logging';

function captured(level: Parameters<typeof createLogger>[0] = 'debug', base: Record<string, unknown> = {}) {
  const lines: string[] = [];
  return { lines, logger: createLogger(level, base, (line) => lines.push(line)) };
}

describe('logger', () => {
  it('never writes secrets: keys named like secrets and passwords inside URLs are redacted', () => {
    const { lines, logger } = captured();
    logger.info('connecting to postgres://app:hunter2@db:5432/x', {
      headers: { authorization: 'Bearer ssk_abc' },
      apiKey: 'ssk_abc',
      webhook: { secret: 'whsec_1' },
      url: 'redis://:pa55@redis:6379',
      body: { user: 'jane', password: 'p4ssw0rd' },
    });
    const text = lines.join('\n');
    expect(text).not.toMatch(/hunter2|ssk_abc|whsec_1|pa55|p4ssw0rd/);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'info',
      msg: 'connecting to postgres://app:***@db:5432/x',
      headers: { authorization: '[redacted]' },
      apiKey: '[redacted]',
      body: { user: 'jane', password: '[redacted]' },
      url: 'redis://:***@redis:6379',
    });
  });

  it('redacts secrets bound to a child logger and inside errors', () => {
    const { lines, logger } = captured();
    logger
      .child({ token: 't0ken', process: 'api' })
      .warn('failed', { error: new Error('cannot reach postgres://u:s3cret@h/db') });
    expect(lines.join('\n')).not.toMatch(/t0ken|s3cret/);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      token: '[redacted]',
      process: 'api',
      error: { name: 'Error', message: 'cannot reach postgres://u:***@h/db' },
    });
  });

  it('writes one JSON line per call with an ISO time, the level by name, the message and the fields', () => {
    const { lines, logger } = captured('info', { process: 'worker' });
    logger.info('screening recorded', { screeningId: 's1' });
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({ level: 'info', msg: 'screening recorded', process: 'worker', screeningId: 's1' });
    expect(new Date(line.time).toISOString()).toBe(line.time);
  });

  it("a child's fields replace its parent's of the same name instead of repeating them", () => {
    const { lines, logger } = captured('info', { process: 'standalone' });
    logger.child({ process: 'api' }).info('hello');
    expect(lines[0]!.match(/"process"/g)).toHaveLength(1);
    expect(JSON.parse(lines[0]!).process).toBe('api');
  });

  it('drops messages below its level', () => {
    const { lines, logger } = captured('warn');
    logger.info('hidden');
    logger.debug('hidden too');
    createLogger('silent', {}, (l) => lines.push(l)).error('silent drops everything');
    expect(lines).toEqual([]);
  });

  it('redacts the password of a connection string only', () => {
    expect(redactUrl('postgres://u:p@h/db and http://example.com/x')).toBe(
      'postgres://u:***@h/db and http://example.com/x',
    );
  });
});
