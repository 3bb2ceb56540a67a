import type { ModelUsage } from '@swarm/contracts';
import { addUsage } from './usage-meter.js';

const call = (overrides: Partial<ModelUsage> = {}): ModelUsage => ({
  model: 'openai:gpt-test',
  promptVersions: ['ranker.grade@1'],
  calls: 1,
  inputTokens: 100,
  outputTokens: 20,
  costUsd: 0.0001,
  ...overrides,
});

describe('addUsage', () => {
  it('starts the total from the first call', () => {
    expect(addUsage(undefined, call())).toEqual(call());
  });

  it('adds calls, tokens and cost, and merges prompt versions once each', () => {
    const total = addUsage(addUsage(undefined, call()), call({ promptVersions: ['ranker.grade@1', 'x@2'] }));
    expect(total).toEqual({
      model: 'openai:gpt-test',
      promptVersions: ['ranker.grade@1', 'x@2'],
      calls: 2,
      inputTokens: 200,
      outputTokens: 40,
      costUsd: 0.0002,
    });
  });

  it('keeps a fallback reason once one call reported it', () => {
    const total = addUsage(addUsage(undefined, call({ fallback: 'invalid-model-output' })), call());
    expect(total.fallback).toBe('invalid-model-output');
  });
});
