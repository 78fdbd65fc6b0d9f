import { createLogger } from '@sanctions/shared/logging';

/** The line without its time, which differs between two calls. */
const withoutTime = (line: string) => line.replace(/"time":"[^"]*",/, '');

describe('a line with its fields given, instead of a child logger binding them', () => {
  it('is the same line, field for field and in the same order (the screening worker logs each screening so)', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { process: 'worker' }, (line) => lines.push(line));
    const which = { screeningId: '6c0b6f7e-4a8e-4f0e-9d55-0f8b7d0c9a11', reqId: 'trace-1' };
    const result = { outcome: 'recorded', decision: 'hit', matches: 2, lists: 'ofac-sdn@3' };
    logger.child(which).info('screening recorded', result);
    logger.info('screening recorded', { ...which, ...result });
    expect(lines).toHaveLength(2);
    expect(withoutTime(lines[1]!)).toBe(withoutTime(lines[0]!));
    expect(JSON.parse(lines[1]!)).toMatchObject({ process: 'worker', ...which, ...result, msg: 'screening recorded' });
  });

  it('redacts a secret-named field the same way', () => {
    const lines: string[] = [];
    const logger = createLogger('info', {}, (line) => lines.push(line));
    logger.child({ token: 'abc' }).info('x', { n: 1 });
    logger.info('x', { token: 'abc', n: 1 });
    expect(withoutTime(lines[1]!)).toBe(withoutTime(lines[0]!));
    expect(lines[1]).not.toContain('abc');
  });
});
