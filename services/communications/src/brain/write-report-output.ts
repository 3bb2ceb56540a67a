import { z } from 'zod';

/** Longest summary the rules accept (the schema's bound is looser, so the rules can say by how much). */
export const MAX_SUMMARY_CHARS = 1_200;
/** Longest tool paragraph the rules accept. */
export const MAX_PARAGRAPH_CHARS = 1_200;

/** One ranked tool's paragraph as the model answers it: every sentence cites sources inline as `[S3]`. */
export const ToolParagraphOutput = z.object({
  candidateId: z.string().min(1).max(300),
  paragraph: z.string().max(4_000),
});

/** The writing prompt's output: the report's summary and one paragraph per ranked tool. */
export const WriteReportOutput = z.object({
  summary: z.string().max(4_000),
  tools: z.array(ToolParagraphOutput).max(30),
});
/** The writing prompt's output. */
export type WriteReportOutput = z.infer<typeof WriteReportOutput>;
