import { AppError } from '../../errors';

export interface ListFileLocation {
  file: string;
  line?: number;
  element?: string;
  field?: string;
}

const describe = (at: ListFileLocation) =>
  [
    at.file,
    at.line !== undefined ? `line ${at.line}` : undefined,
    at.element ? `<${at.element}>` : undefined,
    at.field ? `field "${at.field}"` : undefined,
  ]
    .filter(Boolean)
    .join(', ');

/**
 * A list file that cannot be imported: truncated, wrongly encoded, not the expected format or schema.
 * The message names the file, where in it (line, element, field) and why, so an operator can act on it.
 */
export class ListFileError extends AppError {
  readonly file: string;
  readonly line?: number;
  readonly element?: string;
  readonly field?: string;

  constructor(
    at: ListFileLocation,
    readonly reason: string,
    options: { cause?: unknown } = {},
  ) {
    super('validation_failed', `${describe(at)}: ${reason}`, {
      cause: options.cause,
      fields: [
        {
          field: at.field ?? at.element ?? 'file',
          message: reason,
          ...(at.line !== undefined ? { line: at.line } : {}),
        },
      ],
    });
    this.name = 'ListFileError';
    this.file = at.file;
    if (at.line !== undefined) this.line = at.line;
    if (at.element !== undefined) this.element = at.element;
    if (at.field !== undefined) this.field = at.field;
  }
}
