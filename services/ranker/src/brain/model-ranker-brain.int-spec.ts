import type { ModelUsage } from '@swarm/contracts';
import { inputOfMessage, ModelOutputError } from '@swarm/models';
import { scriptedModelClient } from '@swarm/models/testing';
import type { ScriptedModelServer } from '@swarm/testing';
import { startScriptedModelServer } from '@swarm/testing';
import { rankCandidates } from '../domain/rank-candidates.js';
import { twoCandidates } from '../domain/testing/rank-input.fixture.js';
import { BuiltinRankerBrain } from './builtin-ranker-brain.js';
import type { GradeRelevanceInput } from './grade-relevance-input.js';
import { ModelRankerBrain } from './model-ranker-brain.js';
import { GRADE_RELEVANCE_VERSION } from './prompts/grade-relevance.prompt.js';

describe('ModelRankerBrain against a scripted model server', () => {
  let server: ScriptedModelServer;
  let usages: ModelUsage[];

  beforeAll(async () => {
    server = await startScriptedModelServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    usages = [];
  });

  function brain(env: Record<string, string> = {}): ModelRankerBrain {
    const client = scriptedModelClient(`${server.url}/v1`, (usage) => usages.push(usage), env);
    return new ModelRankerBrain(client, new BuiltinRankerBrain());
  }

  const inputOf = (index: number): GradeRelevanceInput => {
    const content = server.requests[index]!.messages.find((m) => m.role === 'user')!.content;
    return inputOfMessage<GradeRelevanceInput>(content);
  };
  const lastUserMessage = (index: number) =>
    server.requests[index]!.messages.filter((m) => m.role === 'user').at(-1)!.content;

  const valid = {
    grades: [
      { candidateId: 'popular', grade: 0, rationale: 'An HTTP server, not a NATS client.', cites: ['F2'] },
      {
        candidateId: 'focused',
        grade: 3,
        rationale: 'A NATS JetStream client for work queues.',
        cites: ['F2'],
      },
    ],
  };

  it('ranks with the model grades for relevance and the measured rest, and counts the call', async () => {
    const before = server.requests.length;
    server.enqueue({ kind: 'json', value: valid });
    const ranking = await brain().rank(twoCandidates);
    expect(server.requests.length - before).toBe(1);
    const input = inputOf(before);
    expect(input.goal).toBe(twoCandidates.query);
    expect(input.candidates.map((c) => c.id)).toEqual(['popular', 'focused']);
    expect(input.candidates[1]!.facts['F6']).toBe('page claim: Pulls work from JetStream queues');
    expect(server.requests[before]!.messages[0]!.content).toContain(GRADE_RELEVANCE_VERSION);
    const focused = ranking.ranked.find((e) => e.candidate.id === 'focused')!;
    expect(focused.components.relevance).toMatchObject({
      score: 1,
      rationale: 'Graded 3 of 3 by the model: A NATS JetStream client for work queues.',
    });
    const measured = rankCandidates(twoCandidates).ranked.find((e) => e.candidate.id === 'focused')!;
    expect(focused.components.adoption).toEqual(measured.components.adoption);
    expect(usages).toEqual([
      expect.objectContaining({ calls: 1, promptVersions: [GRADE_RELEVANCE_VERSION] }),
    ]);
  });

  it('asks once more with the rule errors when a candidate is left ungraded, then uses the answer', async () => {
    const before = server.requests.length;
    server.enqueue({ kind: 'json', value: { grades: [valid.grades[1]] } }, { kind: 'json', value: valid });
    const ranking = await brain().rank(twoCandidates);
    expect(server.requests.length - before).toBe(2);
    expect(lastUserMessage(before + 1)).toContain(
      'candidate "popular" has no grade: grade every candidate exactly once',
    );
    // Graded 0, "popular" falls below the relevance floor: not ranked, listed as a near miss with the grade.
    expect(ranking.ranked.map((e) => e.candidate.id)).not.toContain('popular');
    expect(ranking.nearMisses?.[0]).toMatchObject({
      candidateId: 'popular',
      reason: expect.stringContaining('graded 0 of 3 by the model') as string,
    });
    expect(usages.map((u) => u.calls)).toEqual([1, 1]);
  });

  it('fails with ModelOutputError carrying the errors and the last output when every answer is invalid', async () => {
    const invalid = { grades: [{ ...valid.grades[0], cites: ['F99'] }, valid.grades[1]] };
    server.enqueue({ kind: 'json', value: invalid }, { kind: 'json', value: invalid });
    const error = await brain({ SWARM_MODEL_MAX_CORRECTIONS: '1' })
      .rank(twoCandidates)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelOutputError);
    const { model } = error as ModelOutputError;
    expect(model.promptVersion).toBe(GRADE_RELEVANCE_VERSION);
    expect(model.errors).toEqual(['the grade of "popular" cites F99, which is not one of its facts (F1-F6)']);
    expect(JSON.parse(model.lastOutput)).toEqual(invalid);
  });

  it('answers with the builtin ranking and records the fallback when the deployment allows it', async () => {
    const invalid = { grades: [] };
    server.enqueue({ kind: 'json', value: invalid }, { kind: 'json', value: invalid });
    const ranking = await brain({ SWARM_MODEL_MAX_CORRECTIONS: '1', SWARM_MODEL_FALLBACK: 'builtin' }).rank(
      twoCandidates,
    );
    expect(ranking).toEqual(rankCandidates(twoCandidates));
    const fallback = usages.find((u) => u.fallback !== undefined);
    expect(fallback?.fallback).toContain('invalid-model-output');
    expect(usages.filter((u) => u.calls === 1)).toHaveLength(2);
  });

  it('refuses a bad input before any model call', async () => {
    const before = server.requests.length;
    await expect(brain().rank({ ...twoCandidates, topN: 0 })).rejects.toMatchObject({
      code: 'invalid-input',
    });
    expect(server.requests.length).toBe(before);
  });
});
