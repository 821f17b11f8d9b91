/**
 * Settings synced setting by setting in real Chromium with the built extension: a change on the options page, then
 * another browser's write of the same storage.sync item (made without having seen it, from a clock hours behind)
 * replacing it, as sync would deliver; both changes stay, and an older write of the same setting does not undo it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import { snapshotBuild } from '../../scripts/harness/build-copy';
import { launchChromiumWithExtension, type ChromiumWithExtension } from '../../scripts/harness/chromium';
import { clearStorage } from '../helpers/card';
import { formatHlc } from '../../lib/sync/hlc';

let ext: string;
let chromium: ChromiumWithExtension;

beforeAll(async () => {
  ext = await snapshotBuild('.output/chrome-mv3', 'vbl-settings-sync-');
  chromium = await launchChromiumWithExtension({ extensionPath: ext });
});
afterAll(async () => {
  await chromium?.close();
  if (ext) await rm(ext, { recursive: true, force: true });
});

const HOUR = 3600_000;
const syncedSettings = async () =>
  (await (await chromium.serviceWorker()).evaluate(() => (globalThis as any).chrome.storage.sync.get('settings'))).settings as Record<string, any> | undefined;
const writeSynced = async (item: Record<string, unknown>) =>
  (await chromium.serviceWorker()).evaluate((v) => (globalThis as any).chrome.storage.sync.set({ settings: v }), item);

describe('settings across browsers', () => {
  it('a change on the options page and another browser\'s change made at once both stay; an older write does not undo it', async () => {
    const options = await chromium.openExtensionPage('options.html');
    try {
      await options.locator('select[name="theme"]').selectOption('dark');
      await expect.poll(() => options.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      await expect.poll(async () => (await syncedSettings())?.theme).toBe('dark');
      const mine = (await syncedSettings())!._hlc.theme as string;
      expect(mine).toMatch(/^[0-9a-z]{12}/);

      // Another browser, five hours behind and not having seen that, set the default mode: its item replaces ours.
      const behind = Date.now() - 5 * HOUR;
      await writeSynced({ defaultMode: 'inline', _hlc: { defaultMode: formatHlc({ wall: behind, count: 0, node: 'other' }) } });
      await expect.poll(async () => {
        const s = await syncedSettings();
        return [s?.theme, s?.defaultMode];
      }, { timeout: 10_000 }).toEqual(['dark', 'inline']);
      await expect.poll(() => options.locator('input[name="mode"][value="inline"]').isChecked()).toBe(true);
      expect(await options.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');

      // An older write of the theme (that browser's before it saw ours) arriving late: the theme stays dark.
      const s = (await syncedSettings())!;
      await writeSynced({ ...s, theme: 'light', _hlc: { ...s._hlc, theme: formatHlc({ wall: behind - HOUR, count: 0, node: 'other' }) } });
      await expect.poll(async () => (await syncedSettings())?._hlc.theme, { timeout: 10_000 }).toBe(mine);
      expect((await syncedSettings())?.theme).toBe('dark');
      expect(await options.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');

      // The options page still changes a setting afterwards, stamped after every stamp it has seen.
      await options.locator('select[name="theme"]').selectOption('light');
      await expect.poll(async () => (await syncedSettings())?.theme).toBe('light');
      expect((await syncedSettings())!._hlc.theme > mine).toBe(true);
      expect((await syncedSettings())!.defaultMode).toBe('inline');
    } finally {
      await options.close();
      await clearStorage(await chromium.serviceWorker());
    }
  });
});
