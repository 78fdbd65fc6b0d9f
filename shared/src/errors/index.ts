/** One error family: a code from a closed set, its HTTP status, and whether a retry may help. */
export const ERROR_CODES = {
  validation_failed: { status: 400, title: 'Your request is not valid' },
  unauthorized: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'Not allowed' },
  not_found: { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict' },
  payload_too_large: { status: 413, title: 'Request too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  rate_limited: { status: 429, title: 'Too many requests' },
  not_ready: { status: 503, title: 'Service not ready' },
  internal: { status: 500, title: 'Internal error' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** A field that failed validation: `field` is a JSON pointer-ish path ("name", "matches.0.score"). */
export interface FieldError {
  field: string;
  message: string;
  line?: number;
}

export class AppError extends Error {
  readonly status: number;
  readonly title: string;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { retryable?: boolean; fields?: FieldError[]; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.status = ERROR_CODES[code].status;
    this.title = ERROR_CODES[code].title;
  }

  get retryable(): boolean {
    return this.options.retryable ?? false;
  }

  get fields(): FieldError[] | undefined {
    return this.options.fields;
  }
}

export const validationFailed = (message: string, fields: FieldError[]) =>
  new AppError('validation_failed', message, { fields });
export const notFound = (what: string) => new AppError('not_found', `${what} was not found`);
export const unauthorized = (message: string) => new AppError('unauthorized', message);
export const forbidden = (message: string) => new AppError('forbidden', message);
export const notReady = (message: string) => new AppError('not_ready', message, { retryable: true });

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Maps zod issues to our field errors. */
export function fieldErrorsFromZod(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldError[] {
  return issues.map((issue) => ({ field: issue.path.map(String).join('.') || '(body)', message: issue.message }));
}
