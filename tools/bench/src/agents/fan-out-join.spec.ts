import { StageMessageSchema } from '../pipeline/stage-message.schema.js';
import type { JoinStore } from './fan-out-join.js';
import { fanOutScrapes, landInJoin } from './fan-out-join.js';

/** An in-memory join: the write-once keys of one goal. */
function memoryJoin(): JoinStore & { readonly keys: Set<number> } {
  const keys = new Set<number>();
  return {
    keys,
    create: (index) => Promise.resolve(!keys.has(index) && Boolean(keys.add(index))),
    has: (index) => Promise.resolve(keys.has(index)),
  };
}

describe('fanOutScrapes', () => {
  it('makes one scrape task per slot with its own id, each passing the schema the swarm validates', () => {
    const scrapes = fanOutScrapes({ goalId: 'g-1', messageId: 'g-1/search' }, 3);
    expect(scrapes.map((s) => s.messageId)).toEqual(['g-1/scrape/0', 'g-1/scrape/1', 'g-1/scrape/2']);
    expect(scrapes.map((s) => s.slot)).toEqual([
      { index: 0, count: 3 },
      { index: 1, count: 3 },
      { index: 2, count: 3 },
    ]);
    for (const scrape of scrapes) expect(StageMessageSchema.parse(scrape)).toEqual(scrape);
  });
});

describe('landInJoin', () => {
  it('emits the rank task once, from the scrape whose slot completes the join', async () => {
    const join = memoryJoin();
    const emitted = [];
    for (const index of [2, 0, 1]) emitted.push(await landInJoin(join, { index, count: 3 }, false));
    expect(emitted).toEqual([false, false, true]);
  });

  it('emits at once with a single slot', async () => {
    expect(await landInJoin(memoryJoin(), { index: 0, count: 1 }, false)).toBe(true);
  });

  it('emits again from a redelivery that finds the join complete, never from a late copy', async () => {
    const join = memoryJoin();
    for (const index of [0, 1]) await landInJoin(join, { index, count: 2 }, false);
    expect(await landInJoin(join, { index: 1, count: 2 }, true)).toBe(true);
    expect(await landInJoin(join, { index: 1, count: 2 }, false)).toBe(false);
  });
});
