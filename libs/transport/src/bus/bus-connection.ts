import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { MsgHdrs, NatsConnection } from '@nats-io/transport-node';
import { connect, headers as createHeaders } from '@nats-io/transport-node';
import type { TransportSettings } from '../settings.js';
import type { HeaderRecord } from './codec.js';
import { connectError, jetstreamError } from './connect-error.js';
import { natsConnectOptions } from './connect-options.js';
import type { ServerFeatures } from './server-features.js';
import { serverFeatures } from './server-features.js';

/** Publish acknowledgement of a JetStream publish. */
export interface PublishAck {
  readonly stream: string;
  readonly seq: number;
  readonly duplicate: boolean;
}

/**
 * One connection to NATS with its JetStream client and manager. Reconnects forever (a broker restart is a
 * pause, not a crash); `close()` drains first.
 */
export class BusConnection {
  private constructor(
    readonly nc: NatsConnection,
    readonly js: JetStreamClient,
    readonly jsm: JetStreamManager,
    readonly features: ServerFeatures,
  ) {}

  /**
   * Connects (user/password, token or credentials file; TLS when the settings ask for it; replies under
   * `natsInboxPrefix`) and checks that JetStream is enabled.
   *
   * @throws {InvalidSettingsError} when a credentials or TLS file cannot be read (naming its variable).
   * @throws {Error} a clear one when no server answers ("cannot reach nats at ..."), the TLS handshake fails
   *   ("tls handshake failed with nats at ..."), the server refuses the credentials ("... Authorization
   *   Violation") or JetStream is off.
   */
  static async open(settings: TransportSettings, name: string): Promise<BusConnection> {
    const options = await natsConnectOptions(settings, name);
    let nc: NatsConnection;
    try {
      nc = await connect(options);
    } catch (error) {
      throw connectError(settings, error);
    }
    const jsm = await jetstreamManager(nc, { timeout: 10_000 }).catch(async (error: unknown) => {
      await nc.close();
      throw jetstreamError(settings, error);
    });
    const js = jetstream(nc, { timeout: 10_000 });
    return new BusConnection(nc, js, jsm, serverFeatures(nc.info?.version ?? '0.0.0'));
  }

  /** Publishes to a stream and waits for its PubAck. `messageId` becomes `Nats-Msg-Id` (de-duplication). */
  async publish(
    subject: string,
    data: Uint8Array,
    messageId: string,
    headers: HeaderRecord = {},
  ): Promise<PublishAck> {
    const ack = await this.js.publish(subject, data, { msgID: messageId, headers: toMsgHdrs(headers) });
    return { stream: ack.stream, seq: ack.seq, duplicate: ack.duplicate };
  }

  /** Drains subscriptions, flushes, and closes. Safe to call twice. */
  async close(): Promise<void> {
    if (this.nc.isClosed()) return;
    try {
      await this.nc.drain();
    } catch {
      await this.nc.close();
    }
  }
}

/** Turns a header record into NATS headers. */
export function toMsgHdrs(record: HeaderRecord): MsgHdrs {
  const hdrs = createHeaders();
  for (const [name, values] of Object.entries(record)) {
    for (const value of values) hdrs.append(name, value);
  }
  return hdrs;
}

/** Turns NATS headers into a plain record. */
export function fromMsgHdrs(hdrs: MsgHdrs | undefined): HeaderRecord {
  const record: HeaderRecord = {};
  if (!hdrs) return record;
  for (const name of hdrs.keys()) record[name] = hdrs.values(name);
  return record;
}
