import type { RuntimeHealth } from '@swarm/transport';
import type { AgentProfile } from './agent-profile.js';
import { startHealthServer } from './health-server.js';

const profile: AgentProfile = { kind: 'scraper', role: 'r', goal: 'g', tools: [] };

describe('health endpoint', () => {
  it('is live always and ready only when connected with every consumer bound', async () => {
    let health: RuntimeHealth = { connected: false, ready: false, serverVersion: 'unknown', queues: [] };
    const server = await startHealthServer({
      host: '127.0.0.1',
      port: 0,
      profile,
      instanceId: 'scraper-1',
      health: () => health,
    });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const notReady = await fetch(`${base}/readyz`);
      expect(notReady.status).toBe(503);
      expect(await notReady.json()).toMatchObject({ agent: 'scraper', instance: 'scraper-1', ready: false });

      health = {
        connected: true,
        ready: true,
        serverVersion: '2.9.10',
        queues: [{ queue: 'scrape', bound: true, inFlight: 1 }],
      };
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({
        model: 'builtin',
        queues: [{ queue: 'scrape', inFlight: 1 }],
      });
      expect((await fetch(`${base}/nope`)).status).toBe(404);
      expect((await fetch(`${base}/readyz`, { method: 'POST' })).status).toBe(405);
    } finally {
      await server.close();
    }
  });
});
