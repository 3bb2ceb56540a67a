import { Agent, request } from 'node:http';

/** Idle sockets are dropped after this long, before the far side's keep-alive timeout can race a reuse. */
const FREE_SOCKET_TIMEOUT_MS = 4_000;

/**
 * A minimal JSON-over-HTTP/1.1 client for the drivers whose systems take goals over HTTP (LangGraph's worker,
 * Restate's ingress): one keep-alive agent without a socket limit, so up to the run's window of requests are
 * open at once, as a load balancer in front of them would see.
 */
export class HttpJsonClient {
  private readonly agent = new Agent({ keepAlive: true, timeout: FREE_SOCKET_TIMEOUT_MS });

  /**
   * POSTs `body` (JSON text) to `url` and resolves with the parsed JSON answer.
   * @throws {Error} naming the status and the answer when it is not 2xx, or the socket error.
   */
  post<T>(url: string, body: string, headers: Readonly<Record<string, string>> = {}): Promise<T> {
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(body)),
            ...headers,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const status = response.statusCode ?? 0;
            if (status < 200 || status >= 300) {
              reject(new Error(`POST ${url} answered ${status}: ${text.slice(0, 300)}`));
              return;
            }
            try {
              resolve(JSON.parse(text) as T);
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)));
            }
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** Closes every socket. */
  close(): void {
    this.agent.destroy();
  }
}
