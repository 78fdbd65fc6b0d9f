import type { Queue } from 'bullmq';
import type { Pool } from 'pg';
import type { EntityType } from '../lists';
import type { Logger } from '../logging';
import { submitScreening, type ScreeningQueueData } from '../screening';
import type { CustomerRequest } from './customer-request';
import * as sql from './customer-sql';

export interface CustomerView {
  reference: string;
  name: string;
  type: EntityType | null;
  birthDate: string | null;
  country: string | null;
  monitored: true;
  lastScreeningId: string | null;
  /** Alerts on this customer not yet closed, from any source (its screenings, batches, monitoring runs). */
  openAlerts: number;
  createdAt: string;
  updatedAt: string;
}

interface CustomerRow {
  id: string;
  reference: string;
  name: string;
  entity_type: EntityType | null;
  birth_date: string | null;
  country: string | null;
  monitored: boolean;
  last_screening_id: string | null;
  created_at: string;
  updated_at: string;
}

function rowToCustomer(r: CustomerRow, openAlerts: number): CustomerView {
  return {
    reference: r.reference,
    name: r.name,
    type: r.entity_type,
    birthDate: r.birth_date,
    country: r.country,
    monitored: true,
    lastScreeningId: r.last_screening_id,
    openAlerts,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

async function openAlertCounts(pool: Pool, workspaceId: string, references: string[]): Promise<Map<string, number>> {
  if (references.length === 0) return new Map();
  const { rows } = await pool.query<{ reference: string; n: number }>(sql.OPEN_ALERT_COUNTS, [workspaceId, references]);
  return new Map(rows.map((r) => [r.reference, r.n]));
}

const sameCustomer = (r: CustomerRow, c: CustomerRequest) =>
  r.monitored &&
  r.name === c.name &&
  r.entity_type === (c.type ?? null) &&
  r.birth_date === (c.birthDate ?? null) &&
  r.country === (c.country ?? null);

/**
 * Registers or updates a monitored customer. A new or changed customer is screened at once, as a normal screening
 * (with its alert on a hit), and its screening id kept; an unchanged one is left as it is. `created` when the
 * customer is new to monitoring (or comes back after being deleted).
 */
export async function putCustomer(
  deps: { pool: Pool; queue: Queue<ScreeningQueueData>; logger: Logger },
  principal: { workspaceId: string; keyId: string | null },
  reference: string,
  customer: CustomerRequest,
): Promise<{ customer: CustomerView; created: boolean }> {
  const existing = (await deps.pool.query<CustomerRow>(sql.CUSTOMER_BY_REFERENCE, [principal.workspaceId, reference]))
    .rows[0];
  if (existing && sameCustomer(existing, customer)) {
    const open = await openAlertCounts(deps.pool, principal.workspaceId, [reference]);
    return { customer: rowToCustomer(existing, open.get(reference) ?? 0), created: false };
  }
  const { id: screeningId } = await submitScreening(deps, { ...customer, reference }, principal.keyId);
  const { rows } = await deps.pool.query<CustomerRow>(sql.UPSERT_CUSTOMER, [
    principal.workspaceId,
    reference,
    customer.name,
    customer.type ?? null,
    customer.birthDate ?? null,
    customer.country ?? null,
    screeningId,
  ]);
  const open = await openAlertCounts(deps.pool, principal.workspaceId, [reference]);
  return { customer: rowToCustomer(rows[0]!, open.get(reference) ?? 0), created: !existing || !existing.monitored };
}

/** The monitored customer, or undefined: another workspace's, or a deleted one, is not found. */
export async function getCustomer(
  pool: Pool,
  workspaceId: string,
  reference: string,
): Promise<CustomerView | undefined> {
  const row = (await pool.query<CustomerRow>(sql.CUSTOMER_BY_REFERENCE, [workspaceId, reference])).rows[0];
  if (!row || !row.monitored) return undefined;
  const open = await openAlertCounts(pool, workspaceId, [reference]);
  return rowToCustomer(row, open.get(reference) ?? 0);
}

/** A page of the workspace's monitored customers by reference, after `cursor` (a reference). */
export async function listCustomers(
  pool: Pool,
  workspaceId: string,
  page: { limit: number; cursor?: string; q?: string },
): Promise<CustomerView[]> {
  const { rows } = await pool.query<CustomerRow>(sql.LIST_CUSTOMERS, [
    workspaceId,
    page.cursor ?? '',
    page.q ?? null,
    page.limit,
  ]);
  const open = await openAlertCounts(
    pool,
    workspaceId,
    rows.map((r) => r.reference),
  );
  return rows.map((r) => rowToCustomer(r, open.get(r.reference) ?? 0));
}

/** Stops monitoring the customer; its screenings and alerts stay. False when there was no monitored customer. */
export async function deleteCustomer(pool: Pool, workspaceId: string, reference: string): Promise<boolean> {
  return ((await pool.query(sql.STOP_MONITORING, [workspaceId, reference])).rowCount ?? 0) > 0;
}

/** Registers many customers in one statement per call (bulk loads); no screening is queued for them. */
export async function registerCustomers(
  pool: Pool,
  workspaceId: string,
  customers: readonly { reference: string; name: string; type?: string; birthDate?: string; country?: string }[],
): Promise<void> {
  await pool.query(sql.UPSERT_CUSTOMERS_BULK, [
    workspaceId,
    customers.map((c) => c.reference),
    customers.map((c) => c.name),
    customers.map((c) => c.type ?? null),
    customers.map((c) => c.birthDate ?? null),
    customers.map((c) => c.country ?? null),
  ]);
}
