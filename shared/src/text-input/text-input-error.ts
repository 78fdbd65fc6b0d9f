/** Why a text could not be read; each caller words it for its own input (an upload, a list file). */
export type TextInputProblem =
  | 'binary'
  | 'no_line_break'
  | 'not_csv'
  | 'quote_not_closed'
  | 'text_after_quote'
  | 'record_too_long'
  | 'not_json'
  | 'not_an_array'
  | 'empty'
  | 'empty_record'
  | 'array_not_closed'
  | 'text_after_array';

/**
 * Text that is not what its reader expects, with the 1-based line (CSV) or record position (JSON array)
 * where reading stopped. A plain Error, not an AppError: batches and list importers each turn it into
 * their own 4xx error with their own wording.
 */
export class TextInputError extends Error {
  constructor(
    readonly problem: TextInputProblem,
    message: string,
    /** The line a CSV record starts on, or the 1-based position of a JSON array's element. */
    readonly at?: number,
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
    this.name = 'TextInputError';
  }
}
