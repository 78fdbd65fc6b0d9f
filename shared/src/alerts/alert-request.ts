import { z } from 'zod';
import { DISPOSITIONS } from './alert-types';

/** Long enough for a reasoned note, short enough to bound a request. */
export const MAX_NOTE_LENGTH = 4000;

const note = z
  .string({ error: 'is required: say why, in 1 to 4000 characters' })
  .trim()
  .min(1, 'must not be empty: say why')
  .max(MAX_NOTE_LENGTH, `must be at most ${MAX_NOTE_LENGTH} characters`);

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/; // no flag: the pattern goes into /openapi.json as it is

/** POST /v1/alerts/:id/assign */
export const assignAlertSchema = z.strictObject({
  assignee: z.union([z.literal('me'), z.string().regex(UUID, 'must be a key id, "me" or null'), z.null()], {
    error: 'must be a key id, "me" or null',
  }),
});

/** POST /v1/alerts/:id/decisions */
export const decisionSchema = z.strictObject({
  entityId: z.string({ error: "is required: the entity id of one of the alert's matches" }).trim().min(1).max(300),
  disposition: z.enum(DISPOSITIONS, { error: `must be one of ${DISPOSITIONS.join(', ')}` }),
  note,
});

/** POST /v1/alerts/:id/approve */
export const approveSchema = z.strictObject({ note: note.optional() });

/** POST /v1/alerts/:id/reject */
export const rejectSchema = z.strictObject({ note });

export type AssignAlertInput = z.infer<typeof assignAlertSchema>;
export type DecisionInput = z.infer<typeof decisionSchema>;
