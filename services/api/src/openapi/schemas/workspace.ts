import { z } from 'zod';
import { SCOPES, type ApiKeyView } from '@sanctions/shared/auth';
import type { CustomerView } from '@sanctions/shared/customers';
import type { MonitoringRunView } from '@sanctions/shared/monitoring';
import type { SuppressionView } from '@sanctions/shared/suppressions';
import { dateTime, nextLink, uuid } from '../common-schemas';
import { entityType } from './matches';

export const apiKeySchema = z
  .object({
    id: uuid,
    name: z.string(),
    scopes: z.array(z.enum(SCOPES)),
    workspace: z.string(),
    prefix: z.string(),
    rateLimitPerMinute: z.int().nullable(),
    createdAt: dateTime,
    lastUsedAt: dateTime.nullable(),
    revokedAt: dateTime.nullable(),
  })
  .meta({ id: 'ApiKey', description: 'An API key as listed: never the key itself' }) satisfies z.ZodType<ApiKeyView>;

export const apiKeyWithSecretSchema = apiKeySchema
  .extend({ key: z.string().meta({ description: 'The key: shown only here, once' }) })
  .meta({ id: 'ApiKeyWithSecret' });

export const apiKeyListSchema = z.object({ keys: z.array(apiKeySchema) });

export const customerSchema = z
  .object({
    reference: z.string(),
    name: z.string(),
    type: entityType.nullable(),
    birthDate: z.string().nullable(),
    country: z.string().nullable(),
    monitored: z.literal(true),
    lastScreeningId: z.string().nullable(),
    openAlerts: z.int(),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .meta({ id: 'Customer' }) satisfies z.ZodType<CustomerView>;

export const customerListSchema = z.object({ customers: z.array(customerSchema), links: nextLink });

export const monitoringRunSchema = z
  .object({
    id: uuid,
    source: z.string(),
    version: z.int(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    entities: z.int().nullable(),
    customers: z.int(),
    alerts: z.int(),
    createdAt: dateTime,
    startedAt: dateTime.nullable(),
    finishedAt: dateTime.nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: 'MonitoringRun' }) satisfies z.ZodType<MonitoringRunView>;

export const monitoringRunListSchema = z.object({ runs: z.array(monitoringRunSchema), links: nextLink });

export const suppressionSchema = z
  .object({
    id: uuid,
    workspace: z.string(),
    reference: z.string().nullable(),
    subject: z.string().nullable(),
    entityId: z.string(),
    entityName: z.string().nullable(),
    entityHash: z.string(),
    alertId: z.string().nullable(),
    note: z.string().nullable(),
    createdBy: z.string().nullable(),
    approvedBy: z.string().nullable(),
    createdAt: dateTime,
    lapsedAt: dateTime.nullable(),
    endedAt: dateTime.nullable(),
    endedBy: z.string().nullable(),
  })
  .meta({
    id: 'Suppression',
    description: 'A cleared match remembered for one customer and one listed record',
  }) satisfies z.ZodType<SuppressionView>;

export const suppressionListSchema = z.object({ suppressions: z.array(suppressionSchema), links: nextLink });
