import { Router, type Request } from 'express';
import { z } from 'zod';
import {
  customerReferenceSchema,
  customerRequestSchema,
  MAX_REFERENCE_LENGTH,
  deleteCustomer,
  getCustomer,
  listCustomers,
  putCustomer,
} from '@sanctions/shared/customers';
import { fieldErrorsFromZod, notFound, validationFailed } from '@sanctions/shared/errors';
import type { ApiDeps } from '../api-deps';
import { requireScope } from '../http/authentication';
import { parseQuery, queryLimit, queryText } from '../http/query';
import { parseBody } from '../http/validation';
import { documentRoute } from '../openapi/route-docs';
import { customerListSchema, customerSchema } from '../openapi/schemas/workspace';

const DEFAULT_PAGE = 100;
const MAX_PAGE = 1000;
const MAX_QUERY_LENGTH = 200;

function referenceOf(req: Request): string {
  const parsed = customerReferenceSchema.safeParse(String(req.params.reference));
  if (!parsed.success)
    throw validationFailed(
      'The customer reference is not valid',
      fieldErrorsFromZod(parsed.error.issues).map((f) => ({ ...f, field: 'reference' })),
    );
  return parsed.data;
}

const listQuery = z.strictObject({
  q: queryText(MAX_QUERY_LENGTH).optional().meta({ description: 'Customers whose name or reference contains this' }),
  limit: queryLimit(MAX_PAGE, DEFAULT_PAGE),
  cursor: queryText(MAX_REFERENCE_LENGTH)
    .optional()
    .meta({ description: 'The reference the previous page ended at (links.next)' }),
});

function pageOf(req: Request): { limit: number; cursor?: string; q?: string } {
  const { q, limit, cursor } = parseQuery(req, listQuery);
  return { limit, ...(cursor && { cursor }), ...(q && { q }) };
}

const self = (reference: string) => `/v1/customers/${encodeURIComponent(reference)}`;

export function customerRoutes(deps: ApiDeps): Router {
  const router = Router();

  documentRoute({
    method: 'put',
    path: '/v1/customers/:reference',
    tag: 'Customers',
    summary: 'Register or update a monitored customer, and screen it',
    scope: 'customers:write',
    body: { schema: customerRequestSchema },
    responses: {
      200: { description: 'Updated', schema: customerSchema },
      201: { description: 'Registered', schema: customerSchema },
    },
    errors: [400, 413, 415],
  });
  router.put('/v1/customers/:reference', requireScope('customers:write'), async (req, res) => {
    const reference = referenceOf(req);
    const body = parseBody(req, customerRequestSchema);
    const principal = req.principal!;
    const { customer, created } = await putCustomer(
      deps,
      { workspaceId: principal.workspaceId, keyId: principal.keyId },
      reference,
      body,
    );
    res
      .status(created ? 201 : 200)
      .location(self(reference))
      .json(customer);
  });

  documentRoute({
    method: 'get',
    path: '/v1/customers',
    tag: 'Customers',
    summary: "The workspace's monitored customers, by reference",
    scope: 'customers:read',
    query: listQuery,
    responses: { 200: { description: 'A page of customers', schema: customerListSchema } },
    errors: [400],
  });
  router.get('/v1/customers', requireScope('customers:read'), async (req, res) => {
    const page = pageOf(req);
    const customers = await listCustomers(deps.pool, req.principal!.workspaceId, page);
    const last = customers[customers.length - 1];
    const params = (cursor: string) =>
      new URLSearchParams({ ...(page.q && { q: page.q }), limit: String(page.limit), cursor }).toString();
    res.json({
      customers,
      links: { next: customers.length === page.limit && last ? `/v1/customers?${params(last.reference)}` : null },
    });
  });

  documentRoute({
    method: 'get',
    path: '/v1/customers/:reference',
    tag: 'Customers',
    summary: 'One monitored customer',
    scope: 'customers:read',
    responses: { 200: { description: 'The customer', schema: customerSchema } },
    errors: [400, 404],
  });
  router.get('/v1/customers/:reference', requireScope('customers:read'), async (req, res) => {
    const reference = referenceOf(req);
    const customer = await getCustomer(deps.pool, req.principal!.workspaceId, reference);
    if (!customer) throw notFound(`Customer ${reference}`);
    res.json(customer);
  });

  documentRoute({
    method: 'delete',
    path: '/v1/customers/:reference',
    tag: 'Customers',
    summary: 'Stop monitoring a customer',
    scope: 'customers:write',
    responses: { 204: { description: 'No longer monitored' } },
    errors: [400, 404],
  });
  router.delete('/v1/customers/:reference', requireScope('customers:write'), async (req, res) => {
    const reference = referenceOf(req);
    if (!(await deleteCustomer(deps.pool, req.principal!.workspaceId, reference)))
      throw notFound(`Customer ${reference}`);
    res.status(204).end();
  });

  return router;
}
