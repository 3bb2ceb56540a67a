import type { BaseCheckpointSaver } from '@langchain/langgraph';
import { Annotation, END, Send, START, StateGraph } from '@langchain/langgraph';
import type { StageMessage } from '../pipeline/stage-message.js';
import type { Stage } from '../pipeline/stages.js';
import { fanOutScrapes } from './fan-out-join.js';

/** The graph's state: the message entering the next node (the last value wins; each step checkpoints it). */
export const PipelineState = Annotation.Root({
  message: Annotation<StageMessage>(),
  /** What the fanned-out scrapes handed off (fan-out only): each `Send` branch appends, the rank node joins. */
  scraped: Annotation<StageMessage[]>({ reducer: (all, more) => all.concat(more), default: () => [] }),
});

/**
 * The pipeline as a LangGraph graph, the way its docs build one: a `StateGraph` of four nodes (search, scrape,
 * rank, report) chained by edges from `START` to `END`, each node replacing the state's message with its
 * hand-off, compiled with `checkpointer` so every super-step is checkpointed under the invocation's `thread_id`.
 */
export function buildPipelineGraph(
  step: (stage: Stage, received: StageMessage) => Promise<StageMessage>,
  checkpointer: BaseCheckpointSaver,
) {
  const node = (stage: Stage) => async (state: typeof PipelineState.State) => ({
    message: await step(stage, state.message),
  });
  return new StateGraph(PipelineState)
    .addNode('search', node('search'))
    .addNode('scrape', node('scrape'))
    .addNode('rank', node('rank'))
    .addNode('report', node('report'))
    .addEdge(START, 'search')
    .addEdge('search', 'scrape')
    .addEdge('scrape', 'rank')
    .addEdge('rank', 'report')
    .addEdge('report', END)
    .compile({ checkpointer });
}

/**
 * The fan-out form of the graph, the way LangGraph's docs write map-reduce: after `search`, a conditional edge
 * returns one `Send('scrape', ...)` per scrape (`fanOut` node invocations in one super-step, each checkpointed as a
 * pending write), their hand-offs gather in the `scraped` channel, and `rank` runs once when all have finished.
 */
export function buildFanOutGraph(
  step: (stage: Stage, received: StageMessage) => Promise<StageMessage>,
  checkpointer: BaseCheckpointSaver,
  fanOut: number,
) {
  type State = typeof PipelineState.State;
  return new StateGraph(PipelineState)
    .addNode('search', async (state: State) => ({ message: await step('search', state.message) }))
    .addNode('scrape', async (state: State) => ({ scraped: [await step('scrape', state.message)] }))
    .addNode('rank', async (state: State) => ({ message: await step('rank', state.scraped[0]!) }))
    .addNode('report', async (state: State) => ({ message: await step('report', state.message) }))
    .addEdge(START, 'search')
    .addConditionalEdges(
      'search',
      (state: State) =>
        fanOutScrapes(state.message, fanOut).map((scrape) => new Send('scrape', { message: scrape })),
      ['scrape'],
    )
    .addEdge('scrape', 'rank')
    .addEdge('rank', 'report')
    .addEdge('report', END)
    .compile({ checkpointer });
}

/** The compiled graph. */
export type PipelineGraph = ReturnType<typeof buildPipelineGraph>;
