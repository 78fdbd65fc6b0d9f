/** Field names that may hold a secret, at any depth: their values never reach a log line. */
const SECRET_KEY = /authorization|password|passwd|secret|token|api[_-]?key|cookie/i;
const MAX_DEPTH = 6;

/** Connection strings carry passwords: postgres://user:pass@host → postgres://user:***@host. */
export function redactUrl(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)[^@\s]+@/gi, '$1***@');
}

/** A copy of a log line's fields with every secret-named value replaced and every connection-string password masked. */
export function redactFields(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactUrl(value);
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (value instanceof Error)
    return {
      name: value.name,
      message: redactUrl(value.message),
      ...(value.stack && { stack: redactUrl(value.stack) }),
    };
  if (Array.isArray(value)) return value.map((v) => redactFields(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? '[redacted]' : redactFields(v, depth + 1)]),
  );
}
