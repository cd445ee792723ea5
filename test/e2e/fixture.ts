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
  close(): Promise<void>;
}

/** A fresh database, the harness on 127.0.0.1 and Debian's Chromium (never a downloaded browser). */
export async function startE2eApp(): Promise<E2eApp> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-e2e-'));
  const host = await openHost({ database: join(dir, 'crm.sqlite'), defaultUserName: 'Erika Mustermann' });
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
    async close() {
      await browser.close();
      await harness.close();
      await host.close();
    },
  };
}
