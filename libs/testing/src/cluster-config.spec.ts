import { renderClusterNodeConfig } from './cluster-config.js';

const node = {
  serverName: 'c1_n1',
  clusterName: 'c1',
  port: 4001,
  monitorPort: 8001,
  clusterPort: 6001,
  storeDir: '/tmp/swarm "store"',
  routePorts: [6002, 6003],
};

describe('renderClusterNodeConfig', () => {
  const config = renderClusterNodeConfig(node);

  it('names the server and the cluster, which JetStream clustering requires', () => {
    expect(config).toContain('server_name: "c1_n1"');
    expect(config).toMatch(/cluster \{\n {2}name: "c1"/);
  });

  it('binds client, monitoring and route listeners to loopback only', () => {
    expect(config).toContain('listen: "127.0.0.1:4001"');
    expect(config).toContain('http: "127.0.0.1:8001"');
    expect(config).toContain('listen: "127.0.0.1:6001"');
  });

  it('routes to every other node and not to itself', () => {
    expect(config).toContain('"nats-route://127.0.0.1:6002"');
    expect(config).toContain('"nats-route://127.0.0.1:6003"');
    expect(config).not.toContain('nats-route://127.0.0.1:6001');
  });

  it('quotes the store dir so spaces and quotes survive', () => {
    expect(config).toContain('store_dir: "/tmp/swarm \\"store\\""');
  });
});
