import type { PageExtract } from '@swarm/contracts';
import type { ModelClient } from '@swarm/models';
import type { ExtractPageInput } from '../domain/extract-page.js';
import { clipText, collapseWhitespace } from '../domain/page-text.js';
import { PageFacts } from './page-facts-output.js';
import { validatePageFacts } from './page-facts-rules.js';
import { PAGE_FACTS_PROMPT } from './prompts/page-facts.prompt.js';
import type { ScraperBrain } from './scraper-brain.js';

/**
 * The builtin extract with the model's facts: `features` become the model's features, and `integrations` and
 * `claims` are added; every value whitespace-collapsed (so each quote occurs verbatim in the extract's text).
 * Pure.
 */
export function withPageFacts(extract: PageExtract, facts: PageFacts): PageExtract {
  return {
    ...extract,
    features: facts.features.map(collapseWhitespace),
    integrations: facts.integrations.map(collapseWhitespace),
    claims: facts.claims.map(({ claim, quote }) => ({
      claim: collapseWhitespace(claim),
      quote: collapseWhitespace(quote),
    })),
  };
}

/**
 * The model-backed scraper: the builtin extraction runs first (title, description, text, license, version and
 * install stay from code), then the model (prompt `scraper.facts@1`) reads the page text, cut at `textChars`,
 * and answers with features, integrations and quoted claims, checked by `validatePageFacts`. A page without
 * text is not sent. With `SWARM_MODEL_FALLBACK=builtin`, output that stays invalid gives the builtin extract.
 */
export class ModelScraperBrain implements ScraperBrain {
  constructor(
    private readonly client: ModelClient,
    private readonly builtin: ScraperBrain,
    /** Characters of main text sent to the model (`SCRAPER_MODEL_TEXT_CHARS`). */
    private readonly textChars: number,
  ) {}

  /**
   * See {@link ScraperBrain.extract}.
   * @throws ModelOutputError when the facts are still invalid after the corrections (and no fallback is set).
   * @throws ModelCallError when the provider fails.
   */
  async extract(html: string, meta: ExtractPageInput, signal?: AbortSignal): Promise<PageExtract> {
    const extract = await this.builtin.extract(html, meta, signal);
    const text = clipText(extract.text, this.textChars);
    if (text === '') return extract;
    return this.client.invokeAgent('scraper', () =>
      this.client.withFallback(
        async () => {
          const facts = await this.client.generateChecked({
            prompt: PAGE_FACTS_PROMPT,
            input: { url: extract.finalUrl, title: extract.title, description: extract.description, text },
            schema: PageFacts,
            validate: (output) => validatePageFacts(output, { text }),
            ...(signal ? { signal } : {}),
          });
          return withPageFacts(extract, facts);
        },
        () => extract,
      ),
    );
  }
}
