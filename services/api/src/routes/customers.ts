import { Router, type Request } from 'express';
import { customerReferenceSchema, customerRequestSchema, deleteCustomer, getCustomer, listCustomers, putCustomer } from '@sanctions/shared/customers';
import { fieldErrorsFromZod, notFound, validationFailed } from '@sanctions/shared/errors';
import type { ApiDeps } from '../api-deps';
import { requireScope } from '../http/authentication';
import { parseBody } from '../http/validation';

const DEFAULT_PAGE = 100;
const MAX_PAGE = 1000;
const MAX_QUERY_LENGTH = 200;

function referenceOf(req: Request): string {
  const parsed = customerReferenceSchema.safeParse(String(req.params.reference));
  if (!parsed.success) throw validationFailed('The customer reference is not valid', fieldErrorsFromZod(parsed.error.issues).map((f) => ({ ...f, field: 'reference' })));
  return parsed.data;
}

function pageOf(req: Request): { limit: number; cursor?: string; q?: string } {
  const limit = req.query.limit === undefined ? DEFAULT_PAGE : Number(req.query.limit);
  const fields = [];
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) fields.push({ field: 'limit', message: `must be an integer from 1 to ${MAX_PAGE}` });
  const q = typeof req.query.q === 'string' && req.query.q.trim() !== '' ? req.query.q.trim() : undefined;
  if (q && q.length > MAX_QUERY_LENGTH) fields.push({ field: 'q', message: `must be at most ${MAX_QUERY_LENGTH} characters` });
  const cursor = typeof req.query.cursor === 'string' && req.query.cursor !== '' ? req.query.cursor : undefined;
  if (fields.length > 0) throw validationFailed('Some query parameters are not valid', fields);
  return { limit, ...(cursor && { cursor }), ...(q && { q }) };
}

const self = (reference: string) => `/v1/customers/${encodeURIComponent(reference)}`;

export function customerRoutes(deps: ApiDeps): Router {
  const router = Router();

  router.put('/v1/customers/:reference', requireScope('customers:write'), async (req, res) => {
    const reference = referenceOf(req);
    const body = parseBody(req, customerRequestSchema);
    const principal = req.principal!;
    const { customer, created } = await putCustomer(deps, { workspaceId: principal.workspaceId, keyId: principal.keyId }, reference, body);
    res.status(created ? 201 : 200).location(self(reference)).json(customer);
  });

  router.get('/v1/customers', requireScope('customers:read'), async (req, res) => {
    const page = pageOf(req);
    const customers = await listCustomers(deps.pool, req.principal!.workspaceId, page);
    const last = customers[customers.length - 1];
    const params = (cursor: string) => new URLSearchParams({ ...(page.q && { q: page.q }), limit: String(page.limit), cursor }).toString();
    res.json({ customers, links: { next: customers.length === page.limit && last ? `/v1/customers?${params(last.reference)}` : null } });
  });

  router.get('/v1/customers/:reference', requireScope('customers:read'), async (req, res) => {
    const reference = referenceOf(req);
    const customer = await getCustomer(deps.pool, req.principal!.workspaceId, reference);
    if (!customer) throw notFound(`Customer ${reference}`);
    res.json(customer);
  });

  router.delete('/v1/customers/:reference', requireScope('customers:write'), async (req, res) => {
    const reference = referenceOf(req);
    if (!(await deleteCustomer(deps.pool, req.principal!.workspaceId, reference))) throw notFound(`Customer ${reference}`);
    res.status(204).end();
  });

  return router;
}
