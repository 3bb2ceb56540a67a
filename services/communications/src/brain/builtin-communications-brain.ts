import type { ReportNarrative } from '../domain/report-narrative.js';
import type { CommunicationsBrain } from './communications-brain.js';

/**
 * The deterministic writer: no narrative, so the report is exactly the rendered ranking (comparison table,
 * a section per tool from the ranker's rationales, what is missing) and the goal's summary line is
 * `summarizeRanking`. No model, no network.
 */
export class BuiltinCommunicationsBrain implements CommunicationsBrain {
  write(): Promise<ReportNarrative | undefined> {
    return Promise.resolve(undefined);
  }
}
