import net from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

const SSL_REQUEST_CODE = 80877103;
const CANCEL_REQUEST_CODE = 80877102;
const PROTOCOL_3 = 196608;
/** Frontend messages that end a unit of work: Sync (extended protocol), Query (simple), Terminate. */
const UNIT_END = new Set(['S', 'Q', 'X']);

/**
 * Serves one PGlite over the Postgres wire protocol to many connections, safely.
 *
 * PGlite is a single session: its unnamed statement and portal are shared. So each client's
 * messages are run as whole units (everything up to Sync or Query) with no other client's
 * messages in between, and a client inside a transaction keeps PGlite to itself until the
 * transaction ends. (pglite-socket's own multiplexer interleaves single messages, which lets one
 * connection's Parse replace another's between its Parse and Execute.)
 */
export class PgliteWireServer {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private pending: { connection: object; socket: net.Socket; messages: Buffer[] }[] = [];
  private running = false;
  /** The connection holding an open transaction, if any: only its units run until it ends. */
  private owner: object | undefined;

  constructor(private readonly db: PGlite) {
    this.server = net.createServer((socket) => this.serve(socket));
  }

  async listen(host = '127.0.0.1', port = 0): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    return (this.server.address() as net.AddressInfo).port;
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  private serve(socket: net.Socket): void {
    const connection = {};
    let buffer = Buffer.alloc(0);
    let started = false;
    let unit: Buffer[] = [];
    this.sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.sockets.delete(socket);
      void this.release(connection);
    });
    socket.on('data', (data) => {
      buffer = Buffer.concat([buffer, data]);
      for (;;) {
        if (!started) {
          if (buffer.length < 8) return;
          const length = buffer.readInt32BE(0);
          const code = buffer.readInt32BE(4);
          if (buffer.length < length) return;
          const message = buffer.subarray(0, length);
          buffer = buffer.subarray(length);
          if (code === SSL_REQUEST_CODE) {
            socket.write('N');
            continue;
          }
          if (code === CANCEL_REQUEST_CODE) return void socket.end();
          if (code !== PROTOCOL_3) return void socket.destroy();
          started = true;
          this.enqueue(connection, socket, [message]);
          continue;
        }
        if (buffer.length < 5) return;
        const length = 1 + buffer.readInt32BE(1);
        if (buffer.length < length) return;
        const message = buffer.subarray(0, length);
        const type = String.fromCharCode(message[0]!);
        buffer = buffer.subarray(length);
        if (type === 'X') return void socket.end();
        unit.push(message);
        if (UNIT_END.has(type)) {
          this.enqueue(connection, socket, unit);
          unit = [];
        }
      }
    });
  }

  /** Units run one at a time, in arrival order, except that an open transaction's owner goes first. */
  private enqueue(connection: object, socket: net.Socket, messages: Buffer[]): void {
    this.pending.push({ connection, socket, messages });
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const index = this.owner ? this.pending.findIndex((u) => u.connection === this.owner) : 0;
        const unit = index >= 0 ? this.pending.splice(index, 1)[0] : undefined;
        if (!unit) return;
        for (const message of unit.messages) {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(new Uint8Array(message), {
              onRawData: (bytes) => {
                if (unit.socket.writable) unit.socket.write(bytes);
              },
            }),
          );
        }
        this.owner = this.db.isInTransaction() ? unit.connection : undefined;
      }
    } finally {
      this.running = false;
    }
  }

  /** A connection that goes away drops its queued units and, if it held a transaction, rolls it back. */
  private async release(connection: object): Promise<void> {
    this.pending = this.pending.filter((u) => u.connection !== connection);
    if (this.owner !== connection) return;
    await this.db.exec('ROLLBACK').catch(() => undefined);
    this.owner = undefined;
    void this.pump();
  }
}
