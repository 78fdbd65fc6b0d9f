import { z } from 'zod';
import { screeningQuerySchema } from '../screening';

/** A customer reference: the caller's own key for the customer, used in the path. */
export const MAX_REFERENCE_LENGTH = 200;
export const customerReferenceSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_REFERENCE_LENGTH, `must be at most ${MAX_REFERENCE_LENGTH} characters`);

/** PUT /v1/customers/:reference body: what a screening takes, the reference being in the path. */
export const customerRequestSchema = screeningQuerySchema;

export type CustomerRequest = z.infer<typeof customerRequestSchema>;
