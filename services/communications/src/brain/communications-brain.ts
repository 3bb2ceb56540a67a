import type { Ranking } from '@swarm/contracts';
import type { ReportNarrative } from '../domain/report-narrative.js';

/**
 * The communications agent's thinking: the prose of the report. The handler gets one through DI
 * (`TOKENS.brain`) and never knows which: `BuiltinCommunicationsBrain` writes none (the report is the
 * rendered ranking alone), `ModelCommunicationsBrain` has a model write a summary and a paragraph per ranked
 * tool in which every sentence cites its sources.
 */
export interface CommunicationsBrain {
  /**
   * The narrative of the report of `ranking` for the goal `goalText`, or undefined for none.
   * @throws ModelOutputError / ModelCallError from a model-backed brain (the transport settles them).
   */
  write(ranking: Ranking, goalText: string, signal?: AbortSignal): Promise<ReportNarrative | undefined>;
}
