import type { Request } from 'express';
import type { z } from 'zod';
import { AppError, fieldErrorsFromZod, validationFailed } from '@sanctions/shared/errors';

/** Parses a JSON body with a zod schema, or throws a 400 naming every failing field. */
export function parseBody<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  if (!req.is('application/json')) throw new AppError('unsupported_media_type', 'Send the body as application/json');
  const parsed = schema.safeParse(req.body);
  if (!parsed.success) throw validationFailed('Some fields are not valid', fieldErrorsFromZod(parsed.error.issues));
  return parsed.data;
}

export const UUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/; // no flag: the pattern goes into /openapi.json as it is

export const isUuid = (value: string) => UUID_PATTERN.test(value);
