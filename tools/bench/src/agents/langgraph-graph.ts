import type { BaseCheckpointSaver } from '@langchain/langgraph';
import { Annotation, END, START, StateGraph } from '@langchain/langgraph';
import type { StageMessage } from '../pipeline/stage-message.js';
import type { Stage } from '../pipeline/stages.js';

/** The graph's state: the message entering the next node (the last value wins; each step checkpoints it). */
export const PipelineState = Annotation.Root({
  message: Annotation<StageMessage>(),
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

/** The compiled graph. */
export type PipelineGraph = ReturnType<typeof buildPipelineGraph>;
