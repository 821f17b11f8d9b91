// Run-time registration of the content script for granted sites, with a stubbed scripting API that behaves as
// Chrome's does (one registry shared by the popup and the background; "Duplicate script ID" and "Nonexistent
// script ID" when another context got there first).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_MATCHES } from '@/lib/settings/sites';
import { SITE_ACCESS_CHANNEL } from '@/lib/settings/site-access';

type Registered = { id: string; matches?: string[] };
let registry: Map<string, Registered>;
let granted: string[];
const tick = () => new Promise((r) => setTimeout(r, 1));

function stubBrowser() {
  registry = new Map();
  granted = [...DEFAULT_MATCHES];
  const scripting = {
    // Every call takes a moment, so calls from two contexts interleave as they do in a browser.
    getRegisteredContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
      await tick();
      return ids.flatMap((id) => (registry.has(id) ? [structuredClone(registry.get(id)!)] : []));
    }),
    registerContentScripts: vi.fn(async (scripts: Registered[]) => {
      await tick();
      for (const s of scripts) if (registry.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      for (const s of scripts) registry.set(s.id, { id: s.id, matches: s.matches });
    }),
    unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
      await tick();
      for (const id of ids) if (!registry.has(id)) throw new Error(`Nonexistent script ID '${id}'`);
      for (const id of ids) registry.delete(id);
    }),
    executeScript: vi.fn(async () => []),
  };
  const permissions = {
    getAll: vi.fn(async () => ({ origins: [...granted], permissions: [] })),
    contains: vi.fn(async () => false),
    remove: vi.fn(async ({ origins }: { origins: string[] }) => {
      granted = granted.filter((o) => !origins.includes(o));
      return true;
    }),
  };
  Object.assign(fakeBrowser, { scripting, permissions });
  return { scripting, permissions };
}

/** A fresh copy of the module: what the popup and the background each hold (their own queue). */
async function context() {
  vi.resetModules();
  return import('@/lib/settings/registration');
}

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => vi.restoreAllMocks());

describe('syncRegisteredContentScript', () => {
  it('registers the granted extra origins, excluding the default sites, and leaves a right registration alone', async () => {
    const { scripting } = stubBrowser();
    const { syncRegisteredContentScript, REGISTERED_SCRIPT_ID } = await context();
    granted.push('*://*.example.com/*');
    expect(await syncRegisteredContentScript()).toEqual(['*://*.example.com/*']);
    expect(registry.get(REGISTERED_SCRIPT_ID)?.matches).toEqual(['*://*.example.com/*']);
    const script = (scripting.registerContentScripts.mock.calls[0]![0] as Array<Record<string, unknown>>)[0]!;
    expect(script.excludeMatches).toEqual([...DEFAULT_MATCHES]);
    expect(await syncRegisteredContentScript()).toEqual(['*://*.example.com/*']);
    expect(scripting.registerContentScripts).toHaveBeenCalledTimes(1);
    expect(scripting.unregisterContentScripts).not.toHaveBeenCalled();
  });

  it('survives the popup and the background registering at the same moment after a grant', async () => {
    stubBrowser();
    const popup = await context();
    const background = await context();
    granted.push('*://*.example.com/*');
    const results = await Promise.allSettled([popup.syncRegisteredContentScript(), background.syncRegisteredContentScript()]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect([...registry.values()]).toEqual([{ id: popup.REGISTERED_SCRIPT_ID, matches: ['*://*.example.com/*'] }]);
  });

  it('survives both unregistering at once after a revoke, and a second grant changing the registration', async () => {
    stubBrowser();
    const popup = await context();
    const background = await context();
    granted.push('*://*.example.com/*');
    await popup.syncRegisteredContentScript();
    // A second site granted: both see the old registration and replace it.
    granted.push('*://*.example.org/*');
    let results = await Promise.allSettled([popup.syncRegisteredContentScript(), background.syncRegisteredContentScript()]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(registry.get(popup.REGISTERED_SCRIPT_ID)?.matches).toEqual(['*://*.example.com/*', '*://*.example.org/*']);
    // Everything withdrawn: both unregister.
    granted = [...DEFAULT_MATCHES];
    results = await Promise.allSettled([popup.syncRegisteredContentScript(), background.syncRegisteredContentScript()]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(registry.size).toBe(0);
  });

  it('runs calls in one context one after another', async () => {
    const { scripting } = stubBrowser();
    const { syncRegisteredContentScript } = await context();
    granted.push('*://*.example.com/*');
    const all = await Promise.all([syncRegisteredContentScript(), syncRegisteredContentScript(), syncRegisteredContentScript()]);
    expect(all).toEqual([['*://*.example.com/*'], ['*://*.example.com/*'], ['*://*.example.com/*']]);
    expect(scripting.registerContentScripts).toHaveBeenCalledTimes(1); // no Duplicate to recover from
  });

  it('still reports errors that are not a race, and the next call works', async () => {
    const { scripting } = stubBrowser();
    const { syncRegisteredContentScript } = await context();
    granted.push('*://*.example.com/*');
    scripting.registerContentScripts.mockRejectedValueOnce(new Error('Invalid match pattern')).mockRejectedValueOnce(new Error('Invalid match pattern'));
    await expect(syncRegisteredContentScript()).rejects.toThrow('Invalid match pattern');
    expect(await syncRegisteredContentScript()).toEqual(['*://*.example.com/*']);
  });
});

describe('revokeSite', () => {
  it('withdraws the grant, unregisters, and tells open tabs which origins are left', async () => {
    stubBrowser();
    const { revokeSite, syncRegisteredContentScript } = await context();
    granted.push('*://*.example.com/*');
    await syncRegisteredContentScript();
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.com/a' });
    const messages: unknown[] = [];
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (_id: number, message: unknown) => {
      messages.push(message);
    });
    await revokeSite('example.com');
    expect(registry.size).toBe(0);
    expect(send).toHaveBeenCalledWith(tab.id, expect.anything());
    expect(messages).toContainEqual({ channel: SITE_ACCESS_CHANNEL, origins: [...DEFAULT_MATCHES] });
  });
});
