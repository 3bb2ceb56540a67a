// The console's "Add to budget" form in a real headless Chromium, against the real gateway, NATS and the four
// agents: shown to an operator while a goal waits for budget, never to a viewer; found by role and label.
import { waitFor } from '@swarm/testing';
import type { Page } from 'playwright-core';
import type { ConsoleBrowser } from './testing/console-browser.js';
import { consoleBrowserSettings, launchConsoleBrowser } from './testing/console-browser.js';
import type { ConsoleStack } from './testing/console-stack.js';
import { startConsoleStack } from './testing/console-stack.js';

/** How long a goal may take to pause or to run through the four agents on a busy CI machine. */
const GOAL_TIMEOUT_MS = 90_000;

let stack: ConsoleStack;
let browser: ConsoleBrowser;
let page: Page;

beforeAll(async () => {
  stack = await startConsoleStack(process.env);
  browser = await launchConsoleBrowser(consoleBrowserSettings(process.env));
  page = browser.page;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Opens the console and signs in with `token` as a person would. */
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

/** A goal the agents paused (deadline 1 ms, policy pause) with its task parked, submitted over the API. */
async function pausedGoal(): Promise<string> {
  const response = await fetch(`${stack.url}/api/v1/goals`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.tokens.admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      text: 'agent frameworks',
      topN: 3,
      budget: { deadlineMs: 1, onExhausted: 'pause' },
    }),
  });
  expect(response.status).toBe(201);
  const { goalId } = (await response.json()) as { goalId: string };
  await waitFor(
    async () =>
      (await stack.client.deadLetters()).some(
        (record) => record.goalId === goalId && record.reason.code === 'budget-exhausted',
      ) || undefined,
    { timeoutMs: GOAL_TIMEOUT_MS, description: `the parked task of ${goalId}` },
  );
  return goalId;
}

/** The goal page's state, as the badge in its facts says it. */
const stateOnPage = () => page.getByRole('definition').filter({ has: page.locator('.badge') });

describe('adding to a goal budget from the console', () => {
  it(
    'hides the form from a viewer; an operator adds deadline minutes and the goal resumes to delivery',
    async () => {
      const goalId = await pausedGoal();
      await signIn(stack.tokens.viewer);
      await page.goto(`${stack.url}/#/goals/${goalId}`);
      await stateOnPage().getByText('Paused: awaiting budget').waitFor({ timeout: GOAL_TIMEOUT_MS });
      await page.getByRole('table', { name: /^Budget/ }).waitFor();
      expect(await page.getByRole('form', { name: 'Add to budget' }).count()).toBe(0);
      await signOut();

      await signIn(stack.tokens.admin);
      await page.goto(`${stack.url}/#/goals/${goalId}`);
      const form = page.getByRole('form', { name: 'Add to budget' });
      await form.waitFor({ timeout: GOAL_TIMEOUT_MS });
      await form.getByRole('button', { name: 'Add to budget' }).click();
      expect(await form.getByRole('alert').textContent()).toMatch(/at least one of/);
      await form.getByLabel('Deadline (minutes)').fill('10');
      await browser.screenshot('goal-budget');
      await form.getByRole('button', { name: 'Add to budget' }).click();
      await stateOnPage().getByText('Delivered').waitFor({ timeout: GOAL_TIMEOUT_MS });
      await page
        .getByRole('listitem')
        .filter({ hasText: /^Added deadline \+600s by admin via gateway/ })
        .waitFor();
      expect(await page.getByRole('form', { name: 'Add to budget' }).count()).toBe(0);
      expect(browser.pageErrors).toEqual([]);
      expect(browser.cspViolations).toEqual([]);
    },
    3 * GOAL_TIMEOUT_MS,
  );
});
