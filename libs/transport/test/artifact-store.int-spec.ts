import { Objm } from '@nats-io/obj';
import { ARTIFACTS } from '@swarm/contracts';
import type { ConfiguredNatsServer } from '@swarm/testing';
import { startConfiguredNats, uniqueName, waitFor } from '@swarm/testing';
import type { SwarmClient } from '../src/index.js';
import {
  isolatedTopology,
  parseTransportSettings,
  SwarmClient as Client,
  UnknownArtifactError,
} from '../src/index.js';

// `admin` provisions; `writer` may do anything but purge or delete, as an agent of the swarm.
const CONFIG = `
authorization {
  users: [
    { user: admin, password: admin-pw }
    {
      user: writer
      password: writer-pw
      permissions: {
        publish: {
          allow: [">"]
          deny: ["$JS.API.STREAM.PURGE.>", "$JS.API.STREAM.DELETE.>", "$JS.API.STREAM.MSG.DELETE.>"]
        }
        subscribe: { allow: [">"] }
      }
    }
  ]
}
`;

const { topology } = isolatedTopology(uniqueName('ART'));
const CHUNK = 128 * 1024;

let nats: ConfiguredNatsServer;
let admin: SwarmClient;
let writers: SwarmClient[];

const connect = (user: string, password: string, provision = false) =>
  Client.connect(
    parseTransportSettings({ natsUrl: nats.url, natsUser: user, natsPassword: password }),
    topology,
    {
      provision,
    },
  );

let sentinelCount = 0;

/**
 * Runs `fn` and returns the permission violations the server logged meanwhile. To know the log is read up to
 * the end of `fn`, it then makes one refused request of its own and waits for that line.
 */
async function violationsDuring(fn: () => Promise<void>): Promise<string[]> {
  const from = nats.log.length;
  await fn();
  // One sentinel per writer connection: the server handles one connection's messages in order, so each
  // connection's violations are logged before its sentinel (lines of different connections may interleave).
  const sentinels = writers.map(() => `$JS.API.STREAM.PURGE.SENTINEL_${++sentinelCount}`);
  for (const [i, writer] of writers.entries())
    await expect(writer.bus.nc.request(sentinels[i]!)).rejects.toThrow(/permissions violation/i);
  await waitFor(
    () => sentinels.every((sentinel) => nats.log.slice(from).some((line) => line.includes(sentinel))),
    { description: `the server log shows the refused ${sentinels.join(', ')}` },
  );
  const logged = nats.log.slice(from);
  const last = Math.max(...sentinels.map((s) => logged.findIndex((line) => line.includes(s))));
  return logged.slice(0, last).filter((line) => /violation/i.test(line) && !line.includes('SENTINEL_'));
}

const messagesIn = async (bucket: string) =>
  (await admin.bus.jsm.streams.info(`OBJ_${bucket}`)).state.messages;

beforeAll(async () => {
  nats = await startConfiguredNats({ config: CONFIG });
  admin = await connect('admin', 'admin-pw', true);
  writers = [await connect('writer', 'writer-pw'), await connect('writer', 'writer-pw')];
});

afterAll(async () => {
  await Promise.all([admin, ...writers].map((client) => client?.close()));
  await nats?.stop();
});

describe('artifacts', () => {
  it('keeps the first content when an artifact is put again, and never asks for a purge', async () => {
    const goal = await writers[0]!.goal('g-once');
    const first = new Uint8Array(2 * CHUNK + 10).fill(1);
    const before = await messagesIn(topology.artifactBuckets.artifacts);
    let results: unknown[] = [];
    const violations = await violationsDuring(async () => {
      results = [
        await goal.putArtifact(ARTIFACTS.ranking, first),
        await goal.putArtifact(ARTIFACTS.ranking, 'a second, shorter ranking'),
        await (await writers[1]!.goal('g-once')).putArtifact(ARTIFACTS.ranking, new Uint8Array(CHUNK * 4)),
      ];
    });
    expect(results).toEqual([
      { name: 'g-once/ranking.json', created: true },
      { name: 'g-once/ranking.json', created: false },
      { name: 'g-once/ranking.json', created: false },
    ]);
    expect(await goal.getArtifact(ARTIFACTS.ranking)).toEqual(first);
    // Three chunks and one meta message, from the first put only.
    expect((await messagesIn(topology.artifactBuckets.artifacts)) - before).toBe(4);
    expect(violations).toEqual([]);
  });

  it('would see a refused purge in the server log (the check above can fail)', async () => {
    const violations = await violationsDuring(async () => {
      await expect(
        writers[0]!.bus.jsm.streams.purge(`OBJ_${topology.artifactBuckets.artifacts}`),
      ).rejects.toThrow(/permissions violation/i);
    });
    expect(violations.join('\n')).toContain(`$JS.API.STREAM.PURGE.OBJ_${topology.artifactBuckets.artifacts}`);
    expect(await (await admin.goal('g-once')).getArtifact(ARTIFACTS.ranking)).toHaveLength(2 * CHUNK + 10);
  });

  it('stores the reports in the reports bucket and the ranking in the artifacts bucket', async () => {
    const goal = await writers[0]!.goal('g-where');
    await goal.putArtifact(ARTIFACTS.ranking, '{"ranked":[]}');
    await goal.putArtifact(ARTIFACTS.reportPreview, '# preview');
    await goal.putArtifact(ARTIFACTS.reportMarkdown, '# report');
    await goal.putArtifact(ARTIFACTS.reportHtml, '<h1>report</h1>');
    const objm = new Objm(admin.bus.nc);
    const names = async (bucket: string) =>
      (await (await objm.open(bucket)).list())
        .map((info) => info.name)
        .filter((name) => name.startsWith('g-where/'))
        .sort();
    expect(await names(topology.artifactBuckets.artifacts)).toEqual(['g-where/ranking.json']);
    expect(await names(topology.artifactBuckets.reports)).toEqual([
      'g-where/report.html',
      'g-where/report.md',
      'g-where/report.preview.md',
    ]);
    // Readers find each by the object name events and tasks carry.
    const reader = await writers[1]!.goal('g-where');
    expect(new TextDecoder().decode(await reader.getArtifact('g-where/report.md'))).toBe('# report');
    expect(new TextDecoder().decode(await reader.getArtifact('g-where/ranking.json'))).toBe('{"ranked":[]}');
  });

  it('ends racing writers of one new artifact with the one object that won, from every writer', async () => {
    const contents = ['first writer', 'second writer', 'third writer', 'fourth writer'];
    const results = await Promise.all(
      contents.map(async (content, i) =>
        (await writers[i % 2]!.goal('g-race')).putArtifact(ARTIFACTS.reportMarkdown, content),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    for (const result of results) expect(result.name).toBe('g-race/report.md');
    const winner = contents[results.findIndex((r) => r.created)];
    const stored = await (await admin.goal('g-race')).getArtifact(ARTIFACTS.reportMarkdown);
    expect(new TextDecoder().decode(stored)).toBe(winner);
  });

  it('refuses to store an artifact the contracts do not name, and finds none under such a name', async () => {
    const goal = await writers[0]!.goal('g-unknown');
    await expect(goal.putArtifact('report.bin', 'x')).rejects.toBeInstanceOf(UnknownArtifactError);
    await expect(goal.putArtifact('report.bin', 'x')).rejects.toMatchObject({
      code: 'unknown-artifact',
      retryable: false,
    });
    expect(await goal.getArtifact('report.bin')).toBeUndefined();
    expect(await goal.getArtifact('other-goal/ranking.json')).toBeUndefined();
  });
});
