import { alertsServicePerFile, REVIEWER } from '../support/alerts-service';
import { call } from '../support/http';

const { stores, api, api4, key, alertFor } = alertsServicePerFile();

describe('review', () => {
  it('assigns (me, another key, nobody) and filters by assignee', async () => {
    const reviewer = await key('assigner', REVIEWER);
    const colleague = await key('colleague', REVIEWER);
    const outsider = await key('outsider', REVIEWER, 'assign-other');
    const { alert } = await alertFor('Sense Time Group', 'assign-1');

    const mine = await api('POST', `/v1/alerts/${alert.id}/assign`, { assignee: 'me' }, reviewer.key);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ status: 'in_review', assignee: reviewer.id });
    expect(
      (await api('GET', '/v1/alerts?assignee=me&reference=assign-1', undefined, reviewer.key)).body.alerts,
    ).toHaveLength(1);
    expect(
      (await api('GET', '/v1/alerts?assignee=me&reference=assign-1', undefined, colleague.key)).body.alerts,
    ).toHaveLength(0);

    const theirs = await api('POST', `/v1/alerts/${alert.id}/assign`, { assignee: colleague.id }, reviewer.key);
    expect(theirs.body).toMatchObject({ status: 'in_review', assignee: colleague.id });
    expect((await api('GET', `/v1/alerts?assignee=${colleague.id}&reference=assign-1`)).body.alerts).toHaveLength(1);

    const foreign = await api('POST', `/v1/alerts/${alert.id}/assign`, { assignee: outsider.id }, reviewer.key);
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([{ field: 'assignee', message: expect.any(String) }]);
    expect(
      (await api('POST', `/v1/alerts/${alert.id}/assign`, { assignee: 'bob' }, reviewer.key)).body.errors[0].field,
    ).toBe('assignee');

    const nobody = await api('POST', `/v1/alerts/${alert.id}/assign`, { assignee: null }, reviewer.key);
    expect(nobody.body).toMatchObject({ status: 'open', assignee: null });
    const history = await api('GET', `/v1/alerts/${alert.id}/history`);
    expect(history.body.events.map((e: any) => e.action)).toEqual(['created', 'assigned', 'assigned', 'assigned']);
    expect(history.body.events[2]).toMatchObject({
      actor: { keyId: reviewer.id, name: 'assigner' },
      details: { assignee: { keyId: colleague.id, name: 'colleague' } },
    });
  });

  it('refuses bad decisions naming the field, then closes on the last final decision (four-eyes off)', async () => {
    const reviewer = await key('decider', REVIEWER);
    const { alert } = await alertFor('Ri Yong Gil', 'decide-1');
    const entityId = alert.matches[0].entityId;
    const decide = (body: unknown) => api('POST', `/v1/alerts/${alert.id}/decisions`, body, reviewer.key);

    expect((await decide({ entityId, disposition: 'false_positive' })).body.errors).toEqual([
      { field: 'note', message: expect.any(String) },
    ]);
    expect((await decide({ entityId, disposition: 'false_positive', note: '' })).body.errors[0].field).toBe('note');
    expect(
      (await decide({ entityId, disposition: 'false_positive', note: 'x'.repeat(4001) })).body.errors[0].field,
    ).toBe('note');
    expect((await decide({ entityId, disposition: 'maybe', note: 'hm' })).body.errors).toEqual([
      { field: 'disposition', message: expect.stringContaining('true_match') },
    ]);
    const stranger = await decide({ entityId: 'ofac-sdn:1', disposition: 'false_positive', note: 'not ours' });
    expect(stranger.status).toBe(400);
    expect(stranger.body.errors).toEqual([{ field: 'entityId', message: expect.stringContaining('ofac-sdn:1') }]);
    const unknown = await api(
      'POST',
      '/v1/alerts/00000000-0000-4000-8000-000000000000/decisions',
      { entityId, disposition: 'true_match', note: 'x' },
      reviewer.key,
    );
    expect(unknown.status).toBe(404);

    const pending = await decide({ entityId, disposition: 'needs_info', note: 'Asked the branch for a passport copy' });
    expect(pending.status).toBe(200);
    expect(pending.body).toMatchObject({ status: 'in_review', outcome: null });
    expect(pending.body.matches[0]).toMatchObject({
      disposition: 'needs_info',
      note: 'Asked the branch for a passport copy',
      decidedBy: reviewer.id,
      decidedAt: expect.any(String),
    });

    const others = alert.matches.slice(1);
    for (const m of others)
      expect((await decide({ entityId: m.entityId, disposition: 'false_positive', note: 'other person' })).status).toBe(
        200,
      );
    const closed = await decide({
      entityId,
      disposition: 'false_positive',
      note: 'Passport shows born 1990, not 1955',
    });
    expect(closed.body).toMatchObject({ status: 'closed', outcome: 'false_positive', closedAt: expect.any(String) });
    expect((await decide({ entityId, disposition: 'true_match', note: 'changed my mind' })).status).toBe(409);
    expect((await api('POST', `/v1/alerts/${alert.id}/assign`, { assignee: 'me' }, reviewer.key)).status).toBe(409);

    const history = await api('GET', `/v1/alerts/${alert.id}/history`, undefined, reviewer.key);
    const events = history.body.events;
    expect(events.map((e: any) => e.action)).toEqual([
      'created',
      'decided',
      ...others.map(() => 'decided'),
      'decided',
      'closed',
    ]);
    expect(events[1]).toEqual({
      at: expect.any(String),
      actor: { keyId: reviewer.id, name: 'decider' },
      action: 'decided',
      details: { entityId, disposition: 'needs_info', note: 'Asked the branch for a passport copy' },
    });
    expect(events.at(-2).details).toMatchObject({
      disposition: 'false_positive',
      note: 'Passport shows born 1990, not 1955',
    });
    expect(events.at(-1).details).toEqual({ outcome: 'false_positive' });
    expect([...events.map((e: any) => e.at)].sort()).toEqual(events.map((e: any) => e.at));
  });

  it('four-eyes: submitted for approval, the decider is refused, a rejection reopens it, a second person approves', async () => {
    const maker = await key('maker', [...REVIEWER, 'alerts:approve']);
    const checker = await key('checker', ['alerts:read', 'alerts:approve']);
    const reviewOnly = await key('review only', ['alerts:read', 'alerts:review']);
    const { alert } = await alertFor('Sense Time Group', 'four-eyes-1');
    const decideAll = async (disposition: string, note: string) => {
      let last: any;
      for (const m of alert.matches)
        last = await api4(
          'POST',
          `/v1/alerts/${alert.id}/decisions`,
          { entityId: m.entityId, disposition, note },
          maker.key,
        );
      return last;
    };

    const submitted = await decideAll('false_positive', 'Different company: registered in Hong Kong in 2019');
    expect(submitted.body).toMatchObject({ status: 'pending_approval', outcome: null, closedAt: null });
    expect(
      (
        await api4(
          'POST',
          `/v1/alerts/${alert.id}/decisions`,
          { entityId: alert.matches[0].entityId, disposition: 'true_match', note: 'x' },
          maker.key,
        )
      ).status,
    ).toBe(409);

    const self = await api4('POST', `/v1/alerts/${alert.id}/approve`, {}, maker.key);
    expect(self.status).toBe(403);
    expect(self.body.detail).toMatch(/second person must approve/);
    expect((await api4('POST', `/v1/alerts/${alert.id}/approve`, {}, reviewOnly.key)).status).toBe(403);
    expect((await api4('POST', `/v1/alerts/${alert.id}/reject`, {}, checker.key)).body.errors).toEqual([
      { field: 'note', message: expect.any(String) },
    ]);

    const rejected = await api4(
      'POST',
      `/v1/alerts/${alert.id}/reject`,
      { note: 'SenseTime Group Limited is the listed Cayman parent; check again' },
      checker.key,
    );
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe('in_review');
    expect(
      rejected.body.matches.every((m: any) => m.disposition === null && m.note === null && m.decidedBy === null),
    ).toBe(true);
    expect((await api4('POST', `/v1/alerts/${alert.id}/approve`, {}, checker.key)).status).toBe(409);

    expect((await decideAll('true_match', 'Same company: Cayman parent of the listed group')).body.status).toBe(
      'pending_approval',
    );
    const approved = await call(stores.fourEyes.url, 'POST', `/v1/alerts/${alert.id}/approve`, { apiKey: checker.key });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'closed', outcome: 'true_match', closedAt: expect.any(String) });
    expect((await api4('POST', `/v1/alerts/${alert.id}/reject`, { note: 'too late' }, checker.key)).status).toBe(409);

    const history = await api4('GET', `/v1/alerts/${alert.id}/history`, undefined, checker.key);
    const n = alert.matches.length;
    expect(history.body.events.map((e: any) => e.action)).toEqual([
      'created',
      ...Array(n).fill('decided'),
      'submitted',
      'rejected',
      ...Array(n).fill('decided'),
      'submitted',
      'approved',
      'closed',
    ]);
    const rejection = history.body.events.find((e: any) => e.action === 'rejected');
    expect(rejection).toMatchObject({
      actor: { keyId: checker.id, name: 'checker' },
      details: { note: 'SenseTime Group Limited is the listed Cayman parent; check again' },
    });
    // Both rounds of decisions stay in the history.
    expect(
      history.body.events.filter((e: any) => e.action === 'decided').map((e: any) => e.details.disposition),
    ).toEqual([...Array(n).fill('false_positive'), ...Array(n).fill('true_match')]);
  });

  it('needs the scopes: alerts:read to read, alerts:review to decide', async () => {
    const { alert } = await alertFor('Ri Yong Gil', 'scopes-1');
    const screener = await key('screener only', ['screenings:read']);
    const reader = await key('reader only', ['alerts:read']);
    expect((await api('GET', '/v1/alerts', undefined, screener.key)).status).toBe(403);
    expect((await api('GET', `/v1/alerts/${alert.id}/history`, undefined, screener.key)).status).toBe(403);
    expect((await api('GET', `/v1/alerts/${alert.id}`, undefined, reader.key)).status).toBe(200);
    const decided = await api(
      'POST',
      `/v1/alerts/${alert.id}/decisions`,
      { entityId: alert.matches[0].entityId, disposition: 'true_match', note: 'x' },
      reader.key,
    );
    expect(decided.status).toBe(403);
    expect((await api('POST', `/v1/alerts/${alert.id}/assign`, { assignee: 'me' }, reader.key)).status).toBe(403);
  });
});
