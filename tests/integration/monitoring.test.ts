import { createApiKey } from '@sanctions/shared/auth';
import { importEntities, listedEntity } from '../support/list-factories';
import { withMonitoringService } from '../support/monitoring-service';
import { TEST_API_KEY } from '../support/test-stores';
import { eventually } from '../support/webhook-receiver';

const { stores, api, runOf, alertsOfRun: monitoringAlerts } = withMonitoringService();

describe('customers', () => {
  it('a new customer is 201 and screened at once; the same again is 200 and unchanged; a change is 200 and screened again', async () => {
    const created = await api('PUT', '/v1/customers/cust-1', { name: 'Sense Time Group', country: 'CN' });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/v1/customers/cust-1');
    expect(created.body).toMatchObject({
      reference: 'cust-1',
      name: 'Sense Time Group',
      type: null,
      birthDate: null,
      country: 'CN',
      monitored: true,
    });
    expect(created.body.lastScreeningId).toEqual(expect.any(String));
    const screening = await eventually(async () => {
      const s = await api('GET', `/v1/screenings/${created.body.lastScreeningId}`);
      return s.body.status === 'done' && s.body;
    });
    expect(screening).toMatchObject({ decision: 'hit', reference: 'cust-1' });
    // The hit made its alert, which the customer counts as open.
    await eventually(async () => (await api('GET', '/v1/customers/cust-1')).body.openAlerts === 1);

    const same = await api('PUT', '/v1/customers/cust-1', { name: 'Sense Time Group', country: 'CN' });
    expect(same.status).toBe(200);
    expect(same.body.lastScreeningId).toBe(created.body.lastScreeningId);

    const changed = await api('PUT', '/v1/customers/cust-1', {
      name: 'Jane Example',
      type: 'person',
      birthDate: '1980',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      name: 'Jane Example',
      type: 'person',
      birthDate: '1980',
      country: null,
      createdAt: created.body.createdAt,
    });
    expect(changed.body.lastScreeningId).not.toBe(created.body.lastScreeningId);
  });

  it('refuses a bad body naming the field, and needs the customers scopes', async () => {
    const bad = await api('PUT', '/v1/customers/cust-bad', { name: '', birthDate: '1980-13' });
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain('application/problem+json');
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['birthDate', 'name']);
    const reader = await createApiKey(stores.db.pool, { name: 'reader', scopes: ['customers:read'] });
    expect((await api('PUT', '/v1/customers/cust-x', { name: 'X Y' }, reader.key)).status).toBe(403);
    expect((await api('GET', '/v1/customers/cust-1', undefined, reader.key)).status).toBe(200);
  });

  it('lists by reference with q, limit and links.next; another workspace sees none of them; DELETE stops monitoring', async () => {
    for (const ref of ['list-a', 'list-b', 'list-c'])
      expect((await api('PUT', `/v1/customers/${ref}`, { name: `Listed Person ${ref}` })).status).toBe(201);
    const first = await api('GET', '/v1/customers?q=list-&limit=2');
    expect(first.body.customers.map((c: { reference: string }) => c.reference)).toEqual(['list-a', 'list-b']);
    expect(first.body.links.next).toBe('/v1/customers?q=list-&limit=2&cursor=list-b');
    const second = await api('GET', first.body.links.next);
    expect(second.body.customers.map((c: { reference: string }) => c.reference)).toEqual(['list-c']);
    expect(second.body.links.next).toBeNull();

    const other = await createApiKey(stores.db.pool, {
      name: 'other',
      scopes: ['customers:read', 'customers:write'],
      workspaceId: 'other-ws',
    });
    expect((await api('GET', '/v1/customers/list-a', undefined, other.key)).status).toBe(404);
    expect((await api('GET', '/v1/customers', undefined, other.key)).body.customers).toEqual([]);
    expect((await api('DELETE', '/v1/customers/list-a', undefined, other.key)).status).toBe(404);

    expect((await api('DELETE', '/v1/customers/list-a')).status).toBe(204);
    expect((await api('GET', '/v1/customers/list-a')).status).toBe(404);
    expect((await api('DELETE', '/v1/customers/list-a')).status).toBe(404);
    const { rows } = await stores.db.pool.query(`SELECT monitored FROM customers WHERE reference = 'list-a'`);
    expect(rows).toEqual([{ monitored: false }]);
    // Put again, it is monitored anew.
    expect((await api('PUT', '/v1/customers/list-a', { name: 'Listed Person list-a' })).status).toBe(201);
  });
});

