/** JSON-lines logs on pino, with secrets redacted wherever they appear; one line per HTTP request. */
export { createLogger, type Logger, type LogLevel } from './logger';
export { redactFields, redactUrl } from './redact';
export { httpRequestLogger, type HttpRequestLogOptions } from './http-request-log';
export { requestIdFrom, requestIdSchema } from './request-id';
