/**
 * Settings: defaults for every site and per-site choices, in browser.storage.sync (small, follows the user).
 * Keys: "settings" (global) and "site:<host>" (per site). Content scripts watch them, so a change takes effect
 * at once on open tabs.
 */
import { browser } from 'wxt/browser';
import { siteKey } from './sites';

export type Mode = 'highlight' | 'inline';

export interface GlobalSettings {
  /** How references are drawn where a site has no choice of its own. */
  defaultMode: Mode;
  /** How long the pointer rests on a reference before its card opens (ms). */
  dwellMs: number;
}

export interface SiteSettings {
  /** Off only when the user turned the site off; undefined means on (where the extension may run). */
  enabled?: boolean;
  mode?: Mode;
}

export interface EffectiveSettings {
  enabled: boolean;
  mode: Mode;
  dwellMs: number;
}

export const DEFAULT_SETTINGS: GlobalSettings = { defaultMode: 'highlight', dwellMs: 300 };
/** Below this a card would open as the pointer merely crosses a line of text. */
export const MIN_DWELL_MS = 50;
export const MAX_DWELL_MS = 3000;

const GLOBAL_KEY = 'settings';
const sitePrefix = 'site:';
export const siteStorageKey = (hostname: string) => sitePrefix + siteKey(hostname);

/** Accepts only well-formed values; anything else (older versions, hand edits) falls back to defaults. */
export function normalizeGlobal(value: unknown): GlobalSettings {
  const input = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const dwell = typeof input.dwellMs === 'number' && Number.isFinite(input.dwellMs) ? Math.round(input.dwellMs) : DEFAULT_SETTINGS.dwellMs;
  return {
    defaultMode: isMode(input.defaultMode) ? input.defaultMode : DEFAULT_SETTINGS.defaultMode,
    dwellMs: Math.min(MAX_DWELL_MS, Math.max(MIN_DWELL_MS, dwell)),
  };
}

export function normalizeSite(value: unknown): SiteSettings {
  const input = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const out: SiteSettings = {};
  if (typeof input.enabled === 'boolean') out.enabled = input.enabled;
  if (isMode(input.mode)) out.mode = input.mode;
  return out;
}

export function effectiveSettings(global: GlobalSettings, site: SiteSettings): EffectiveSettings {
  return { enabled: site.enabled !== false, mode: site.mode ?? global.defaultMode, dwellMs: global.dwellMs };
}

export async function getGlobalSettings(): Promise<GlobalSettings> {
  const stored = await browser.storage.sync.get(GLOBAL_KEY);
  return normalizeGlobal(stored[GLOBAL_KEY]);
}

export async function setGlobalSettings(patch: Partial<GlobalSettings>): Promise<GlobalSettings> {
  const next = normalizeGlobal({ ...(await getGlobalSettings()), ...patch });
  await browser.storage.sync.set({ [GLOBAL_KEY]: next });
  return next;
}

export async function getSiteSettings(hostname: string): Promise<SiteSettings> {
  const key = siteStorageKey(hostname);
  const stored = await browser.storage.sync.get(key);
  return normalizeSite(stored[key]);
}

export async function setSiteSettings(hostname: string, patch: SiteSettings): Promise<SiteSettings> {
  const key = siteStorageKey(hostname);
  const next = normalizeSite({ ...(await getSiteSettings(hostname)), ...patch });
  if (next.enabled !== false && next.mode === undefined) await browser.storage.sync.remove(key);
  else await browser.storage.sync.set({ [key]: next });
  return next;
}

export async function getEffectiveSettings(hostname: string): Promise<EffectiveSettings> {
  const [global, site] = await Promise.all([getGlobalSettings(), getSiteSettings(hostname)]);
  return effectiveSettings(global, site);
}

/**
 * Calls `onSettings` with the site's effective settings now and after every change, until the signal aborts.
 * Each call reads storage afresh, and only the answer to the latest read is delivered: a change made while the
 * first read is still on its way is never overwritten by that older answer.
 */
export function followEffectiveSettings(
  hostname: string,
  signal: AbortSignal,
  onSettings: (settings: EffectiveSettings) => void,
): void {
  const key = siteStorageKey(hostname);
  let latest = 0;
  const read = () => {
    const asked = ++latest;
    void getEffectiveSettings(hostname).then(
      (settings) => {
        if (!signal.aborted && asked === latest) onSettings(settings);
      },
      (error: unknown) => console.warn('vanban-lens: reading settings', error),
    );
  };
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'sync' && (GLOBAL_KEY in changes || key in changes)) read();
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
  read();
}

function isMode(value: unknown): value is Mode {
  return value === 'highlight' || value === 'inline';
}
