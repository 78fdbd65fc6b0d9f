import { Tokenizer, TokenParser, TokenType, type ParsedTokenInfo } from '@streamparser/json';
import { TextInputError } from './text-input-error';

export interface JsonArrayOptions {
  /** Longest element accepted, in UTF-8 bytes: a string never closed fails here instead of filling memory. */
  maxElementBytes: number;
}

const WHITESPACE = /^[\s\uFEFF]*$/;

/**
 * Streams the elements of a top-level JSON array, one parsed value at a time, so a large array is never
 * held whole (@streamparser/json). What is wrong is said with the 1-based position of the element:
 * `record 2 is not valid JSON (…)`, `record 3 is empty` (two commas, or a trailing one).
 */
export async function* jsonArrayElements(
  text: AsyncIterable<string>,
  options: JsonArrayOptions,
): AsyncGenerator<unknown> {
  const tokenizer = new Tokenizer();
  const parser = new TokenParser({ paths: ['$.*'], keepStack: false });
  const elements: unknown[] = [];
  let depth = 0;
  let position = 1;
  /** The byte offset of the last `[` or `,` of the array, where the element being read began. */
  let boundary = 0;
  let previous: TokenType | undefined;
  let fed = 0;
  let started = false;
  let closed = false;

  parser.onValue = ({ value }) => {
    elements.push(value);
  };
  tokenizer.onToken = (token: ParsedTokenInfo) => {
    if (depth === 1 && (token.token === TokenType.COMMA || token.token === TokenType.RIGHT_BRACKET)) {
      const afterBoundary =
        previous === TokenType.COMMA || (previous === TokenType.LEFT_BRACKET && token.token === TokenType.COMMA);
      if (afterBoundary) throw new TextInputError('empty_record', `record ${position} is empty`, position);
      if (token.token === TokenType.COMMA) {
        position++;
        boundary = token.offset;
      }
    }
    if (token.token === TokenType.LEFT_BRACE || token.token === TokenType.LEFT_BRACKET) depth++;
    else if (token.token === TokenType.RIGHT_BRACE || token.token === TokenType.RIGHT_BRACKET) depth--;
    if (depth === 0 && token.token === TokenType.RIGHT_BRACKET) closed = true;
    previous = token.token;
    parser.write(token);
  };
  const fail = (error: unknown): never => {
    if (error instanceof TextInputError) throw error;
    if (closed)
      throw new TextInputError('text_after_array', 'there is more after the closing ]', position, { cause: error });
    throw new TextInputError(
      'not_json',
      `record ${position} is not valid JSON (${(error as Error).message})`,
      position,
      { cause: error },
    );
  };

  for await (const chunk of text) {
    let part = chunk;
    if (!started) {
      const first = part.search(/[^\s\uFEFF]/);
      if (first < 0) continue;
      started = true;
      if (part[first] !== '[') throw new TextInputError('not_an_array', 'it does not start with [');
      part = part.slice(first);
    }
    if (closed) {
      if (WHITESPACE.test(part)) continue;
      throw new TextInputError('text_after_array', 'there is more after the closing ]', position);
    }
    try {
      tokenizer.write(part);
    } catch (error) {
      yield* elements.splice(0);
      fail(error);
    }
    fed += Buffer.byteLength(part);
    yield* elements.splice(0);
    if (!closed && fed - boundary > options.maxElementBytes) {
      throw new TextInputError(
        'record_too_long',
        `record ${position} is longer than ${options.maxElementBytes} bytes`,
        position,
      );
    }
  }
  if (!started) throw new TextInputError('empty', 'it is empty');
  if (!closed)
    throw new TextInputError('array_not_closed', 'the array is never closed (the upload was cut short?)', position);
}
