// @vitest-environment happy-dom
// The popup's wiring (entrypoints/popup/main.tsx) over fakeBrowser with stubbed permissions and scripting:
// "turn on this site" while the background registers at the same moment, failed saves, the page language.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { translatorFrom } from '@/lib/i18n/t';
import viMessages from '../../../public/_locales/vi/messages.json';
import enMessages from '../../../public/_locales/en/messages.json';

const tVi = translatorFrom(viMessages);
const tEn = translatorFrom(enMessages);
let registry: Set<string>;

function stub({ lang = 'vi', host = 'example.com' }: { lang?: 'vi' | 'en'; host?: string } = {}) {
  registry = new Set();
  const granted = ['*://*.vn/*'];
  const tr = lang === 'en' ? tEn : tVi;
  Object.assign(fakeBrowser, {
    i18n: { getMessage: (key: string, subs?: string | string[]) => tr(key, subs) },
    commands: { getAll: async () => [] },
    permissions: {
      getAll: async () => ({ origins: [...granted] }),
      // "*://*.example.com/*" covers "*://example.com/*", as in the browser.
      contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.some((g) => g === o || g.replace('://*.', '://') === o)),
      request: vi.fn(async ({ origins }: { origins: string[] }) => {
        granted.push(...origins);
        return true;
      }),
      remove: vi.fn(async () => true),
    },
    scripting: {
      getRegisteredContentScripts: async () => {
        const seen = [...registry].map((id) => ({ id, matches: ['*://*.example.com/*'] }));
        // The background's permissions.onAdded handler registers just after the popup looked.
        registry.add('vanban-lens-user-sites');
        return seen;
      },
      registerContentScripts: vi.fn(async () => {
        if (registry.size > 0) throw new Error("Duplicate script ID 'vanban-lens-user-sites'");
      }),
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => ids.forEach((id) => registry.delete(id)),
      executeScript: vi.fn(async () => []),
    },
  });
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7, url: `https://${host}/bai-viet`, index: 0, highlighted: true, active: true, pinned: false, incognito: false, windowId: 1 }] as never);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('no background in this test'));
}

async function openPopup() {
  vi.resetModules();
  await import('@/entrypoints/popup/main');
  const app = document.getElementById('app')!;
  await vi.waitFor(() => expect(app.querySelector('h2')).not.toBeNull());
  return app;
}

const button = (root: HTMLElement, text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === text)!;

beforeEach(() => {
  fakeBrowser.reset();
  document.documentElement.lang = 'vi';
  document.body.innerHTML = '<div id="app"></div>';
});
afterEach(() => vi.restoreAllMocks());

describe('popup wiring', () => {
  it('turns a site on and marks the tab even when the background registered first', async () => {
    stub();
    const app = await openPopup();
    button(app, 'Bật trên trang này').click();
    const scripting = (fakeBrowser as unknown as { scripting: { executeScript: ReturnType<typeof vi.fn> } }).scripting;
    await vi.waitFor(() => expect(scripting.executeScript).toHaveBeenCalled());
    expect(scripting.executeScript.mock.calls[0]![0]).toMatchObject({ target: { tabId: 7, allFrames: true } });
    await vi.waitFor(() => expect(app.querySelector('input[role="switch"]')).not.toBeNull());
    expect(app.querySelector('[role="alert"]')).toBeNull();
    expect(app.textContent).not.toContain('Không xin được quyền');
    expect(app.textContent).toContain('Đang bật trên trang này');
  });

  it('says plainly when a settings change could not be saved', async () => {
    stub({ host: 'baotest.vn' });
    const app = await openPopup();
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    const box = app.querySelector<HTMLInputElement>('input[type="number"]')!;
    box.value = '600';
    box.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(app.querySelector('[role="alert"]')?.textContent).toContain('Không lưu được thay đổi'));
    expect(box.value).toBe('300'); // the box shows what is saved
    const toggle = app.querySelector<HTMLInputElement>('input[role="switch"]')!;
    toggle.checked = false;
    toggle.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 10));
    expect(app.querySelector('[role="alert"]')?.textContent).toContain('Không lưu được thay đổi');
  });

  it('sets the page language from the interface language', async () => {
    stub({ lang: 'en', host: 'baotest.vn' });
    const app = await openPopup();
    expect(document.documentElement.lang).toBe('en');
    expect(app.textContent).toContain('baotest.vn');
    stub({ lang: 'vi', host: 'baotest.vn' });
    await openPopup();
    expect(document.documentElement.lang).toBe('vi');
  });
});
