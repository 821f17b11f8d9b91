import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openBrowserStorage, randomNode, watchSyncItems } from '@/lib/sync/browser-storage';
import { SavedStore } from '@/lib/sync/saved-store';
import { ManualScheduler } from '../../helpers/sync-area';
import { realisticLibrary } from '../../../scripts/harness/saved-library';

beforeEach(() => fakeBrowser.reset());

describe('the store over the extension storage API (fake browser)', () => {
  it('uses storage.local and storage.sync, and hears sync changes to saved items only', async () => {
    const storage = await openBrowserStorage();
    expect(storage.sync).toBeDefined();
    const heard: number[] = [];
    const stop = watchSyncItems(() => heard.push(1));
    await fakeBrowser.storage.sync.set({ settings: { dwellMs: 400 } });
    await fakeBrowser.storage.local.set({ 'sv1:0.0': 'x' });
    expect(heard).toHaveLength(0);
    const scheduler = new ManualScheduler(Date.UTC(2026, 11, 1));
    const store = await SavedStore.open({ storage, scheduler, newNode: randomNode });
    await store.save(realisticLibrary(1, 9)[0]!);
    await scheduler.advance(10_000);
    expect(heard.length).toBeGreaterThan(0);
    const items = await fakeBrowser.storage.sync.get(null);
    expect(Object.keys(items).some((k) => k.startsWith('sv1:'))).toBe(true);
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toEqual(expect.arrayContaining(['saved:v1', 'saved:keys', 'saved:status']));
    stop();
  });

  it('node ids are valid clock ids', () => {
    expect(randomNode()).toMatch(/^[0-9a-z]{8}$/);
  });
});
