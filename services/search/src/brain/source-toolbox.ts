import { LIMITS } from '@swarm/contracts';
import type { CheckedCall, ModelClient } from '@swarm/models';
import { z } from 'zod';
import { mergeHits } from '../sources/merge-hits.js';
import type { SourceFailure } from '../sources/search-all.js';
import type { SearchSource, SourceHit } from '../sources/search-source.js';
import { sourceToolNames } from './source-tools.js';

/** Longest package summary a tool answers the model with. */
const TOOL_SUMMARY_MAX_CHARS = 160;

/** What a source tool takes: the search terms, and how many hits (default `LIMITS.candidatesMax`). */
const SourceToolInput = z.object({
  terms: z.string().min(1).max(200).describe('search keywords, space-separated'),
  limit: z.int().min(1).max(LIMITS.candidatesMax).optional().describe('most packages to return'),
});

/** The tools one model call may use. */
type Tools = NonNullable<CheckedCall<unknown, unknown>['tools']>;

/**
 * The configured sources as model tools for one search (`search_corpus`, `search_feed_1`, ...): each call runs
 * `source.search`, keeps its hits here and answers the model with a compact `{ source, hits: [{ id, name,
 * summary }] }`; a call that throws is recorded as a failure and answers the model with the error.
 */
export class SourceToolbox {
  /** The tools, by name, for `generateChecked`. */
  readonly tools: Tools;
  /** The tool names, in source order. */
  readonly toolNames: readonly string[];
  /** Each configured source with its tool name (the prompt's `sources`). */
  readonly catalog: readonly { readonly tool: string; readonly source: string }[];
  /** Source calls that failed, in call order. */
  readonly failures: SourceFailure[] = [];
  private readonly lists: SourceHit[][] = [];
  private called = 0;

  constructor(client: ModelClient, sources: readonly SearchSource[], signal?: AbortSignal) {
    this.toolNames = sourceToolNames(sources);
    this.catalog = sources.map((source, i) => ({ tool: this.toolNames[i] ?? '', source: source.name }));
    const tools: Tools = {};
    sources.forEach((source, i) => {
      const name = this.toolNames[i] ?? `search_source_${i + 1}`;
      tools[name] = client.tool(
        name,
        `Searches ${source.name} for packages; answers the best ones first as {id, name, summary}.`,
        SourceToolInput,
        (args) => this.call(source, args, signal),
      );
    });
    this.tools = tools;
  }

  /** How many source calls the model made (failed ones included). */
  get calls(): number {
    return this.called;
  }

  /** How many source calls answered. */
  get answered(): number {
    return this.lists.length;
  }

  /** Every answered call's hits, merged (`mergeHits`), best first. */
  hits(): SourceHit[] {
    return mergeHits(this.lists);
  }

  private async call(
    source: SearchSource,
    args: z.output<typeof SourceToolInput>,
    signal: AbortSignal | undefined,
  ): Promise<unknown> {
    this.called += 1;
    try {
      const hits = await source.search(args.terms, args.limit ?? LIMITS.candidatesMax, signal);
      this.lists.push(hits);
      return {
        source: source.name,
        hits: hits.map(({ pkg }) => ({
          id: pkg.id,
          name: pkg.name,
          summary: pkg.summary.slice(0, TOOL_SUMMARY_MAX_CHARS),
        })),
      };
    } catch (error) {
      this.failures.push({ source: source.name, error });
      throw error;
    }
  }
}
