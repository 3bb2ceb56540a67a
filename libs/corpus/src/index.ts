/**
 * `@swarm/corpus`: the shipped corpus of AI agent and LLM tooling packages, their documentation pages, and a
 * loopback docs server to scrape them from.
 */
export { CORPUS_FEATURES, CorpusPackage, FEATURE_LABELS } from './corpus-package.js';
export type { CorpusFeature } from './corpus-package.js';
export { loadCorpus, parseCorpus } from './corpus-loader.js';
export { CORPUS_ERROR_CODES, InvalidCorpusError } from './errors.js';
export type { CorpusErrorCode } from './errors.js';
export {
  featureLabel,
  packagePagePath,
  packageStructuredData,
  renderIndexPage,
  renderPackagePage,
} from './package-page.js';
export { startDocsServer } from './docs-server.js';
export type { DocsRequest, DocsServer, DocsServerFaults, DocsServerOptions } from './docs-server.js';
