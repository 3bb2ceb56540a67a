import type { DevStack } from '@swarm/local-stack';
import { demoHeadline, describeStack, reportFilesLine } from './dev.command.js';
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
