/** A numbered source a narrative cites as `[S3]`: one URL of a ranked tool and the facts taken from it. */
export interface NarrativeSource {
  /** `S1`, `S2`, ... */
  readonly id: string;
  /** The ranked tool the source belongs to. */
  readonly candidateId: string;
  readonly url: string;
  readonly facts: readonly string[];
}

/** One ranked tool's paragraph. */
export interface ToolParagraph {
  readonly candidateId: string;
  readonly paragraph: string;
}

/**
 * Prose a model wrote for the report: a summary and one paragraph per ranked tool, in which every sentence
 * cites its sources inline as `[Sn]`. The renderers turn each citation into a link to the source's URL.
 */
export interface ReportNarrative {
  readonly summary: string;
  readonly tools: readonly ToolParagraph[];
  readonly sources: readonly NarrativeSource[];
  /** Who wrote it: the model id (`<provider>:<model>`) and the prompt version. */
  readonly writtenBy: { readonly model: string; readonly promptVersion: string };
}
