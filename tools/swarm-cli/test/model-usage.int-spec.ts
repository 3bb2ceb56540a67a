import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DevStack } from '@swarm/local-stack';
import { parseScale, startDevStack } from '@swarm/local-stack';
import type { NatsServerHandle, ScriptedModelServer } from '@swarm/testing';
import { startNats, startScriptedModelServer } from '@swarm/testing';
import type { SwarmClient } from '@swarm/transport';
import { modelEnvByKind, parseModelFlags } from '../src/commands/model-flags.js';
import { summarizeUsage, toGoalEvents } from '@swarm/goal-views';
import { connectClient, EXIT_CODES, renderDeadLetter, runGoal } from '../src/index.js';
import { FAST_AGENT_ENV } from './e2e-harness.js';

const TOKENS_IN = 1_000;
const TOKENS_OUT = 100;

let nats: NatsServerHandle;
let model: ScriptedModelServer;
let stack: DevStack;
let client: SwarmClient;

beforeAll(async () => {
  nats = await startNats();
  // A model that never answers what the ranker asks for: its task is dead-lettered with what the model said.
  model = await startScriptedModelServer({
    responder: () => ({
      kind: 'json',
      value: { verdict: 'no grades today' },
      usage: { input: TOKENS_IN, output: TOKENS_OUT },
    }),
  });
  stack = await startDevStack({
    env: { ...process.env, NATS_URL: nats.url, SWARM_MODEL: undefined },
    scale: parseScale([]),
    stateDir: mkdtempSync(path.join(tmpdir(), 'swarm-model-e2e-')),
    agentEnv: {
      ...FAST_AGENT_ENV,
      SWARM_MODEL_BASE_URL: `${model.url}/v1`,
      SWARM_MODEL_MAX_CORRECTIONS: '1',
      SWARM_MODEL_FALLBACK: 'none',
      SWARM_MODEL_PRICE_INPUT_PER_MTOK: '1',
    },
    agentEnvByKind: modelEnvByKind(parseModelFlags(['ranker=openai-compatible:scripted'])),
  });
  client = await connectClient({ NATS_URL: nats.url });
}, 120_000);

afterAll(async () => {
  await client?.close();
  await stack?.stop();
  await model?.close();
  await nats?.stop();
});

describe('swarm with --model ranker=<provider:model>', () => {
  it('gives only the ranker the model, and shows what its attempts spent and why the output was refused', async () => {
    const printed: string[] = [];
    const result = await runGoal(
      client,
      'find top 3 agentic AI tools',
      { wait: true, timeout: 60_000 },
      (line) => printed.push(line),
    );
    expect(result.exitCode).toBe(EXIT_CODES.goalFailed);
    expect(model.requests.length).toBeGreaterThan(0);
    expect(new Set(model.requests.map((r) => r.model))).toEqual(new Set(['scripted']));

    const usage = summarizeUsage(toGoalEvents(await client.goalEvents(result.goalId)));
    expect(usage?.byAgent.map((a) => a.agent)).toEqual(['ranker']);
    const calls = usage?.total.calls ?? 0;
    expect(calls).toBeGreaterThan(0);
    expect(usage?.total).toMatchObject({
      models: ['openai-compatible:scripted'],
      inputTokens: calls * TOKENS_IN,
      outputTokens: calls * TOKENS_OUT,
      fallbacks: 0,
    });
    expect(usage?.total.costUsd).toBeCloseTo((calls * TOKENS_IN) / 1_000_000, 9);
    const output = printed.join('\n');
    expect(output).toMatch(
      /ranker@ranker-1 FAILED .*invalid-model-output.* · model openai-compatible:scripted · /,
    );
    expect(output).toMatch(/^usage {5}ranker {2}openai-compatible:scripted · 1 attempt · /m);

    const record = (await client.deadLetters('rank')).find((r) => r.goalId === result.goalId);
    expect(record?.reason.code).toBe('invalid-model-output');
    const shown = renderDeadLetter(record!);
    expect(shown).toMatch(/ {4}model: openai-compatible:scripted, prompt \S+/);
    expect(shown).toMatch(/ {4}errors \(\d+\):\n {6}- /);
    expect(shown).toContain('no grades today');
  });
});
