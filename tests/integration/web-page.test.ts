import { seededServicePerFile } from '../support/running-service';

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
    for (const endpoint of ['/v1/screenings?wait=true', '/v1/batches', '/events', '/results']) expect(js).toContain(endpoint);
  });

  it('leaves the API behind its keys', async () => {
    expect((await fetch(`${stores.service.url}/v1/lists`)).status).toBe(401);
  });
});
