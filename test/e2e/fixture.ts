import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Input, MethodName, Output } from '../../shared/contract';
import { openHost, type Host } from '../../electron/main/host/host';
import { startHarness, type Harness } from '../harness/server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = resolve(__dirname, '../../test-results/e2e');

export interface E2eApp {
  host: Host;
  /** Calls the main process directly (seeding, checking what a page did), as the session's user. */
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
  harness: Harness;
  browser: Browser;
  newPage(): Promise<Page>;
  screenshot(page: Page, name: string): Promise<void>;
  /**
   * Moves the host's clock on (it runs that far ahead of the wall clock) and has the job runner look for due jobs at
   * once: a campaign step days after the first comes due without waiting or touching the jobs table.
   */
  advance(ms: number): void;
  /** Has the job runner look for due jobs now instead of at its next poll. */
  wake(): void;
  close(): Promise<void>;
}

/** A fresh database, the harness on 127.0.0.1 and Debian's Chromium (never a downloaded browser). */
export async function startE2eApp(): Promise<E2eApp> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-e2e-'));
  let offset = 0;
  const host = await openHost({ database: join(dir, 'crm.sqlite'), defaultUserName: 'Erika Mustermann', now: () => new Date(Date.now() + offset) });
  const wake = () => host.services.jobs.runner?.wake();
  const harness = await startHarness(host, resolve(__dirname, '../../out/renderer'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  const pages: Page[] = [];
  return {
    host,
    async call(method, input) {
      const envelope = await host.dispatch(method, input, host.session);
      if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.message}`);
      return envelope.data as never;
    },
    harness,
    browser,
    async newPage() {
      const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
      page.on('pageerror', (error) => console.error('[page error]', error.message));
      await page.goto(harness.url);
      pages.push(page);
      return page;
    },
    async screenshot(page, name) {
      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    },
    advance(ms) {
      offset += ms;
      wake();
    },
    wake,
    async close() {
      await browser.close();
      await harness.close();
      await host.close();
    },
  };
}
