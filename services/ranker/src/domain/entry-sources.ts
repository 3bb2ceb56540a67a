import type { Candidate, PageExtract } from '@swarm/contracts';

/** Most sources an entry lists (the contract's bound). */
const MAX_SOURCES = 8;
/** Longest source string (the contract's bound). */
const MAX_SOURCE_CHARS = 500;

const HOSTS: Record<string, string> = {
  github: 'https://github.com/',
  gitlab: 'https://gitlab.com/',
  bitbucket: 'https://bitbucket.org/',
};

/**
 * A repository reference as a browsable URL when it can be: `github:o/r`, bare `o/r`,
 * `git+https://...git` and `git://...` become https URLs; anything else is kept as given. Pure.
 */
export function repositoryUrl(repository: string): string {
  const trimmed = repository.trim();
  const shorthand = /^(?:(github|gitlab|bitbucket):)?([\w.-]+\/[\w.-]+)$/.exec(trimmed);
  if (shorthand?.[2]) return `${HOSTS[shorthand[1] ?? 'github']}${shorthand[2].replace(/\.git$/, '')}`;
  const git = /^(?:git\+)?(?:https?|git|ssh):\/\/(?:git@)?([^/]+)\/(.+?)(?:\.git)?\/?$/.exec(trimmed);
  if (git?.[1] && git[2]) return `https://${git[1]}/${git[2]}`;
  const scp = /^git@([^:]+):(.+?)(?:\.git)?$/.exec(trimmed);
  if (scp?.[1] && scp[2]) return `https://${scp[1]}/${scp[2]}`;
  return trimmed;
}

/**
 * Where an entry's facts came from: the scraped page (its final URL), or the candidate's URL when the page was
 * not scraped; then the homepage and the repository. Distinct, in that order. Pure.
 */
export function entrySources(candidate: Candidate, extract: PageExtract | undefined): string[] {
  const sources = [
    extract ? extract.finalUrl : candidate.url,
    candidate.homepage,
    candidate.repository === undefined ? undefined : repositoryUrl(candidate.repository),
  ];
  const kept: string[] = [];
  for (const source of sources) {
    if (source === undefined || source === '' || kept.includes(source)) continue;
    kept.push(source.slice(0, MAX_SOURCE_CHARS));
  }
  return kept.slice(0, MAX_SOURCES);
}
