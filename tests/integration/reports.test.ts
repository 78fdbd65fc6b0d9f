import { createApiKey } from '@sanctions/shared/auth';
import { call } from '../support/http';
import { fetchBytes, pdfText } from '../support/pdf-text';
import { createSeededDatabase } from '../support/list-factories';
import { startService, type RunningService } from '../support/running-service';
import { TEST_API_KEY, testConfig, type TestDatabase } from '../support/test-stores';

/** Four-eyes review on, so an alert's report has an approver. */
const stores = {} as { db: TestDatabase; service: RunningService };
beforeAll(async () => {
  stores.db = await createSeededDatabase();
  stores.service = await startService(testConfig(stores.db.url, { REVIEW_FOUR_EYES: 'true' }));
});
afterAll(async () => {
  await stores.service?.stop();
  await stores.db?.drop();
});

/** pdf.js puts a line break wherever the PDF wraps a line: compare with whitespace collapsed. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('evidence reports', () => {
  it('a screening report holds the query, reference, list versions, each match with its explanation, programs and cited URLs', async () => {
    const screened = await call(stores.service.url, 'POST', '/v1/screenings?wait=true', {
      body: { name: 'Ri Yong-gil', birthDate: '1965', country: 'KP', reference: 'CUST-REPORT-1' },
    });
    expect(screened.body.decision).toBe('hit');
    const res = await fetchBytes(`${stores.service.url}/v1/screenings/${screened.body.id}/report`, TEST_API_KEY);
    expect(res.status).toBe(200);
    expect(res.contentType).toBe('application/pdf');
    expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');

    const { text, pages } = await pdfText(res.body);
    const t = flat(text);
    expect(t).toContain('Screening evidence report');
    expect(t).toContain(`Screening ${screened.body.id}`);
    expect(t).toContain('Name: Ri Yong-gil');
    expect(t).toContain('Reference: CUST-REPORT-1');
    expect(t).toContain('Birth date: 1965');
    expect(t).toContain('Requested by: bootstrap');
    expect(t).toMatch(/Screened at: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
    expect(t).toContain('seed version 1');
    const match = screened.body.matches[0];
    expect(t).toContain(`1. ${match.name}`);
    expect(t).toContain(`Entity: ${match.entityId}`);
    expect(t).toContain(`Score: ${match.score.toFixed(3)}`);
    expect(t).toContain(`Programs: ${match.programs.join(', ')}`);
    for (const line of match.explanation) expect(t).toContain(flat(line));
    const url = match.citations.find((c: { url?: string }) => c.url).url as string;
    expect(t.replace(/ /g, '')).toContain(url);
    expect(t).toContain('Workspace default');
    expect(t).toContain(`Page 1 of ${pages}`);
    expect(t).toContain('No decision recorded.');
  });

  it('prints names in their own script', async () => {
    const screened = await call(stores.service.url, 'POST', '/v1/screenings?wait=true', {
      body: { name: 'Иван Петров', reference: 'CUST-CYR' },
    });
    const { text } = await pdfText(
      (await fetchBytes(`${stores.service.url}/v1/screenings/${screened.body.id}/report`, TEST_API_KEY)).body,
    );
    expect(text).toContain('Иван Петров');
  });

  it('needs screenings:read, and another workspace sees no report', async () => {
    const screened = await call(stores.service.url, 'POST', '/v1/screenings?wait=true', { body: { name: 'Jane Doe' } });
    const noScope = await createApiKey(stores.db.pool, { name: 'writer only', scopes: ['screenings:write'] });
    expect(
      (await fetchBytes(`${stores.service.url}/v1/screenings/${screened.body.id}/report`, noScope.key)).status,
    ).toBe(403);
    const other = await createApiKey(stores.db.pool, {
      name: 'other',
      scopes: ['screenings:read'],
      workspaceId: 'report-other',
    });
    const res = await call(stores.service.url, 'GET', `/v1/screenings/${screened.body.id}/report`, {
      apiKey: other.key,
    });
    expect(res.status).toBe(404);
    expect(res.contentType).toContain('application/problem+json');
    expect((await call(stores.service.url, 'GET', '/v1/screenings/not-a-uuid/report')).status).toBe(404);
  });

  it('an alert report holds each decision with who, when and the note, the approval and approver, and the full history', async () => {
    const screened = await call(stores.service.url, 'POST', '/v1/screenings?wait=true', {
      body: { name: 'Sense Time Group', reference: 'CUST-ALERT-9' },
    });
    const { rows } = await stores.db.pool.query('SELECT id FROM alerts WHERE screening_id = $1', [screened.body.id]);
    const alertId = rows[0].id as string;
    const ann = await createApiKey(stores.db.pool, { name: 'officer ann', scopes: ['alerts:read', 'alerts:review'] });
    const ben = await createApiKey(stores.db.pool, { name: 'officer ben', scopes: ['alerts:read', 'alerts:approve'] });
    expect(
      (
        await call(stores.service.url, 'POST', `/v1/alerts/${alertId}/assign`, {
          body: { assignee: 'me' },
          apiKey: ann.key,
        })
      ).status,
    ).toBe(200);
    for (const m of screened.body.matches) {
      const decided = await call(stores.service.url, 'POST', `/v1/alerts/${alertId}/decisions`, {
        body: {
          entityId: m.entityId,
          disposition: 'true_match',
          note: 'Same group: Hong Kong registration matches the listing',
        },
        apiKey: ann.key,
      });
      expect(decided.status).toBe(200);
    }
    const approved = await call(stores.service.url, 'POST', `/v1/alerts/${alertId}/approve`, {
      body: { note: 'Checked the registry extract' },
      apiKey: ben.key,
    });
    expect(approved.body.status).toBe('closed');

    const res = await fetchBytes(`${stores.service.url}/v1/alerts/${alertId}/report`, TEST_API_KEY);
    expect(res.status).toBe(200);
    expect(res.contentType).toBe('application/pdf');
    const { text, pages } = await pdfText(res.body);
    const t = flat(text);
    expect(t).toContain('Alert evidence report');
    expect(t).toContain(`Alert ${alertId}`);
    expect(t).toContain('Reference: CUST-ALERT-9');
    expect(t).toContain('Status: closed');
    expect(t).toContain('Outcome: true_match');
    expect(t).toContain('Assignee: officer ann');
    expect(t).toContain('seed version 1');
    expect(t).toContain(`${screened.body.matches[0].entityId}: true_match, by officer ann`);
    expect(t).toContain('Note: Same group: Hong Kong registration matches the listing');
    expect(t).toContain('Approver: officer ben');
    expect(t).toContain('Note: Checked the registry extract');
    for (const action of [
      'created',
      'assigned by officer ann',
      'decided by officer ann',
      'submitted by officer ann',
      'approved by officer ben',
      'closed by officer ben',
    ]) {
      expect(t).toContain(action);
    }
    expect(t).toMatch(new RegExp(`Page ${pages} of ${pages}`));

    const screeningPdf = flat(
      (
        await pdfText(
          (await fetchBytes(`${stores.service.url}/v1/screenings/${screened.body.id}/report`, TEST_API_KEY)).body,
        )
      ).text,
    );
    expect(screeningPdf).toContain('true_match, by officer ann');
    expect(screeningPdf).toContain('Approver: officer ben');

    const other = await createApiKey(stores.db.pool, {
      name: 'other reader',
      scopes: ['alerts:read'],
      workspaceId: 'report-other',
    });
    expect((await call(stores.service.url, 'GET', `/v1/alerts/${alertId}/report`, { apiKey: other.key })).status).toBe(
      404,
    );
  });
});
