import { QUEUES, SUBJECTS } from '@swarm/contracts';
import { loadCorpus } from '@swarm/corpus';
import type { HostilePageKind } from '@swarm/testing';
import { HOSTILE_PAGE_KINDS, hostilePage } from '@swarm/testing';
import { withPrivateSwarm } from '../harness/chaos-swarm.js';
import { feedGoals, planGoals } from '../harness/goal-feeder.js';
import { collectOutcome } from '../harness/scenario-outcome.js';
import { auditTasks } from '../harness/task-audit.js';
import type { ScenarioCheck, ScenarioResult } from '../report/scenario-result.js';
import type { ScenarioOptions } from './scenario-options.js';
import { runPrefix } from './scenario-options.js';

/** Size of the hostile-pages scenario. */
export interface HostilePagesSize {
  readonly goals: number;
  readonly perSecond: number;
  /** One corpus package page in this many is served as a hostile page. */
  readonly hostileEvery: number;
  readonly deadlineMs: number;
}

/** Issue 15's size: hostile pages mixed into 500 goals. */
export const HOSTILE_PAGES_FULL: HostilePagesSize = {
  goals: 500,
  perSecond: 10,
  hostileEvery: 3,
  deadlineMs: 10 * 60_000,
};
export const HOSTILE_PAGES_QUICK: HostilePagesSize = {
  goals: 24,
  perSecond: 6,
  hostileEvery: 3,
  deadlineMs: 2 * 60_000,
};

/**
 * The package pages served hostile: every `every`-th package id of the corpus (sorted), alternating the wide and
 * the deep page. Pure.
 */
export function hostilePageIds(ids: readonly string[], every: number): Map<string, HostilePageKind> {
  const chosen = new Map<string, HostilePageKind>();
  [...ids].sort().forEach((id, i) => {
    if (i % every === 0) chosen.set(id, HOSTILE_PAGE_KINDS[chosen.size % HOSTILE_PAGE_KINDS.length]!);
  });
  return chosen;
}

/** What the scrape completions say about the hostile pages. */
export interface HostileScrapes {
  /** Scrapes of a hostile page that completed. */
  readonly hostile: number;
  /** Of those, refused as `page-too-complex`. */
  readonly refused: number;
  /** Hostile pages that ended another way (`<url>: <ok|error code>`). */
  readonly otherwise: readonly string[];
}

/**
 * Sorts the scrape queue's `task.completed` bodies by whether they scraped a hostile page (by its path) and how
 * that ended. Pure.
 */
export function hostileScrapesOf(
  completions: readonly unknown[],
  hostilePaths: ReadonlySet<string>,
): HostileScrapes {
  let hostile = 0;
  let refused = 0;
  const otherwise: string[] = [];
  for (const body of completions) {
    const { queue, output } = (body ?? {}) as {
      queue?: unknown;
      output?: { url?: unknown; ok?: unknown; error?: unknown };
    };
    if (queue !== QUEUES.scrape.name || typeof output?.url !== 'string') continue;
    let path: string;
    try {
      path = new URL(output.url).pathname;
    } catch {
      continue;
    }
    if (!hostilePaths.has(path)) continue;
    hostile += 1;
    if (output.ok === false && output.error === 'page-too-complex') refused += 1;
    else otherwise.push(`${output.url}: ${output.ok === true ? 'ok' : String(output.error)}`);
  }
  return { hostile, refused, otherwise };
}

/**
 * Issue 15's scenario: goals flow while a third of the corpus's pages are hostile (60,000 paragraphs, or 10,000
 * nested divs). The scraper refuses each as `page-too-complex` on its first delivery, off its event loop, so no
 * claim expires: no goal is lost, none stalls (no scrape task is redelivered), and the goals complete with the
 * candidates that were readable.
 */
export function runHostilePages(size: HostilePagesSize, options: ScenarioOptions): Promise<ScenarioResult> {
  const log = options.log ?? (() => undefined);
  const hostile = hostilePageIds(
    loadCorpus().map((pkg) => pkg.id),
    size.hostileEvery,
  );
  const pageBody = Object.fromEntries([...hostile].map(([id, kind]) => [id, hostilePage(kind)]));
  const hostilePaths = new Set([...hostile.keys()].map((id) => `/packages/${encodeURIComponent(id)}.html`));
  return withPrivateSwarm(
    { env: options.env, fanOut: options.fanOut, scale: { scraper: 2 }, docsFaults: { pageBody } },
    async (swarm) => {
      const startedAt = Date.now();
      const goals = planGoals(runPrefix('hostile'), size.goals);
      const feed = await feedGoals(swarm.client, swarm.ledger, goals, {
        perSecond: size.perSecond,
        deadlineMs: size.deadlineMs,
      });
      log(`${feed.acked} goals in; ${hostile.size} of the corpus pages are hostile`);
      await swarm.ledger.waitForAll(Math.max(0, startedAt + size.deadlineMs - Date.now()));
      const served = swarm.stack.docs.requests().filter((request) => hostilePaths.has(request.path)).length;
      const audit = await auditTasks(swarm.client);
      const completions = await swarm.client.readStream(
        swarm.client.topology.eventsStream,
        SUBJECTS.event('*', 'task.completed'),
        { limit: 2_000_000 },
      );
      const scrapes = hostileScrapesOf(
        completions.map((message) => message.body),
        hostilePaths,
      );
      const scrapeRedeliveries = audit.claims.filter(
        (claim) => claim.queue === QUEUES.scrape.name && claim.deliveryCount > 1,
      );
      const checks: ScenarioCheck[] = [
        {
          name: 'the goals asked for hostile pages',
          ok: served > 0 && scrapes.hostile > 0,
          detail: `${served} hostile page requests served, ${scrapes.hostile} hostile scrapes completed`,
        },
        {
          name: 'every hostile page was refused as page-too-complex',
          ok: scrapes.otherwise.length === 0 && scrapes.refused === scrapes.hostile,
          detail:
            scrapes.otherwise.length === 0
              ? `${scrapes.refused} refused`
              : scrapes.otherwise.slice(0, 5).join(', '),
        },
        {
          name: 'no scrape task was redelivered: no replica stalled on a page',
          ok: scrapeRedeliveries.length === 0,
          detail:
            scrapeRedeliveries.length === 0
              ? `${audit.claims.filter((c) => c.queue === QUEUES.scrape.name).length} scrape claims, all first deliveries`
              : scrapeRedeliveries
                  .slice(0, 5)
                  .map((c) => `${c.taskId} #${c.deliveryCount} on ${c.instance}`)
                  .join(', '),
        },
      ];
      return await collectOutcome(swarm, {
        number: 8,
        name: 'hostile-pages',
        title: `${size.goals} goals with 1 in ${size.hostileEvery} corpus pages hostile (${hostile.size} pages)`,
        startedAt,
        figures: {
          hostilePages: hostile.size,
          hostileRequests: served,
          pageTooComplex: scrapes.refused,
          scrapeRedeliveries: scrapeRedeliveries.length,
        },
        checks,
        notes: [
          'hostile pages: 60,000 sibling paragraphs (469 KiB) or 10,000 nested divs, from @swarm/testing',
          'a goal whose candidates were all hostile still completes (with nothing readable to rank)',
        ],
      });
    },
  );
}
