import { createApiKey } from '@sanctions/shared/auth';
import { call } from '../support/http';
import { fetchBytes, pdfText } from '../support/pdf-text';
import { seededServicePerFile } from '../support/running-service';
import { TEST_API_KEY } from '../support/test-stores';

const stores = seededServicePerFile();

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
    const screened = await call(stores.service.url, 'POST', '/v1/screenings?wait=true', { body: { name: 'Иван Петров', reference: 'CUST-CYR' } });
    const { text } = await pdfText((await fetchBytes(`${stores.service.url}/v1/screenings/${screened.body.id}/report`, TEST_API_KEY)).body);
    expect(text).toContain('Иван Петров');
  });

  it('needs screenings:read, and another workspace sees no report', async () => {
    const screened = await call(stores.service.url, 'POST', '/v1/screenings?wait=true', { body: { name: 'Jane Doe' } });
    const noScope = await createApiKey(stores.db.pool, { name: 'writer only', scopes: ['screenings:write'] });
    expect((await fetchBytes(`${stores.service.url}/v1/screenings/${screened.body.id}/report`, noScope.key)).status).toBe(403);
    const other = await createApiKey(stores.db.pool, { name: 'other', scopes: ['screenings:read'], workspaceId: 'report-other' });
    const res = await call(stores.service.url, 'GET', `/v1/screenings/${screened.body.id}/report`, { apiKey: other.key });
    expect(res.status).toBe(404);
    expect(res.contentType).toContain('application/problem+json');
    expect((await call(stores.service.url, 'GET', '/v1/screenings/not-a-uuid/report')).status).toBe(404);
  });
});
