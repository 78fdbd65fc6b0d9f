import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { seededServicePerFile } from '../support/running-service';
import { TEST_API_KEY } from '../support/test-stores';

const stores = seededServicePerFile();

describe('the screening page', () => {
  it('is served without an API key, with a policy that allows only its own scripts', async () => {
    const res = await fetch(`${stores.service.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await res.text();
    for (const id of ['api-key', 'screen-form', 'batch-form', 'batch-bar']) expect(html).toContain(`id="${id}"`);
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
  });

  it('serves its script, which calls the screening, batch and progress endpoints', async () => {
    const res = await fetch(`${stores.service.url}/app.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('javascript');
    const js = await res.text();
    for (const endpoint of ['/v1/screenings?wait=true', '/v1/batches', '/events', '/results'])
      expect(js).toContain(endpoint);
  });

  it('leaves the API behind its keys', async () => {
    expect((await fetch(`${stores.service.url}/v1/lists`)).status).toBe(401);
  });
});

/** A real browser on the page, where one is installed (Debian's chromium here and in CI); skipped elsewhere. */
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p) => p && existsSync(p),
);

(CHROMIUM ? describe : describe.skip)('the screening page in a browser', () => {
  let browser: Browser;
  let dir: string;

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
    dir = await mkdtemp(path.join(os.tmpdir(), 'web-page-'));
  });
  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('screens a name with its sources, then uploads a customer file and follows it to 100%', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${stores.service.url}/`);
    await page.fill('#api-key', TEST_API_KEY);
    await page.click('#key-form button');
    await page.locator('#key-status', { hasText: 'key accepted' }).waitFor();

    await page.fill('#screen-form input[name=name]', 'Ri Yong-gil');
    await page.click('#screen-form button');
    await page.waitForSelector('#screen-result .decision');
    expect(await page.textContent('#screen-result .decision')).toBe('HIT');
    expect(await page.getAttribute('#screen-result a', 'href')).toContain(
      'sanctionssearch.ofac.treas.gov/Details.aspx?id=33936',
    );

    const file = path.join(dir, 'customers.csv');
    await writeFile(
      file,
      [
        'Full Name,Customer ID',
        'Sense Time Group,C-1',
        ',C-2',
        ...Array.from({ length: 2000 }, (_, i) => `Customer Number ${i},R${i}`),
      ].join('\n'),
    );
    await page.setInputFiles('#batch-form input[name=file]', file);
    await page.click('#batch-form button');
    await page.locator('#batch-status', { hasText: /^done/ }).waitFor();
    expect(await page.textContent('#batch-percent')).toBe('100%');
    expect(await page.textContent('#batch-status')).toMatch(
      /^done: 2,001 of 2,001 rows screened, 1 hits, 1 invalid rows/,
    );
    // The finished file's hits, each linking to its alert, and its invalid rows with their reasons, on the page.
    await page.locator('#batch-hits tbody tr', { hasText: 'Sense Time Group' }).waitFor();
    expect(await page.textContent('#batch-hits tbody tr')).toContain('open alert');
    expect(await page.textContent('#batch-invalid')).toContain('line 3 (name): name is empty');
    await page.locator('#batch-list tbody tr', { hasText: 'customers.csv' }).first().waitFor();
    expect(await page.textContent('#batch-list tbody tr:first-child')).toContain('done');
    await page.locator('#batch-list tbody tr:first-child button', { hasText: 'Re-screen' }).click();
    await page.locator('#batch-list tbody tr:nth-child(2)', { hasText: 'customers.csv' }).waitFor();
    await page.locator('#batch-status', { hasText: /^done: 2,001 of 2,001/ }).waitFor();
    expect(errors).toEqual([]);
  });
});
