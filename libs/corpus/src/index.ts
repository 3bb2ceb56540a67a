/**
 * `@swarm/corpus`: the shipped corpus of AI agent and LLM tooling packages, their documentation pages, and a
 * loopback docs server to scrape them from.
 */
export { CORPUS_FEATURES, CorpusPackage, FEATURE_LABELS } from './corpus-package.js';
export type { CorpusFeature } from './corpus-package.js';
export { loadCorpus, parseCorpus } from './corpus-loader.js';
export { corpusTermStats } from './corpus-term-stats.js';
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
export {
  analyze,
  analyzeWords,
  canonicalizePhrases,
  isStopWord,
  normalizeTerm,
  tokenize,
} from './analysis/term-analysis.js';
export {
  addCapabilityWords,
  CAPABILITY_SYNONYMS,
  capabilitiesIn,
  capabilityMatches,
  tagWords,
} from './analysis/capability-synonyms.js';
export type { CapabilityMatch, CapabilitySynonym } from './analysis/capability-synonyms.js';
export { CAPABILITY_COMPANIONS, isCompanionCapability } from './analysis/capability-companions.js';
export { GENERIC_WORDS, parseGoalQuery } from './analysis/goal-query.js';
export type { GoalQuery } from './analysis/goal-query.js';
export { goalAsksForRole, packageRole } from './analysis/package-role.js';
export type { ComponentRole, PackageRole, RoleFacts } from './analysis/package-role.js';
export { licenseConstraintIn } from './analysis/license-constraint.js';
export type { LicenseConstraint } from './analysis/license-constraint.js';
export { FIELD_WEIGHTS, linkWords, packageFields } from './analysis/package-fields.js';
export type { PackageFacts, PackageField } from './analysis/package-fields.js';
export { inverseDocumentFrequency, termStats } from './analysis/term-rarity.js';
export type { TermStats } from './analysis/term-rarity.js';
