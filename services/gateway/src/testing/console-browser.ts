import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { z } from 'zod';

/**
 * The browser tests' settings, read once from the environment:
 * - `CHROMIUM_PATH` [/usr/bin/chromium]: the Chromium that playwright-core drives (Debian's `chromium` package;
 *   `.ci/run` installs it when missing).
 * - `CONSOLE_SCREENSHOTS_DIR` (optional): where to save a screenshot of each console page
 *   (`npm run screenshots -w @swarm/gateway` sets it to `docs/console`).
 */
export const ConsoleBrowserSettings = z.object({
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  CONSOLE_SCREENSHOTS_DIR: z.string().min(1).optional(),
});
/** The browser tests' settings. */
export type ConsoleBrowserSettings = z.infer<typeof ConsoleBrowserSettings>;

/** Parses the browser tests' settings from `env`. */
export function consoleBrowserSettings(
  env: Readonly<Record<string, string | undefined>>,
): ConsoleBrowserSettings {
  return ConsoleBrowserSettings.parse(env);
}

/** Flags for a quiet, offline, throwaway headless Chromium (no sandbox: CI containers run as root). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
] as const;

/** A headless Chromium with a fresh profile, and one page in it. */
export interface ConsoleBrowser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught errors of the page's scripts (a test can expect none). */
  readonly pageErrors: string[];
  /** The URL of every request the page made, in order (to check that it fetched nothing from elsewhere). */
  readonly requests: string[];
  /** What the Content-Security-Policy blocked, as Chromium reports it (a test can expect none). */
  readonly cspViolations: string[];
  /** Saves a screenshot of the page as `<name>.png` when `CONSOLE_SCREENSHOTS_DIR` is set. */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Launches Chromium with a fresh user-data-dir (removed on close) and a phone- or desktop-sized page. */
export async function launchConsoleBrowser(
  settings: ConsoleBrowserSettings,
  viewport: { readonly width: number; readonly height: number } = { width: 1280, height: 900 },
): Promise<ConsoleBrowser> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'swarm-console-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: settings.CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  const dir = settings.CONSOLE_SCREENSHOTS_DIR;
  if (dir) mkdirSync(dir, { recursive: true });
  return {
    context,
    page,
    pageErrors,
    requests,
    cspViolations,
    screenshot: async (name) => {
      if (!dir) return;
      // Headless Chromium paints a frame (the sandboxed report) only while it is in the viewport, so a
      // `fullPage` capture leaves it blank: grow the viewport to the whole page instead, then shrink it back.
      const size = page.viewportSize() ?? viewport;
      const height = await page.evaluate<number>('document.documentElement.scrollHeight');
      await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
      await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
      await page.screenshot({ path: path.join(dir, `${name}.png`), animations: 'disabled' });
      await page.setViewportSize(size);
    },
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
