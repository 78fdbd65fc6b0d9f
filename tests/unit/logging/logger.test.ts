import { createLogger, redactUrl } from '@sanctions/shared/logging';

describe('logger', () => {
  it('never writes secrets: keys named like secrets and passwords inside URLs are redacted', () => {
    const lines: string[] = [];
    const logger = createLogger('debug', {}, (line) => lines.push(line));
    logger.info('connecting to postgres://app:hunter2@db:5432/x', {
      headers: { authorization: 'Bearer ssk_abc' },
      apiKey: 'ssk_abc',
      webhook: { secret: 'whsec_1' },
      url: 'redis://:pa55@redis:6379',
    });
    const text = lines.join('\n');
    expect(text).not.toMatch(/hunter2|ssk_abc|whsec_1|pa55/);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'info', headers: { authorization: '[redacted]' }, apiKey: '[redacted]' });
  });

  it('drops messages below its level', () => {
    const lines: string[] = [];
    createLogger('warn', {}, (l) => lines.push(l)).info('hidden');
    expect(lines).toEqual([]);
  });

  it('redacts the password of a connection string only', () => {
    expect(redactUrl('postgres://u:p@h/db and http://example.com/x')).toBe('postgres://u:***@h/db and http://example.com/x');
  });
});
