/**
 * Settings: defaults for every site and per-site choices, in browser.storage.sync (small, follows the user), or
 * storage.local where sync is unavailable or refuses a write (the copy there is read when sync has none).
 * Keys: "settings" (global) and "site:<host>" (per site). Content scripts watch them, so a change takes effect
 * at once on open tabs.
 */
import { browser } from 'wxt/browser';
import { siteKey } from './sites';

export type Mode = 'highlight' | 'inline';
/** Where vanban-lens runs: the default (Vietnamese) sites, everywhere, everywhere but a list, only a list. */
export type RunWhere = 'default' | 'everywhere' | 'except' | 'only';
export type Theme = 'system' | 'light' | 'dark';
export type Language = 'system' | 'vi' | 'en';

export interface Families {
  party: boolean;
  state: boolean;
}

export interface GlobalSettings {
  /** How references are drawn where a site has no choice of its own. */
  defaultMode: Mode;
  /** How long the pointer rests on a reference before its card opens (ms). */
  dwellMs: number;
  where: RunWhere;
  /** The hosts of "everywhere except" / "only these" (lower case, without "www."). */
  sites: string[];
  /** Which families of documents are marked. */
  families: Families;
  theme: Theme;
  language: Language;
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
  families: Families;
  language: Language;
  theme: Theme;
}

export const DEFAULT_SETTINGS: GlobalSettings = {
  defaultMode: 'highlight',
  dwellMs: 300,
  where: 'default',
  sites: [],
  families: { party: true, state: true },
  theme: 'system',
  language: 'system',
};
/** Most hosts a site list holds (storage.sync keeps items under 8 KB). */
export const MAX_SITES = 200;
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
  const families = (input.families && typeof input.families === 'object' ? input.families : {}) as Record<string, unknown>;
  return {
    defaultMode: isMode(input.defaultMode) ? input.defaultMode : DEFAULT_SETTINGS.defaultMode,
    dwellMs: Math.min(MAX_DWELL_MS, Math.max(MIN_DWELL_MS, dwell)),
    where: oneOf(input.where, ['default', 'everywhere', 'except', 'only'] as const, DEFAULT_SETTINGS.where),
    sites: Array.isArray(input.sites) ? siteList(input.sites) : [],
    families: { party: families.party !== false, state: families.state !== false },
    theme: oneOf(input.theme, ['system', 'light', 'dark'] as const, DEFAULT_SETTINGS.theme),
    language: oneOf(input.language, ['system', 'vi', 'en'] as const, DEFAULT_SETTINGS.language),
  };
}

/** Host names from a list (or typed text): lower case, no "www.", no scheme or path, each once, at most MAX_SITES. */
export function siteList(values: readonly unknown[]): string[] {
  const out = new Set<string>();
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const host = siteKey(value.trim().replace(/^[a-z]+:\/\//i, '').replace(/[/:?#].*$/, '').replace(/^\*\./, ''));
    if (/^[a-z0-9.-]+\.[a-z0-9-]+$/i.test(host) || /^[a-z0-9-]+$/i.test(host)) out.add(host);
    if (out.size >= MAX_SITES) break;
  }
  return [...out];
}

/** True when a site list names the host (itself or a domain above it). */
export function listCovers(sites: readonly string[], hostname: string): boolean {
  const host = siteKey(hostname);
  return sites.some((site) => host === site || host.endsWith(`.${site}`));
}

/** True when the settings let vanban-lens run on the host at all (before the site's own on/off). */
export function runsOn(global: Pick<GlobalSettings, 'where' | 'sites'>, hostname: string): boolean {
  switch (global.where) {
    case 'only':
      return listCovers(global.sites, hostname);
    case 'except':
      return !listCovers(global.sites, hostname);
    default:
      return true;
  }
}

function oneOf<T extends string>(value: unknown, values: readonly T[], fallback: T): T {
  return values.includes(value as T) ? (value as T) : fallback;
}

export function normalizeSite(value: unknown): SiteSettings {
  const input = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const out: SiteSettings = {};
  if (typeof input.enabled === 'boolean') out.enabled = input.enabled;
  if (isMode(input.mode)) out.mode = input.mode;
  return out;
}

export function effectiveSettings(global: GlobalSettings, site: SiteSettings, hostname?: string): EffectiveSettings {
  return {
    enabled: site.enabled !== false && (hostname === undefined || runsOn(global, hostname)),
    mode: site.mode ?? global.defaultMode,
    dwellMs: global.dwellMs,
    families: global.families,
    language: global.language,
    theme: global.theme,
  };
}

export async function getGlobalSettings(): Promise<GlobalSettings> {
  let stored: Record<string, unknown> = {};
  try {
    stored = await browser.storage.sync.get(GLOBAL_KEY);
  } catch {
    // storage.sync unavailable (disabled by policy, or a browser without it): the local copy.
  }
  if (stored[GLOBAL_KEY] === undefined) stored = await browser.storage.local.get(GLOBAL_KEY).catch(() => ({}));
  return normalizeGlobal(stored[GLOBAL_KEY]);
}

export async function setGlobalSettings(patch: Partial<GlobalSettings>): Promise<GlobalSettings> {
  const next = normalizeGlobal({ ...(await getGlobalSettings()), ...patch });
  try {
    await browser.storage.sync.set({ [GLOBAL_KEY]: next });
    // A local copy written while sync failed must not outlive the newer synced value.
    await browser.storage.local.remove(GLOBAL_KEY).catch(() => {});
  } catch (error) {
    // Over the sync quota: said plainly (the caller shows it). Sync unavailable: kept on this device instead.
    if (/quota/i.test(error instanceof Error ? error.message : String(error))) throw error;
    console.warn('vanban-lens: settings kept on this device only', error);
    await browser.storage.local.set({ [GLOBAL_KEY]: next });
  }
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
  return effectiveSettings(global, site, hostname);
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
    if ((area === 'sync' && (GLOBAL_KEY in changes || key in changes)) || (area === 'local' && GLOBAL_KEY in changes)) read();
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
  read();
}

function isMode(value: unknown): value is Mode {
  return value === 'highlight' || value === 'inline';
}
