import { access } from 'node:fs/promises';
import { connect } from 'node:net';

import type { NatsClusterHandle } from './nats-cluster-handle.js';
import type { NatsServerHandle } from './nats-server-handle.js';
import { startNatsCluster } from './start-nats-cluster.js';
import { waitFor } from './wait-for.js';

interface MetaCluster {
  readonly leader?: string;
  readonly cluster_size?: number;
}

async function metaCluster(node: NatsServerHandle): Promise<MetaCluster | undefined> {
  const response = await fetch(`${node.monitorUrl!}/jsz`);
  const jsz = (await response.json()) as { meta_cluster?: MetaCluster };
  return jsz.meta_cluster;
}

async function serverName(node: NatsServerHandle): Promise<string> {
  const response = await fetch(`${node.monitorUrl!}/varz`);
  return ((await response.json()) as { server_name: string }).server_name;
}

function acceptsConnection(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('startNatsCluster', () => {
  let cluster: NatsClusterHandle;

  beforeAll(async () => {
    cluster = await startNatsCluster({ size: 3 });
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  it('starts three nodes on distinct loopback ports and joins their urls for clients', async () => {
    expect(cluster.nodes).toHaveLength(3);
    expect(cluster.urls).toEqual(cluster.nodes.map((node) => node.url));
    expect(cluster.url).toBe(cluster.urls.join(','));
    expect(new Set(cluster.nodes.map((node) => node.port)).size).toBe(3);
    for (const node of cluster.nodes) {
      expect(node.url).toBe(`nats://127.0.0.1:${node.port}`);
      await expect(acceptsConnection(node.port)).resolves.toBe(true);
    }
  });

  it('has every node report the same elected jetstream meta leader for a group of three on /jsz', async () => {
    const views = await Promise.all(cluster.nodes.map(metaCluster));
    const leader = views[0]?.leader;
    expect(leader).toBeTruthy();
    for (const view of views) expect(view).toMatchObject({ leader, cluster_size: 3 });
  });

  it('elects a new meta leader when the leader node is killed, and takes the node back on restart', async () => {
    const names = await Promise.all(cluster.nodes.map(serverName));
    const oldLeader = (await metaCluster(cluster.nodes[0]!))!.leader!;
    const leaderNode = cluster.nodes[names.indexOf(oldLeader)]!;
    const survivors = cluster.nodes.filter((node) => node !== leaderNode);

    await leaderNode.kill();
    const newLeader = await waitFor(
      async () => {
        const views = await Promise.all(survivors.map(metaCluster));
        const leader = views[0]?.leader;
        return leader && leader !== oldLeader && views.every((view) => view?.leader === leader)
          ? leader
          : false;
      },
      { timeoutMs: 15_000, intervalMs: 100, description: 'a new meta leader among the surviving nodes' },
    );
    expect(newLeader).not.toBe(oldLeader);

    await leaderNode.restart();
    await waitFor(async () => (await metaCluster(leaderNode))?.leader === newLeader, {
      timeoutMs: 15_000,
      description: 'the restarted node to follow the new meta leader',
    });
  });
});

describe('startNatsCluster stopping', () => {
  it("removes every node's store dir and closes every port", async () => {
    const cluster = await startNatsCluster({ size: 2 });
    await cluster.stop();
    for (const node of cluster.nodes) {
      await expect(access(node.storeDir!)).rejects.toThrow();
      await expect(acceptsConnection(node.port)).resolves.toBe(false);
    }
  });

  it('rejects a size below two, which nats-server cannot cluster', async () => {
    await expect(startNatsCluster({ size: 1 })).rejects.toThrow(
      'cluster size must be an integer from 2 to 9, got 1',
    );
  });
});
