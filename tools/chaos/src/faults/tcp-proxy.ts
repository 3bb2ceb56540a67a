import type { Server, Socket } from 'node:net';
import { connect, createServer } from 'node:net';

/** What the proxy does with traffic right now. */
export type ProxyState = 'forwarding' | 'frozen' | 'cut';

interface Pair {
  readonly client: Socket;
  readonly upstream: Socket;
}

/**
 * A TCP proxy on 127.0.0.1 between one agent and the NATS server, with a switch to partition it:
 * - `freeze()` stops forwarding in both directions but keeps the sockets open (bytes wait in the buffers, as on a
 *   link that silently drops), and refuses new connections;
 * - `cut()` destroys every connection and refuses new ones (the agent sees the server gone);
 * - `heal()` forwards again (frozen connections resume where they stopped) and accepts connections.
 */
export class TcpProxy {
  private state: ProxyState = 'forwarding';
  private readonly pairs = new Set<Pair>();
  private accepted = 0;
  private refused = 0;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  /** Listens on a random loopback port, forwarding to `target`. */
  static async start(target: { readonly host: string; readonly port: number }): Promise<TcpProxy> {
    const holder: { proxy?: TcpProxy } = {};
    const server = createServer((client) => holder.proxy?.onConnection(client, target));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('tcp proxy has no port');
    holder.proxy = new TcpProxy(server, address.port);
    return holder.proxy;
  }

  /** The NATS URL to give the agent behind the proxy. */
  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  get mode(): ProxyState {
    return this.state;
  }

  /** Connections accepted and forwarded, and connections refused while partitioned. */
  get counts(): { readonly accepted: number; readonly refused: number; readonly open: number } {
    return { accepted: this.accepted, refused: this.refused, open: this.pairs.size };
  }

  freeze(): void {
    if (this.state !== 'forwarding') return;
    this.state = 'frozen';
    for (const { client, upstream } of this.pairs) {
      client.unpipe(upstream);
      upstream.unpipe(client);
      client.pause();
      upstream.pause();
    }
  }

  cut(): void {
    this.state = 'cut';
    for (const pair of [...this.pairs]) this.drop(pair);
  }

  heal(): void {
    if (this.state === 'frozen') {
      for (const { client, upstream } of this.pairs) {
        client.pipe(upstream);
        upstream.pipe(client);
      }
    }
    this.state = 'forwarding';
  }

  /** Destroys every connection and stops listening. */
  async close(): Promise<void> {
    this.state = 'cut';
    for (const pair of [...this.pairs]) this.drop(pair);
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onConnection(client: Socket, target: { readonly host: string; readonly port: number }): void {
    if (this.state !== 'forwarding') {
      this.refused += 1;
      client.destroy();
      return;
    }
    this.accepted += 1;
    const upstream = connect(target.port, target.host);
    const pair: Pair = { client, upstream };
    this.pairs.add(pair);
    const end = () => this.drop(pair);
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream);
    upstream.pipe(client);
  }

  private drop(pair: Pair): void {
    if (!this.pairs.delete(pair)) return;
    pair.client.destroy();
    pair.upstream.destroy();
  }
}
