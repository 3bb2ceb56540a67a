import type { Ranking } from '@swarm/contracts';
import type { ModelClient } from '@swarm/models';
import type { ReportNarrative } from '../domain/report-narrative.js';
import type { CommunicationsBrain } from './communications-brain.js';
import { WRITE_REPORT_PROMPT } from './prompts/write-report.prompt.js';
import { writeReportInput } from './write-report-input.js';
import { WriteReportOutput } from './write-report-output.js';
import { writeReportErrors } from './write-report-rules.js';

/**
 * The model-backed writer: a model writes the report's summary and a paragraph per ranked tool
 * (`communications.write-report@1`), each sentence citing the tool's sources as `[Sn]` and every number
 * checked against the ranking. A ranking with no tool gets no narrative (no call). With
 * `SWARM_MODEL_FALLBACK=builtin` a model that fails for good is replaced by `builtin` (no narrative), and the
 * fallback is recorded in the usage the report lists.
 */
export class ModelCommunicationsBrain implements CommunicationsBrain {
  constructor(
    private readonly client: ModelClient,
    private readonly builtin: CommunicationsBrain,
  ) {}

  /**
   * @throws ModelOutputError when the narrative stays invalid after the corrections (without fallback).
   * @throws ModelCallError when the provider fails (retryable ones are never answered by the builtin).
   */
  write(ranking: Ranking, goalText: string, signal?: AbortSignal): Promise<ReportNarrative | undefined> {
    if (ranking.ranked.length === 0) return this.builtin.write(ranking, goalText, signal);
    const input = writeReportInput(ranking, goalText);
    return this.client.invokeAgent('communications', () =>
      this.client.withFallback(
        async (): Promise<ReportNarrative | undefined> => {
          const output = await this.client.generateChecked({
            prompt: WRITE_REPORT_PROMPT,
            input,
            schema: WriteReportOutput,
            validate: (answer) => writeReportErrors(answer, input),
            ...(signal ? { signal } : {}),
          });
          const paragraphs = new Map(output.tools.map((tool) => [tool.candidateId, tool.paragraph.trim()]));
          return {
            summary: output.summary.trim(),
            tools: input.tools.map((tool) => ({
              candidateId: tool.candidateId,
              paragraph: paragraphs.get(tool.candidateId) ?? '',
            })),
            sources: input.sources,
            writtenBy: { model: this.client.id, promptVersion: WRITE_REPORT_PROMPT.version },
          };
        },
        () => this.builtin.write(ranking, goalText, signal),
      ),
    );
  }
}
