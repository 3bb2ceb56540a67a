import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestPki } from '@swarm/testing';
import { uniqueName } from '@swarm/testing';
import type { TransportSettingsInput } from '../src/index.js';
import { isolatedTopology, parseTransportSettings, SwarmClient } from '../src/index.js';

/** A temp directory for certificates, JWTs and creds; `removeTempDirs` deletes them (afterAll). */
const dirs: string[] = [];
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `swarm-${prefix}-`));
  dirs.push(dir);
  return dir;
}
export function removeTempDirs(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** What a round trip read back. */
export interface RoundTrip {
  readonly publishedSeq: number;
  readonly events: readonly unknown[];
  readonly kvValue: unknown;
  readonly artifact: string | undefined;
}

/**
 * Connects a SwarmClient with these settings on an isolated topology (provisioning it), publishes an event and
 * reads it back from the stream, puts and gets a KV key and stores and reads an artifact, then closes.
 */
export async function roundTrip(settings: TransportSettingsInput): Promise<RoundTrip> {
  const { topology } = isolatedTopology(uniqueName('SEC'));
  const client = await SwarmClient.connect(parseTransportSettings(settings), topology, { provision: true });
  try {
    const goalId = 'g-secure';
    const ack = await client.publishRaw(
      topology.eventSubject(goalId, 'goal.submitted'),
      new TextEncoder().encode(JSON.stringify({ goalId, hello: 'tls' })),
      `${goalId}/submitted`,
    );
    const events = (await client.goalEvents(goalId)).map((message) => message.body);
    const goal = await client.goal(goalId);
    await goal.create('brief', { topic: 'agentic ai tools' });
    const kvValue = (await goal.get('brief'))?.value;
    await goal.putArtifact('ranking.json', '{"top":3}');
    const stored = await goal.getArtifact('ranking.json');
    return {
      publishedSeq: ack.seq,
      events,
      kvValue,
      artifact: stored === undefined ? undefined : new TextDecoder().decode(stored),
    };
  } finally {
    await client.close();
  }
}

/** The round trip every test expects on a working connection. */
export const EXPECTED_ROUND_TRIP: RoundTrip = {
  publishedSeq: 1,
  events: [{ goalId: 'g-secure', hello: 'tls' }],
  kvValue: { topic: 'agentic ai tools' },
  artifact: '{"top":3}',
};

/** Lines of a server log that report a permission or authorization violation. */
export function violations(log: readonly string[]): string[] {
  return log.filter((line) => /violation/i.test(line));
}

/** A nats-server `tls` block for the test PKI's server certificate, requiring a client certificate. */
export function serverTlsBlock(pki: TestPki): string {
  return [
    'tls {',
    `  cert_file: ${JSON.stringify(pki.server.cert)}`,
    `  key_file: ${JSON.stringify(pki.server.key)}`,
    `  ca_file: ${JSON.stringify(pki.ca)}`,
    '  verify: true',
    '}',
  ].join('\n');
}
