// The web console in a real headless Chromium, against the real gateway, NATS and the four agents: a person's
// paths through it, found by role and label. With CONSOLE_SCREENSHOTS_DIR set it saves each page (docs/console).
import { HEADERS, SUBJECTS } from '@swarm/contracts';
import { buildGoalSubmission } from '@swarm/goal-views';
import { waitFor } from '@swarm/testing';
import type { Page } from 'playwright-core';
import { CONSOLE_CSP } from './static/security-headers.js';
import type { ConsoleBrowser } from './testing/console-browser.js';
import { consoleBrowserSettings, launchConsoleBrowser } from './testing/console-browser.js';
import type { ConsoleStack } from './testing/console-stack.js';
import { startConsoleStack } from './testing/console-stack.js';

/** How long a goal may take to run through the four agents on a busy CI machine. */
const GOAL_TIMEOUT_MS = 90_000;
/** The Jaeger UI the gateway links traces to (never contacted: the test only reads the link). */
const JAEGER_URL = 'http://jaeger.test:16686';

const settings = consoleBrowserSettings(process.env);
let stack: ConsoleStack;
let browser: ConsoleBrowser;
let page: Page;

beforeAll(async () => {
  stack = await startConsoleStack(process.env, { GATEWAY_JAEGER_URL: JAEGER_URL });
  browser = await launchConsoleBrowser(settings);
  page = browser.page;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Opens the console and signs in with `token` as a person would: paste it, press the button. */
async function signIn(token: string): Promise<void> {
  await page.goto(stack.url);
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Goals', level: 1 }).waitFor();
}

async function signOut(): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('API token').waitFor();
}

async function openPage(name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

/** Fills the submit form and sends it; resolves on the goal's page with its id (from the URL). */
async function submitGoal(
  text: string,
  options: { readonly requireApproval?: boolean } = {},
): Promise<string> {
  await openPage('Submit');
  await page.getByLabel('What are you looking for?').fill(text);
  await page.getByLabel('Top N packages').fill('3');
  if (options.requireApproval) await page.getByLabel(/Require approval/).check();
  await browser.screenshot('submit');
  await page.getByRole('button', { name: 'Submit goal' }).click();
  await page.getByRole('heading', { name: text, level: 1 }).waitFor();
  return decodeURIComponent(new URL(page.url()).hash.replace('#/goals/', ''));
}

/** The goal page's state, as the badge in its facts says it. */
const stateOnPage = () => page.getByRole('definition').filter({ has: page.locator('.badge') });

describe('the web console', () => {
  it('refuses a wrong token on the login page and then signs in, showing the subject and roles', async () => {
    const document = await page.goto(stack.url);
    // The console is served under its Content-Security-Policy; the last test checks nothing was blocked.
    expect(document?.headers()).toMatchObject({
      'content-security-policy': CONSOLE_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    await browser.screenshot('login');
    await page.getByLabel('API token').fill('not-a-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByRole('alert').textContent()).toMatch(/refused/);

    await page.getByLabel('API token').fill(stack.tokens.admin);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Goals', level: 1 }).waitFor();
    const banner = await page.getByRole('banner').textContent();
    expect(banner).toContain('Signed in as admin');
    expect(banner).toContain('viewer, submitter, approver, operator');
  });

  it('submits a goal from the form and follows it live to its report', async () => {
    const goalId = await submitGoal('json schema validation');
    await page.getByText('The goal has ended.').waitFor({ timeout: GOAL_TIMEOUT_MS });
    // The page was open while the goal ran: the live feed (SSE) brought its events.
    expect(await page.getByRole('status').textContent()).toMatch(/[1-9]\d* events received/);
    await stateOnPage().getByText('Delivered').waitFor();
    const waterfall = page.getByRole('table', { name: /Task attempts/ });
    for (const agent of ['search', 'scraper', 'ranker', 'communications'])
      await waterfall
        .getByRole('cell', { name: new RegExp(`^${agent}/`) })
        .first()
        .waitFor();
    const report = page.frameLocator('iframe[title="Report"]');
    await report.locator('body').getByText(/./).first().waitFor();
    await browser.screenshot('goal');

    await openPage('Goals');
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'json schema validation' }) });
    await row.getByText('Delivered').waitFor();
    expect(await row.textContent()).toContain(goalId);
    await browser.screenshot('board');
  });

  it('approves a goal that asked for approval from the inbox, with a comment, and the goal is delivered', async () => {
    const text = 'find top 3 agentic AI tools';
    const goalId = await submitGoal(text, { requireApproval: true });
    await stateOnPage().getByText('Awaiting approval').waitFor({ timeout: GOAL_TIMEOUT_MS });

    await openPage('Approvals');
    const card = page.getByRole('article').filter({ has: page.getByRole('link', { name: text }) });
    await card.waitFor({ timeout: 15_000 });
    expect(await card.getByLabel(/Report preview/).textContent()).toMatch(/\S/);
    await browser.screenshot('approvals');
    await card.getByRole('button', { name: 'Reject' }).click();
    expect(await card.getByRole('alert').textContent()).toMatch(/a rejection needs a comment/);
    await card.getByLabel('Comment').fill('looks right');
    await card.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('status').getByText(`Approved: ${text}.`).waitFor();

    await page.goto(`${stack.url}/#/goals/${goalId}`);
    await stateOnPage().getByText('Delivered').waitFor({ timeout: GOAL_TIMEOUT_MS });
    const audit = (await stack.client.goalEvents(goalId))
      .map((m) => m.body as { type?: string; by?: string; comment?: string })
      .find((e) => e.type === 'approval.granted');
    expect(audit).toMatchObject({ comment: 'looks right', by: expect.stringMatching(/^admin via /) });
  });

  it('replays a dead letter from the dead-letters page', async () => {
    const goalId = `console-poison-${Date.now()}`;
    await stack.client.publishRaw(
      SUBJECTS.task.rank,
      new TextEncoder().encode('{"not": json'),
      `${goalId}/rank`,
      {
        [HEADERS.goalId]: [goalId],
      },
    );
    const deadLetters = async () =>
      (await stack.client.deadLetters('rank')).filter((r) => r.goalId === goalId);
    const [record] = await waitFor(
      async () => ((await deadLetters()).length === 1 ? deadLetters() : undefined),
      {
        description: 'the poison message dead-lettered',
      },
    );

    await openPage('Dead letters');
    const card = page.getByRole('article').filter({ hasText: goalId });
    await card.waitFor();
    expect(await card.textContent()).toContain(record!.reason.message);
    await card.getByText('Payload preview').click();
    expect(await card.locator('pre').textContent()).toContain('{"not": json');
    await browser.screenshot('dead-letters');
    await card.getByRole('button', { name: /^Replay / }).click();
    await page
      .getByRole('status')
      .getByText(/^Replayed /)
      .waitFor();
    // The replayed message went back onto the rank queue: the ranker took it again and, still poison, filed it again.
    await waitFor(async () => ((await deadLetters()).length === 2 ? true : undefined), {
      description: 'the replayed poison message dead-lettered again',
    });
  });

  it('links a goal to its trace in Jaeger when the submission carried one, and shows its budget', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const submission = buildGoalSubmission({ text: 'traced goal', budget: { modelCalls: 20 } });
    await stack.client.publishRaw(
      submission.subject,
      new TextEncoder().encode(JSON.stringify(submission.message)),
      submission.message.messageId,
      { [HEADERS.goalId]: [submission.goalId], traceparent: [`00-${traceId}-00f067aa0ba902b7-01`] },
    );
    await page.goto(`${stack.url}/#/goals/${submission.goalId}`);
    const link = page.getByRole('link', { name: 'Open the trace in Jaeger' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`${JAEGER_URL}/trace/${traceId}`);
    const budget = page.getByRole('table', { name: /^Budget/ });
    await budget.waitFor();
    expect(await budget.getByRole('row', { name: /Model calls/ }).innerText()).toMatch(
      /Model calls\s+20\s+0\s+20/,
    );
  });

  it('shows the agents with their queues and live replicas', async () => {
    await openPage('Agents');
    const table = page.getByRole('table', { name: /Agents and their queues/ });
    for (const queue of ['search', 'scrape', 'rank', 'report']) {
      const row = table
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: queue, exact: true }) });
      await row.waitFor();
      // One replica of each agent runs: the live count says 1 and names its instance.
      const replicas = row.getByRole('cell').nth(1);
      expect(await replicas.textContent()).toMatch(/^1(?!\d)/);
    }
    await browser.screenshot('agents');
  });

  it('lets a viewer look but disables what needs another role, and says which role', async () => {
    await signOut();
    await signIn(stack.tokens.viewer);
    await openPage('Submit');
    expect(await page.getByText('Needs the submitter role').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Submit goal' }).isDisabled()).toBe(true);
    await openPage('Dead letters');
    expect(await page.getByText('Needs the operator role').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /^Replay / }).count()).toBe(0);
    await signOut();
    await signIn(stack.tokens.admin);
  });

  it('works from the keyboard and at phone width (375 px) without the page scrolling sideways', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${stack.url}/#/`);
    await page.reload();
    await page.getByRole('heading', { name: 'Goals', level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement?.id')).toBe('main');
    expect(new URL(page.url()).hash).toBe('#/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Submit a goal');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await browser.screenshot('board-phone');
  });

  it('fetched nothing but the gateway (no CDN, no outside fonts), threw no script error and broke no CSP rule', () => {
    const elsewhere = browser.requests.filter(
      (url) => !url.startsWith(`${stack.url}/`) && !url.startsWith('data:'),
    );
    expect(browser.requests.length).toBeGreaterThan(0);
    expect(elsewhere).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
    expect(browser.cspViolations).toEqual([]);
  });
});
