import { z } from 'zod';
import { SCOPES, isScope, type Scope } from './scopes';

/** Lower-case letters, digits, dot, dash and underscore: a workspace name goes into URLs and logs as it is. */
export const workspaceNameSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,62}$/,
    'must be 1-63 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit',
  );

const scopeSchema = z.string().refine(isScope, {
  error: (issue) => `"${String(issue.input)}" is not a scope; the scopes are ${SCOPES.join(', ')}`,
});

/** POST /v1/keys body. */
export const apiKeyRequestSchema = z.strictObject({
  name: z
    .string({ error: 'is required and must be a string' })
    .trim()
    .min(1, 'must not be empty')
    .max(200, 'must be at most 200 characters'),
  scopes: z
    .array(scopeSchema, { error: 'must be a list of scopes' })
    .min(1, 'must name at least one scope')
    .max(SCOPES.length)
    .transform((scopes) => [...new Set(scopes)] as Scope[]),
  workspace: workspaceNameSchema.optional(),
  rateLimitPerMinute: z.number().int('must be a whole number').min(1).max(1_000_000).optional(),
});

export type ApiKeyRequest = z.infer<typeof apiKeyRequestSchema>;
