import type { DevStack } from '@swarm/local-stack';
import {
  demoHeadline,
  describeAgents,
  describeGateway,
  describeStack,
  reportFilesLine,
} from './dev.command.js';
import { agentModels } from './model-flags.js';

const stack = {
  natsUrl: 'nats://127.0.0.1:4222',
  nats: { url: 'nats://127.0.0.1:4222', owned: false, stop: () => Promise.resolve() },
  docs: { url: 'http://127.0.0.1:33821' },
  agents: [{ kind: 'search' }, { kind: 'scraper' }, { kind: 'scraper' }, { kind: 'ranker' }],
  reportsDir: '.swarm/reports',
} as unknown as DevStack;

describe('describeStack', () => {
  it('names the brain of each agent next to its replicas', () => {
    expect(
      describeStack(stack, agentModels({ ranker: 'openai-compatible:llama3.1' }, {})).split('\n')[2],
    ).toBe('  agents  search x1 (builtin), scraper x2 (builtin), ranker x1 (openai-compatible:llama3.1)');
  });
});

describe('demoHeadline', () => {
  it('promises no keys and no network only when every agent is builtin', () => {
    expect(demoHeadline(agentModels({}, {}))).toBe(
      'starting the swarm on the embedded default (no API keys, no network)...',
    );
    const withModel = demoHeadline(agentModels({ scraper: 'openai:gpt-4.1-mini' }, {}));
    expect(withModel).not.toMatch(/no API keys|no network/);
    expect(withModel).toMatch(/model-backed agents/);
  });
});

describe('reportFilesLine', () => {
  it('names both report files of the goal, each with its full path', () => {
    expect(reportFilesLine('/home/me/.swarm/reports', 'g-1')).toBe(
      'report files: /home/me/.swarm/reports/g-1.md and /home/me/.swarm/reports/g-1.html',
    );
  });
});

describe('describeAgents', () => {
  it('gives each replica one line with its health and metrics URLs', () => {
    expect(
      describeAgents([
        { instance: 'search-1', healthPort: 41001 },
        { instance: 'communications-1', healthPort: 41002 },
        { instance: 'scraper-1', healthPort: undefined },
      ]),
    ).toEqual([
      '  search-1          health http://127.0.0.1:41001/readyz  metrics http://127.0.0.1:41001/metrics',
      '  communications-1  health http://127.0.0.1:41002/readyz  metrics http://127.0.0.1:41002/metrics',
      '  scraper-1         (no health endpoint)',
    ]);
  });
});

describe('describeGateway', () => {
  const gateway = {
    url: 'http://127.0.0.1:8080',
    port: 8080,
    token: 'tok-123',
    tokensFile: '/home/me/.swarm/gateway-tokens.json',
    fellBack: false,
  };

  it('prints the console URL and the login token on a line of its own', () => {
    const lines = describeGateway(gateway);
    expect(lines[0]).toBe('  console http://127.0.0.1:8080/ (API /api/v1, MCP /mcp, A2A /a2a)');
    expect(lines[1]).toBe('  login   tok-123');
    expect(lines[2]).toContain('/home/me/.swarm/gateway-tokens.json');
  });

  it('says when 8080 was taken and another port picked', () => {
    const lines = describeGateway({ ...gateway, url: 'http://127.0.0.1:41234', port: 41234, fellBack: true });
    expect(lines[0]).toBe(
      '  console http://127.0.0.1:41234/ (API /api/v1, MCP /mcp, A2A /a2a) (port 8080 is taken)',
    );
  });
});
