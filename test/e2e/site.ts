/**
 * The page built once by global-setup.ts, served and opened in Chromium for one test file
 * (`const site = useBuiltPage();` at the top, `site().browser.page`, `site().url` in tests).
 */
import { afterAll, beforeAll, inject } from 'vitest';
import { type BrowserSession, launchBrowser, serveStatic, type StaticServer } from './helpers.js';

export function builtSite(): string {
  return inject('e2eSite');
}

export interface PageFixture {
  /** "http://127.0.0.1:<port>/" */
  readonly url: string;
  readonly browser: BrowserSession;
}

/** Serves the built page and launches Chromium before the file's tests; closes both after. */
export function useBuiltPage(): () => PageFixture {
  let server: StaticServer | undefined;
  let browser: BrowserSession | undefined;
  beforeAll(async () => {
    server = await serveStatic(builtSite());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return () => {
    if (!server || !browser) throw new Error('the page is not served (beforeAll failed)');
    return { url: server.url, browser };
  };
}
