import type { NatsConnection } from '@nats-io/transport-node';
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { Objm } from '@nats-io/obj';
import { passwordOf } from './nats-server.js';

/** What the server did with a probe: let it through, or refuse it. */
export type ProbeOutcome = 'allowed' | 'refused';

/**
 * A raw NATS client logged in with one user of the shipped config: what an attacker holding that credential
 * could do, without the swarm's transport in between. Replies come back on the user's own inbox prefix.
 */
export class ProbeClient {
  private constructor(
    readonly user: string,
    private readonly nc: NatsConnection,
  ) {}

  static async open(url: string, user: string): Promise<ProbeClient> {
    const nc = await connect({
      servers: url,
      user,
      pass: passwordOf(user),
      inboxPrefix: `_INBOX_${user}`,
      name: `probe-${user}`,
    });
    return new ProbeClient(user, nc);
  }

  /** Runs an operation; refused when it throws (a permission violation surfaces as an error or a timeout). */
  private async attempt(operation: () => Promise<unknown>): Promise<ProbeOutcome> {
    try {
      await operation();
      return 'allowed';
    } catch {
      return 'refused';
    }
  }

  /** Puts a goal-context key (`<goalId>.<key>`) in the goals bucket. */
  putContext(key: string, value: unknown): Promise<ProbeOutcome> {
    return this.attempt(async () => {
      const kv = await new Kvm(jetstream(this.nc, { timeout: 2_000 })).open('swarm-goals');
      await kv.put(key, JSON.stringify(value));
    });
  }

  /** Reads a goal-context key's raw value (undefined when absent). */
  async readContext(key: string): Promise<string | undefined> {
    const kv = await new Kvm(jetstream(this.nc, { timeout: 2_000 })).open('swarm-goals');
    const entry = await kv.get(key);
    return entry && entry.operation === 'PUT' ? entry.string() : undefined;
  }

  /** Stores an object in a bucket (a rewrite of an existing one purges its old chunks). */
  putObject(bucket: string, name: string, text: string): Promise<ProbeOutcome> {
    return this.attempt(async () => {
      const store = await new Objm(jetstream(this.nc, { timeout: 2_000 })).open(bucket);
      await store.putBlob({ name }, new TextEncoder().encode(text));
    });
  }

  /** Reads an object's text (undefined when absent). */
  async readObject(bucket: string, name: string): Promise<string | undefined> {
    const store = await new Objm(jetstream(this.nc, { timeout: 2_000 })).open(bucket);
    const bytes = await store.getBlob(name);
    return bytes ? new TextDecoder().decode(bytes) : undefined;
  }

  /** Purges a whole stream. */
  purgeStream(stream: string): Promise<ProbeOutcome> {
    return this.attempt(async () => {
      const jsm = await jetstreamManager(this.nc, { timeout: 2_000 });
      await jsm.streams.purge(stream);
    });
  }

  /** Deletes a whole stream. */
  deleteStream(stream: string): Promise<ProbeOutcome> {
    return this.attempt(async () => {
      const jsm = await jetstreamManager(this.nc, { timeout: 2_000 });
      await jsm.streams.delete(stream);
    });
  }

  /** Publishes a JSON message into a stream and waits for the stream's ack. */
  publish(subject: string, message: unknown, messageId?: string): Promise<ProbeOutcome> {
    return this.attempt(() =>
      jetstream(this.nc, { timeout: 2_000 }).publish(subject, JSON.stringify(message), {
        ...(messageId ? { msgID: messageId } : {}),
      }),
    );
  }

  /**
   * Subscribes to a subject for a moment: refused when the server answers with a permission violation for it
   * (the subscription closes with an error), allowed when it is still open after a round trip.
   */
  subscribe(subject: string): Promise<ProbeOutcome> {
    return new Promise<ProbeOutcome>((resolve) => {
      const sub = this.nc.subscribe(subject, {
        callback: (error) => {
          if (error) resolve('refused');
        },
      });
      void sub.closed.then((error) => resolve(error ? 'refused' : 'allowed'));
      void this.nc
        .flush()
        .then(() => new Promise((wait) => setTimeout(wait, 300)))
        .then(() => {
          if (!sub.isClosed()) {
            sub.unsubscribe();
            resolve('allowed');
          }
        });
    });
  }

  close(): Promise<void> {
    return this.nc.close();
  }
}
