import { EventEmitter } from 'node:events';
import { expect, it } from 'vitest';
import type { AppUpdater } from 'electron-updater';
import { configureUpdater } from '../../electron/main/app/updater';

it('points electron-updater at the office’s own feed, and at nothing when none is configured', () => {
  const fake = Object.assign(new EventEmitter(), { feeds: [] as unknown[], setFeedURL(o: unknown) { this.feeds.push(o); }, autoDownload: false, autoInstallOnAppQuit: false });
  const logs: string[] = [];
  expect(configureUpdater(fake as unknown as AppUpdater, undefined, (m) => logs.push(m))).toBe(false);
  expect(fake.feeds).toEqual([]);
  expect(configureUpdater(fake as unknown as AppUpdater, { url: 'https://updates.office.local/crm/', channel: 'latest' }, (m) => logs.push(m))).toBe(true);
  expect(fake.feeds).toEqual([{ provider: 'generic', url: 'https://updates.office.local/crm/', channel: 'latest' }]);
  expect(fake.autoDownload && fake.autoInstallOnAppQuit).toBe(true);
  fake.emit('error', new Error('offline'));
  expect(logs).toEqual(['Update check failed: offline']);
});
