import type { EvalSwarm, EvaluationReport } from '../src/index.js';
import { evaluate, publicJudgedSet, startEvalSwarm } from '../src/index.js';

// The quick form of `npm run eval`: three goals of the public set (a topic, a paraphrase, an unanswerable one)
// through a real swarm. It asserts that the evaluation ran and scored, never what it scored.
const QUICK_GOALS = ['mcp-sdk', 'long-term-recall', 'charting'];

let swarm: EvalSwarm;
let report: EvaluationReport;

beforeAll(async () => {
  swarm = await startEvalSwarm();
  const goals = publicJudgedSet().goals.filter((goal) => QUICK_GOALS.includes(goal.id));
  report = await evaluate(swarm.client, goals, { timeoutMs: 120_000 });
}, 300_000);

afterAll(async () => {
  await swarm?.stop();
});

describe('the evaluation on a real swarm', () => {
  it('runs every chosen goal to its end', () => {
    expect(report.goals.map((g) => g.goal.id)).toEqual(QUICK_GOALS);
    for (const { run } of report.goals) expect(['delivered', 'nothing-found']).toContain(run.outcome);
  });

  it('reads what each answerable goal returned and scores it in [0, 1]', () => {
    for (const { goal, run, score } of report.goals.filter((g) => g.goal.kind !== 'unanswerable')) {
      expect(run.ranked.length).toBeLessThanOrEqual(goal.topN);
      for (const value of [score.ndcg, score.precision]) {
        expect(value).toEqual(expect.any(Number));
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
    }
  });

  it('judges the honesty of the unanswerable goal and averages over the answerable ones', () => {
    const charting = report.goals.find((g) => g.goal.id === 'charting')!;
    expect(charting.score.honest).toEqual(expect.any(Boolean));
    expect(report.summary).toMatchObject({ goals: 3, unanswerable: 1 });
    expect(report.summary.meanNdcg).toBeGreaterThanOrEqual(0);
    expect(report.summary.meanNdcg).toBeLessThanOrEqual(1);
  });
});