describe('POST /v1/batches?monitor=true', () => {
  it('every row with a reference becomes a monitored customer; a row without one is an error row saying why', async () => {
    const csv = [
      'name,reference,birth_date',
      'Batch Person One,batch-1,1970',
      'No Reference Person,,',
      'Batch Person Two,batch-2,',
    ].join('\n');
    const res = await fetch(`${stores.service.url}/v1/batches?monitor=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    const batch = await eventually(async () => {
      const b = await api('GET', `/v1/batches/${id}`);
      return b.body.status === 'done' && b.body;
    });
    expect(batch).toMatchObject({ total: 3, invalidRows: 1 });
    const errors = await api('GET', `/v1/batches/${id}/errors`);
    expect(errors.body.errors).toEqual([
      expect.objectContaining({
        line: 3,
        field: 'reference',
        reason: expect.stringContaining('reference is needed to monitor'),
      }),
    ]);
    expect((await api('GET', '/v1/customers/batch-1')).body).toMatchObject({
      name: 'Batch Person One',
      birthDate: '1970',
      monitored: true,
    });
    expect((await api('GET', '/v1/customers/batch-2')).status).toBe(200);

    const noScope = await createApiKey(stores.db.pool, { name: 'batcher', scopes: ['batches:write'] });
    const refused = await fetch(`${stores.service.url}/v1/batches?monitor=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${noScope.key}`, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(refused.status).toBe(403);
  });
});

describe('monitoring runs', () => {
  const sidorov = listedEntity({
    sourceEntityId: 'M-1',
    name: 'Ivan Petrovich Sidorovsky',
    birthDates: ['1961-05-23'],
  });
  const vessel = listedEntity({ sourceEntityId: 'M-2', name: 'Oceanic Brightstar Carrier', type: 'vessel' });

  it('a new version screens its delta against every workspace’s customers: one alert per matching customer, none for others', async () => {
    const other = await createApiKey(stores.db.pool, {
      name: 'other-mon',
      scopes: ['customers:read', 'customers:write', 'alerts:read'],
      workspaceId: 'mon-ws',
    });
    expect(
      (await api('PUT', '/v1/customers/planted-1', { name: 'Ivan Sidorovsky', birthDate: '1961-05-23' })).status,
    ).toBe(201);
    expect(
      (await api('PUT', '/v1/customers/planted-2', { name: 'Oceanic Brightstar Carrier' }, other.key)).status,
    ).toBe(201);
    expect((await api('PUT', '/v1/customers/unrelated-1', { name: 'Margaret Oyelaran' })).status).toBe(201);
    expect((await api('PUT', '/v1/customers/deleted-1', { name: 'Ivan Petrovich Sidorovsky' })).status).toBe(201);
    expect((await api('DELETE', '/v1/customers/deleted-1')).status).toBe(204);

    const imported = await importEntities(
      stores.db.pool,
      'un-sc',
      [sidorov, vessel, listedEntity({ sourceEntityId: 'M-3', name: 'Nobody Matches Thisname' })],
      'mon-1',
    );
    expect(imported.status).toBe('activated');
    const run = await runOf('un-sc', imported.version);
    expect(run).toMatchObject({ status: 'done', entities: 3, alerts: 1, error: null });
    expect(run.customers).toBeGreaterThanOrEqual(3);
    expect(run.startedAt).toEqual(expect.any(String));
    expect(run.finishedAt).toEqual(expect.any(String));
    expect(await monitoringAlerts(run.id)).toEqual([
      { customer_reference: 'planted-1', entities: ['un-sc:M-1'] },
      { customer_reference: 'planted-2', entities: ['un-sc:M-2'] },
    ]);
    // Each workspace sees its own counts only.
    expect((await api('GET', `/v1/monitoring/runs/${run.id}`, undefined, other.key)).body).toMatchObject({
      customers: 1,
      alerts: 1,
    });
    const alerts = await api('GET', '/v1/alerts', undefined, other.key);
    expect(alerts.status).toBe(200);
    expect(alerts.body.alerts).toHaveLength(1);
    expect(alerts.body.alerts[0]).toMatchObject({ source: 'monitoring', runId: run.id, reference: 'planted-2' });
    expect((await api('GET', `/v1/customers/planted-2`, undefined, other.key)).body.openAlerts).toBe(1);
  });

  it('the same file again is no delta and makes nothing; a change makes no second alert for an open pair; a removal is written on the open alert', async () => {
    const before = (await stores.db.pool.query(`SELECT count(*)::int AS n FROM monitoring_runs`)).rows[0].n;
    const again = await importEntities(
      stores.db.pool,
      'un-sc',
      [sidorov, vessel, listedEntity({ sourceEntityId: 'M-3', name: 'Nobody Matches Thisname' })],
      'mon-2',
    );
    expect(again.status).toBe('unchanged');
    expect((await stores.db.pool.query(`SELECT count(*)::int AS n FROM monitoring_runs`)).rows[0].n).toBe(before);

    // M-1 gains an alias, M-2 is removed, M-4 is new and matches an existing customer.
    expect((await api('PUT', '/v1/customers/planted-3', { name: 'Karl Heinrich Oberwaldner' })).status).toBe(201);
    const changed = await importEntities(
      stores.db.pool,
      'un-sc',
      [
        { ...sidorov, names: [...sidorov.names, { value: 'Ivan Sidorovskiy', kind: 'alias' }] },
        listedEntity({ sourceEntityId: 'M-3', name: 'Nobody Matches Thisname' }),
        listedEntity({ sourceEntityId: 'M-4', name: 'Karl Heinrich Oberwaldner' }),
      ],
      'mon-3',
    );
    expect(changed.delta).toEqual({ added: 1, removed: 1, changed: 1 });
    const run = await runOf('un-sc', changed.version);
    expect(run).toMatchObject({ entities: 2, alerts: 1 });
    expect(await monitoringAlerts(run.id)).toEqual([{ customer_reference: 'planted-3', entities: ['un-sc:M-4'] }]);

    const delisted = await stores.db.pool.query(
      `SELECT a.customer_reference, e.details FROM alert_events e JOIN alerts a ON a.id = e.alert_id WHERE e.action = 'entity_delisted'`,
    );
    expect(delisted.rows).toEqual([
      { customer_reference: 'planted-2', details: { runId: run.id, entityIds: ['un-sc:M-2'] } },
    ]);
  });

  it('lists runs newest first, pages them, and refuses a bad id or limit', async () => {
    const { body } = await api('GET', '/v1/monitoring/runs?limit=2');
    expect(body.runs).toHaveLength(2);
    expect(body.runs[0].createdAt >= body.runs[1].createdAt).toBe(true);
    expect(Object.keys(body.runs[0]).sort()).toEqual(
      [
        'alerts',
        'createdAt',
        'customers',
        'entities',
        'error',
        'finishedAt',
        'id',
        'source',
        'startedAt',
        'status',
        'version',
      ].sort(),
    );
    const next = await api('GET', body.links.next);
    expect(next.body.runs[0].id).not.toBe(body.runs[1].id);
    expect((await api('GET', '/v1/monitoring/runs/not-a-run')).status).toBe(404);
    expect((await api('GET', '/v1/monitoring/runs?limit=0')).status).toBe(400);
  });
});
