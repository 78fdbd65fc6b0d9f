import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApiKey, type Scope } from '@sanctions/shared/auth';
import { call } from '../support/http';
import { createSeededDatabase } from '../support/list-factories';
import { startService, type RunningService } from '../support/running-service';
import { testConfig, type TestDatabase } from '../support/test-stores';

/** Debian's chromium here and in CI (.ci/run installs it); skipped where there is none. */
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p) => p && existsSync(p),
);
/** Set to a folder (docs/images) to save the README's screenshots of the queue and the alert view. */
const SCREENSHOTS = process.env.REVIEW_SCREENSHOTS;

const stores = {} as { db: TestDatabase; service: RunningService };
beforeAll(async () => {
  stores.db = await createSeededDatabase();
  stores.service = await startService(testConfig(stores.db.url, { REVIEW_FOUR_EYES: 'true' }));
});
afterAll(async () => {
  await stores.service?.stop();
  await stores.db?.drop();
});

describe('the review page', () => {
  it('is served with its review script under the same policy', async () => {
    const html = await (await fetch(`${stores.service.url}/`)).text();
    for (const id of ['alert-filters', 'alert-queue', 'alert-view', 'suppression-list'])
      expect(html).toContain(`id="${id}"`);
    expect(html).toContain('name="reference"');
    const js = await fetch(`${stores.service.url}/review.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-security-policy')).toContain("default-src 'self'");
    const text = await js.text();
    for (const endpoint of [
      '/v1/alerts',
      '/decisions',
      '/approve',
      '/history',
      '/report',
      '/v1/suppressions',
      '/v1/entities/',
    ])
      expect(text).toContain(endpoint);
  });
});

(CHROMIUM ? describe : describe.skip)('reviewing an alert in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const officer = (name: string, scopes: Scope[]) =>
    createApiKey(stores.db.pool, { name, scopes: ['alerts:read', 'lists:read', 'screenings:read', ...scopes] });

  async function logIn(page: Page, key: string) {
    await page.fill('#api-key', key);
    await page.press('#api-key', 'Enter');
    await page.locator('#key-status', { hasText: 'key accepted' }).waitFor();
  }

  it('logs in, opens an alert, decides it, approves it with a second key, sees it closed, and downloads its report', async () => {
    const ann = await officer('officer ann', ['alerts:review', 'alerts:approve', 'screenings:write', 'batches:read']);
    const ben = await officer('officer ben', ['alerts:approve', 'batches:read']);
    for (const [name, reference] of [
      ['Sense Time Group', 'CUST-7001'],
      ['Ri Yong-gil', 'CUST-7002'],
    ]) {
      const screened = await call(stores.service.url, 'POST', '/v1/screenings?wait=true', {
        body: { name, reference },
        apiKey: ann.key,
      });
      expect(screened.body.decision).toBe('hit');
    }

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${stores.service.url}/`);
    await logIn(page, ann.key);
    await page.locator('#alert-queue tbody tr', { hasText: 'CUST-7002' }).waitFor();
    await page.locator('#alert-counts', { hasText: 'open: 2' }).waitFor();
    if (SCREENSHOTS) {
      await mkdir(SCREENSHOTS, { recursive: true });
      await page
        .locator('section[aria-labelledby="queue-title"]')
        .screenshot({ path: path.join(SCREENSHOTS, 'alert-queue.png') });
    }

    // The queue filters: only alerts at or above a score, and by status.
    await page.selectOption('#alert-filters select[name=status]', 'closed');
    await page.click('#alert-filters button');
    await page.locator('#alert-queue tbody', { hasText: 'No alert matches these filters.' }).waitFor();
    await page.selectOption('#alert-filters select[name=status]', '');
    await page.click('#alert-filters button');

    await page.locator('#alert-queue tbody tr', { hasText: 'CUST-7002' }).locator('button').click();
    await page.locator('#alert-body .customer', { hasText: 'CUST-7002' }).waitFor();
    // The listed record beside the customer, with its citations as links.
    await page.locator('#alert-body .entity', { hasText: 'Names and aliases' }).first().waitFor();
    expect(await page.getAttribute('#alert-body .alert-match a', 'href')).toContain('ofac.treas.gov');

    await page.click('#assign-me');
    await page.locator('#alert-message', { hasText: 'Assigned to you.' }).waitFor();

    const count = await page.locator('#alert-body form.decide').count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const form = page.locator('#alert-body form.decide').nth(i);
      await form.locator('select').selectOption('false_positive');
      await form.locator('input[name=note]').fill('Customer born 1990 in Seoul; the listed person was born 1960');
      await form.locator('input[name=note]').press('Enter');
      await page.locator('#alert-body .decided', { hasText: 'Decided: false positive' }).nth(i).waitFor();
    }
    await page.locator('#alert-status', { hasText: 'pending approval' }).waitFor();
    if (SCREENSHOTS) await page.locator('#alert-view').screenshot({ path: path.join(SCREENSHOTS, 'alert-view.png') });

    // The same key cannot approve its own decision: the message says so, and goes once the next action succeeds.
    await page.fill('#approval-note', 'Checked the passport copy');
    await page.click('#approve');
    await page.locator('#alert-message.error', { hasText: 'second person' }).waitFor();

    await logIn(page, ben.key);
    await page.locator('#alert-queue tbody tr', { hasText: 'CUST-7002' }).locator('button').click();
    // Opening the alert again clears the earlier error: no stale message.
    await page.locator('#alert-message.error').waitFor({ state: 'detached' });
    await page.locator('#alert-status', { hasText: 'pending approval' }).waitFor();
    await page.fill('#approval-note', 'Checked the passport copy');
    await page.click('#approve');
    await page.locator('#alert-status', { hasText: 'closed' }).waitFor();
    expect(await page.textContent('#alert-message')).toBe('Approved: the alert is closed.');
    expect(await page.getAttribute('#alert-message', 'class')).not.toContain('error');
    expect(await page.textContent('#alert-body .history')).toContain(
      'approved by officer ben: Checked the passport copy',
    );

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#alert-report')]);
    expect(download.suggestedFilename()).toMatch(/^alert-[0-9a-f-]+\.pdf$/);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    // The false positive is remembered for this customer and listed with who made it and why.
    await page.locator('#suppression-list tbody tr', { hasText: 'CUST-7002' }).waitFor();
    const row = await page.textContent('#suppression-list tbody tr');
    expect(row).toContain('officer ann, approved by officer ben');
    expect(row).toContain('Customer born 1990 in Seoul');

    // Narrow screen: the page still lays out, the customer above the matches.
    await page.setViewportSize({ width: 400, height: 800 });
    await page.locator('#alert-queue tbody tr', { hasText: 'CUST-7002' }).locator('button').click();
    await page.locator('#alert-status', { hasText: 'closed' }).waitFor();
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(420);
    expect(errors).toEqual([]);
  });

  it('shows a customer’s screening history by reference, newest first and paged, linking to its alerts and reports', async () => {
    const ann = await officer('officer cleo', ['alerts:review', 'screenings:write', 'batches:write', 'batches:read']);
    const screenAs = async (name: string) =>
      (
        await call(stores.service.url, 'POST', '/v1/screenings?wait=true', {
          body: { name, reference: 'CUST-7100' },
          apiKey: ann.key,
        })
      ).body;
    const hit = await screenAs('Sense Time Group');
    const noHit = await screenAs('Jane Example');
    expect([hit.decision, noHit.decision]).toEqual(['hit', 'no_hit']);
    const rows = [
      'reference,name',
      'CUST-7100,Sense Time Group',
      ...Array.from({ length: 21 }, (_, i) => `CUST-7100,Person ${String.fromCharCode(97 + i)} Example`),
    ];
    const batch = await call(stores.service.url, 'POST', '/v1/batches', {
      rawBody: rows.join('\n'),
      contentType: 'text/csv',
      apiKey: ann.key,
    });
    expect(batch.status).toBe(202);
    for (let i = 0; i < 200; i++) {
      if (
        (await call(stores.service.url, 'GET', `/v1/batches/${batch.body.id}`, { apiKey: ann.key })).body.status ===
        'done'
      )
        break;
      await new Promise((r) => setTimeout(r, 100));
    }

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${stores.service.url}/`);
    await logIn(page, ann.key);
    // A search that fails says why, and keeps what was typed.
    await page.fill('#history-form input[name=reference]', 'x'.repeat(200));
    await page.evaluate("document.querySelector('#history-form input[name=reference]').removeAttribute('maxlength')");
    await page.fill('#history-form input[name=reference]', 'x'.repeat(201));
    await page.click('#history-form button');
    await page.locator('#history-message.error', { hasText: 'reference' }).waitFor();
    expect(await page.inputValue('#history-form input[name=reference]')).toHaveLength(201);

    await page.fill('#history-form input[name=reference]', 'CUST-7100');
    await page.click('#history-form button');
    await page.locator('#history-message', { hasText: '20 screening(s) shown' }).waitFor();
    expect(await page.getAttribute('#history-message', 'class')).not.toContain('error');
    const firstPage = await page
      .locator('#history-list tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [tr.getAttribute('data-id'), tr.children[0]!.textContent, tr.children[1]!.textContent]),
      );
    expect(firstPage).toHaveLength(20);
    // Newest first: the batch rows (screened last) lead.
    expect(firstPage.map((r) => r[2]).every((s) => String(s).startsWith('batch, line'))).toBe(true);
    expect([...firstPage.map((r) => String(r[1]))].sort().reverse()).toEqual(firstPage.map((r) => String(r[1])));
    await page.click('#history-next');
    await page.locator('#history-message', { hasText: '4 screening(s) shown' }).waitFor();
    if (SCREENSHOTS)
      await page.locator('#history-section').screenshot({ path: path.join(SCREENSHOTS, 'customer-history.png') });
    const secondPage = await page
      .locator('#history-list tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')));
    expect(secondPage).toEqual(expect.arrayContaining([hit.id, noHit.id]));
    expect(new Set([...firstPage.map((r) => r[0]), ...secondPage]).size).toBe(24);
    expect(await page.isDisabled('#history-next')).toBe(true);
    // The single screening that hit links to its alert and its report; the no-hit to its report only.
    expect(await page.textContent(`#history-list tr[data-id="${noHit.id}"] .links`)).toBe('report');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click(`#history-list tr[data-id="${hit.id}"] .links button:has-text("report")`),
    ]);
    expect(download.suggestedFilename()).toBe(`report-${hit.id}.pdf`);
    await page.click(`#history-list tr[data-id="${hit.id}"] .links button:has-text("open alert")`);
    await page.locator('#alert-body .customer', { hasText: 'CUST-7100' }).waitFor();
    await page.click('#history-prev');
    await page.locator('#history-message', { hasText: '20 screening(s) shown' }).waitFor();

    // From an alert, the customer's history is one click away.
    await page.fill('#history-form input[name=reference]', '');
    await page.click('#alert-customer-history');
    await page.locator('#history-message', { hasText: '20 screening(s) shown' }).waitFor();
    expect(await page.inputValue('#history-form input[name=reference]')).toBe('CUST-7100');

    // A failed upload after a finished one starts from 0%, never shows 100%.
    await page.setInputFiles('#batch-form input[name=file]', {
      name: 'good.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('name\nMargaret Oyelaran\n'),
    });
    await page.click('#batch-form button');
    await page.locator('#batch-percent', { hasText: '100%' }).waitFor();
    await page.setInputFiles('#batch-form input[name=file]', {
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('not,a\n"customer file\n'),
    });
    await page.click('#batch-form button');
    await page.locator('#batch-status .error').waitFor();
    expect(await page.textContent('#batch-percent')).toBe('0%');
    expect(errors).toEqual([]);
  });

  it('counts every alert per status exactly, past any page size', async () => {
    await stores.db.pool.query(
      `INSERT INTO alerts (id, workspace_id, status, source, reference, query, best_score, lists, result_key, created_at, updated_at)
       SELECT gen_random_uuid(), 'default', 'in_review', 'screening', 'bulk-' || g, jsonb_build_object('name', 'Bulk ' || g), 0.9, ARRAY['seed'], md5('bulk' || g), now(), now()
       FROM generate_series(1, 1234) g`,
    );
    const counted = await call(stores.service.url, 'GET', '/v1/alerts/counts');
    expect(counted.status).toBe(200);
    const exact = (
      await stores.db.pool.query(
        `SELECT status, count(*)::int AS n FROM alerts WHERE workspace_id = 'default' GROUP BY status`,
      )
    ).rows;
    expect(counted.body.counts).toEqual({
      open: 0,
      in_review: 0,
      pending_approval: 0,
      closed: 0,
      ...Object.fromEntries(exact.map((r) => [r.status, r.n])),
    });
    expect(counted.body.counts.in_review).toBeGreaterThanOrEqual(1234);
    expect((await call(stores.service.url, 'GET', '/v1/alerts/counts?status=open')).status).toBe(400);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${stores.service.url}/`);
    const key = await officer('officer dan', []);
    await logIn(page, key.key);
    await page
      .locator('#alert-counts', { hasText: `in review: ${counted.body.counts.in_review.toLocaleString('en')}` })
      .waitFor();
    expect(await page.textContent('#alert-counts')).not.toContain('+');
  });
});
