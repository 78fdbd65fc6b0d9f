import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  /** The raw body, exactly as signed. */
  body: string;
  json: any;
  receivedAt: number;
}

export interface ScriptedResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** A real HTTP endpoint on 127.0.0.1 that records what it receives and answers as scripted (then 200). */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private script: ScriptedResponse[] = [];
  private fallback: ScriptedResponse = { status: 200, body: 'ok' };

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(port = 0): Promise<WebhookReceiver> {
    const self: { receiver?: WebhookReceiver } = {};
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const receiver = self.receiver!;
        receiver.received.push({
          headers: req.headers,
          body,
          json: body ? JSON.parse(body) : undefined,
          receivedAt: Date.now(),
        });
        const reply = receiver.script.shift() ?? receiver.fallback;
        res.writeHead(reply.status, { 'content-type': 'text/plain', ...reply.headers });
        res.end(reply.body ?? '');
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    self.receiver = new WebhookReceiver(server, (server.address() as AddressInfo).port);
    return self.receiver;
  }

  url(path = '/hooks/sanctions'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** The next answers, in order; after them, `otherwise` (200 by default). */
  respond(script: ScriptedResponse[], otherwise?: ScriptedResponse): void {
    this.script = [...script];
    if (otherwise) this.fallback = otherwise;
  }

  async waitFor(count: number, timeoutMs = 15_000): Promise<ReceivedWebhook[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} webhook(s), received ${this.received.length}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.received;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A port that nothing listens on (yet): a receiver that is down. */
export async function reservePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Polls until `check` returns a value, or fails after the timeout. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
