import { EVENT_TYPES, QUEUES } from '../topology.js';
import { CONTEXT_KEYS } from '../artifacts.js';
import {
  CONTEXT_KEY_FAMILIES,
  EVENT_EMITTERS,
  mayEmit,
  roleOfContextKey,
  STAGE_ORDER,
  stageOf,
  writersOf,
} from './event-emitters.js';

describe('EVENT_EMITTERS', () => {
  it('names the emitters of every event type of the contract', () => {
    expect(Object.keys(EVENT_EMITTERS).sort()).toEqual([...EVENT_TYPES].sort());
  });

  it('lets only the operator submit goals and only communications announce approvals', () => {
    expect(EVENT_EMITTERS['goal.submitted']).toEqual(['operator']);
    for (const type of ['approval.requested', 'approval.granted', 'approval.rejected'] as const)
      expect(EVENT_EMITTERS[type]).toEqual(['report']);
  });
});

describe('mayEmit', () => {
  it('lets search complete a goal only with nothing found', () => {
    expect(mayEmit('search', 'goal.completed', 'nothing-found')).toBe(true);
    expect(mayEmit('search', 'goal.completed', 'delivered')).toBe(false);
    expect(mayEmit('search', 'goal.completed')).toBe(false);
  });

  it('lets communications complete a goal with a report outcome, and no one else', () => {
    expect(mayEmit('report', 'goal.completed', 'delivered')).toBe(true);
    expect(mayEmit('report', 'goal.completed', 'rejected')).toBe(true);
    expect(mayEmit('report', 'goal.completed', 'nothing-found')).toBe(true);
    expect(mayEmit('rank', 'goal.completed', 'delivered')).toBe(false);
    expect(mayEmit('rank', 'goal.completed', 'nothing-found')).toBe(false);
    expect(mayEmit('scrape', 'goal.completed', 'nothing-found')).toBe(false);
  });

  it('lets every agent queue fail a goal and emit task events, but not the operator', () => {
    for (const queue of STAGE_ORDER) {
      expect(mayEmit(queue, 'goal.failed')).toBe(true);
      expect(mayEmit(queue, 'task.claimed')).toBe(true);
    }
    expect(mayEmit('operator', 'goal.failed')).toBe(false);
    expect(mayEmit('operator', 'task.completed')).toBe(false);
  });

  it('refuses an unknown role or type', () => {
    expect(mayEmit('work', 'goal.failed')).toBe(false);
    expect(mayEmit('search', 'goal.exploded')).toBe(false);
  });
});

describe('STAGE_ORDER', () => {
  it('orders the contract queues search < scrape < rank < report', () => {
    expect([...STAGE_ORDER].sort()).toEqual(Object.keys(QUEUES).sort());
    expect(['search', 'scrape', 'rank', 'report'].map(stageOf)).toEqual([0, 1, 2, 3]);
    expect(stageOf('operator')).toBeUndefined();
  });
});

describe('the shared budget key', () => {
  it('is written by every agent and the operator, and attributed to no single role', () => {
    const family = CONTEXT_KEY_FAMILIES.find((candidate) => candidate.pattern === CONTEXT_KEYS.budget)!;
    expect([...writersOf(family)].sort()).toEqual(['operator', 'rank', 'report', 'scrape', 'search']);
    expect(roleOfContextKey(CONTEXT_KEYS.budget)).toBeUndefined();
  });
});

describe('roleOfContextKey', () => {
  it('attributes every key the swarm writes to its one writer', () => {
    expect(roleOfContextKey(CONTEXT_KEYS.spec)).toBe('search');
    expect(roleOfContextKey(CONTEXT_KEYS.candidates)).toBe('search');
    expect(roleOfContextKey(CONTEXT_KEYS.scrape(12))).toBe('scrape');
    expect(roleOfContextKey(CONTEXT_KEYS.approval)).toBe('report');
    expect(roleOfContextKey(CONTEXT_KEYS.effect('report', 'deliver', 'file'))).toBe('report');
    expect(roleOfContextKey('decision.alice')).toBe('approver');
    for (const queue of STAGE_ORDER) {
      expect(roleOfContextKey(CONTEXT_KEYS.end(queue))).toBe(queue);
      expect(roleOfContextKey(CONTEXT_KEYS.usage(queue, `g/${queue}/1`, 2))).toBe(queue);
    }
  });

  it('attributes no writer to a key outside every family', () => {
    expect(roleOfContextKey('scrape')).toBeUndefined();
    expect(roleOfContextKey('scrape.1.extra')).toBeUndefined();
    expect(roleOfContextKey('usage.bogus.t.1')).toBeUndefined();
    expect(roleOfContextKey('end.bogus')).toBeUndefined();
  });

  it('gives each family exactly one writer', () => {
    const patterns = CONTEXT_KEY_FAMILIES.map((family) => family.pattern);
    expect(new Set(patterns).size).toBe(patterns.length);
  });
});

describe('budget events', () => {
  it('lets any agent announce an exhausted budget and only the operator announce an addition', () => {
    for (const queue of ['search', 'scrape', 'rank', 'report'])
      expect(mayEmit(queue, 'budget.exhausted')).toBe(true);
    expect(mayEmit('operator', 'budget.exhausted')).toBe(false);
    expect(mayEmit('operator', 'budget.added')).toBe(true);
    expect(mayEmit('rank', 'budget.added')).toBe(false);
  });
});
