import { GoalId } from '@swarm/contracts';
import { builtinAgentEnv } from './eval-swarm.js';
import { evalGoalId } from './goal-runner.js';

describe('builtinAgentEnv', () => {
  it('drops every model setting so each agent uses its builtin brain', () => {
    const env = builtinAgentEnv({
      PATH: '/bin',
      SWARM_MODEL: 'openai:gpt-4.1-mini',
      SWARM_MODEL_API_KEY: 'k',
      SWARM_IN_FLIGHT: '2',
    });
    expect(env).toEqual({ PATH: '/bin', SWARM_IN_FLIGHT: '2' });
  });
});

describe('evalGoalId', () => {
  it('is a valid goal id naming the judged goal and the run', () => {
    const id = evalGoalId({ id: 'mcp-sdk' }, '20261206085300123');
    expect(id).toBe('eval-mcp-sdk-20261206085300123');
    expect(GoalId.safeParse(id).success).toBe(true);
  });
});
