import type { Candidate, ScrapeTask } from '@swarm/contracts';
import { messageIds, SCHEMA_VERSION } from '@swarm/contracts';
import { scrapeTaskNotDue } from './scrape-due.js';

const candidate = (id: string): Candidate => ({
  id,
  name: id,
  summary: `${id} client`,
  url: `https://example.com/${id}`,
  keywords: ['nats'],
  monthlyDownloads: 10,
  searchScore: 1,
});
const candidates = [candidate('a'), candidate('b')];

const task = (index: number, overrides: Partial<ScrapeTask> = {}): ScrapeTask => ({
  type: 'task.scrape',
  schemaVersion: SCHEMA_VERSION,
  messageId: messageIds.scrapeTask('g1', index),
  goalId: 'g1',
  taskId: messageIds.scrapeTask('g1', index),
  causationId: 'g1/submitted/f',
  attempt: 1,
  timestamp: '2025-11-21T09:30:00.000Z',
  candidate: candidates[index]!,
  candidateIndex: index,
  candidateCount: candidates.length,
  ...overrides,
});

describe('scrapeTaskNotDue', () => {
  it("finds a task due when its candidate is the search's candidate at its index", () => {
    expect(scrapeTaskNotDue(task(1), candidates)).toBeUndefined();
    // Key order does not matter: the stored JSON and the task may list fields differently.
    const reordered = Object.fromEntries(Object.entries(candidates[0]!).reverse()) as Candidate;
    expect(scrapeTaskNotDue(task(0, { candidate: reordered }), candidates)).toBeUndefined();
  });

  it('refuses a task for a goal whose search never fanned out', () => {
    expect(scrapeTaskNotDue(task(0), undefined)).toBe(
      'goal g1 has no candidates: its search has not fanned out',
    );
  });

  it('refuses a page the search did not fan out to', () => {
    const forged = task(0, { candidate: { ...candidate('a'), url: 'https://attacker.example/a' } });
    expect(scrapeTaskNotDue(forged, candidates)).toBe(
      'candidate 0 of goal g1 is a, not a (https://attacker.example/a)',
    );
  });

  it('refuses a task that counts another fan-out or names an index beyond it', () => {
    expect(scrapeTaskNotDue(task(0, { candidateCount: 3 }), candidates)).toBe(
      "the task counts 3 candidates, goal g1's search fanned out 2",
    );
    expect(scrapeTaskNotDue(task(1), [candidates[0]!, candidate('c')])).toContain('is c, not b');
  });
});
