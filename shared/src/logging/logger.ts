import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';
import { redactFields, redactUrl } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** What the code logs through: a message and its fields. pino underneath (JSON lines, one per call). */
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
  /** The pino logger itself, for the request lines; its lines go through the same redaction. */
  readonly pino: PinoLogger;
}

/** Synchronous: a line logged just before process.exit is not lost. */
const stdout = (): DestinationStream => pino.destination({ dest: 1, sync: true });

function linesTo(write: (line: string) => unknown): DestinationStream {
  return { write: (chunk: string) => void write(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk) };
}

function wrap(root: PinoLogger, bindings: Record<string, unknown>): Logger {
  // Children are made from the root with every binding merged, so a child's `process` replaces its parent's, never repeats it.
  const log = Object.keys(bindings).length > 0 ? root.child(redactFields(bindings) as Record<string, unknown>) : root;
  const emit = (level: Exclude<LogLevel, 'silent'>) => (msg: string, fields?: Record<string, unknown>) => {
    if (fields) log[level](fields, redactUrl(msg));
    else log[level](redactUrl(msg));
  };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    child: (fields) => wrap(root, { ...bindings, ...fields }),
    pino: log,
  };
}

/**
 * A JSON-lines logger on pino: `time` (ISO), `level` (its name), `msg`, then the fields. Fields named like a secret
 * (authorization, password, secret, token, api key, cookie) are redacted at any depth, and so is the password of
 * any connection string in a message or a value. `write` receives each line without its newline (tests capture it).
 */
export function createLogger(
  level: LogLevel = 'info',
  base: Record<string, unknown> = {},
  write?: (line: string) => unknown,
): Logger {
  const root = pino(
    {
      level,
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (fields) => redactFields(fields) as Record<string, unknown>,
      },
    },
    write ? linesTo(write) : stdout(),
  );
  return wrap(root, base);
}
