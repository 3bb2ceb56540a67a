import type { ReadPacket, WritePacket } from '@nestjs/microservices';
import { ClientProxy } from '@nestjs/microservices';
import type { PublishAck } from '../bus/bus-connection.js';
import { SwarmClient } from '../client/swarm-client.js';
import { NotConnectedError } from '../errors.js';
import type { OutboundMessage } from '../queue/queue-binding.js';
import type { TransportSettings } from '../settings.js';
import type { BusTopology } from '../topology.js';

/**
 * A Nest `ClientProxy` that publishes swarm messages to JetStream: `client.emit(subject, message)` publishes
 * with `Nats-Msg-Id = message.messageId` and completes on the PubAck; a `goal.submitted` goes through
 * `SwarmClient.submitGoal` and errors with SwarmFullError when the swarm is full. Work queues have no replies, so
 * `client.send()` errors; follow a goal through its events instead (`SwarmClient.followEvents`).
 */
export class JetStreamClientProxy extends ClientProxy {
  private client: SwarmClient | undefined;

  constructor(
    private readonly settings: TransportSettings,
    private readonly topology: BusTopology,
  ) {
    super();
  }

  async connect(): Promise<SwarmClient> {
    this.client ??= await SwarmClient.connect(this.settings, this.topology);
    return this.client;
  }

  async close(): Promise<void> {
    await this.client?.close();
    this.client = undefined;
  }

  unwrap<T>(): T {
    if (!this.client) throw new NotConnectedError('unwrap the client');
    return this.client as T;
  }

  protected async dispatchEvent<T = PublishAck>(packet: ReadPacket<OutboundMessage['message']>): Promise<T> {
    const client = await this.connect();
    const subject = typeof packet.pattern === 'string' ? packet.pattern : JSON.stringify(packet.pattern);
    const outbound = { subject, message: packet.data };
    // A new goal goes through the door (SwarmFullError when the swarm is full); anything else is published.
    const ack =
      packet.data.type === 'goal.submitted' ? client.submitGoal(outbound) : client.publish(outbound);
    return (await ack) as T;
  }

  protected publish(_packet: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    callback({
      err: new Error('request-response is not supported on work queues: use emit() and follow the events'),
    });
    return () => undefined;
  }
}
