import { z } from 'zod';

/** RFC 9457: extension members (requestId, checks) are allowed beside these. */
export const problemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string(), line: z.int().optional() })).optional(),
  })
  .meta({
    id: 'Problem',
    description: 'An RFC 9457 problem document; for a 400, `errors` names each failing parameter or field',
  });

export const nextLink = z.object({ next: z.string().nullable() });

export const dateTime = z.string().meta({ format: 'date-time' });
export const uuid = z.string().meta({ format: 'uuid' });

export const pdfSchema = z.string().meta({ format: 'binary' });
export const csvSchema = z.string().meta({ description: 'CSV, with a header row' });

/** A write retried with the same key answers what the first one did. */
export const idempotencyHeader = z.object({
  'idempotency-key': z.string().max(200).optional().meta({
    description: "Send the same value when retrying: the first request's answer is repeated, nothing is done twice",
  }),
});
