/**
 * Settings: defaults for every site and per-site choices, in browser.storage.sync (small, follows the user), with a
 * copy in storage.local (all there is where sync is unavailable or refuses a write). Each field carries a hybrid
 * logical clock stamp and the two are merged field by field, last writer wins (stamped-fields.ts); the background
 * merges what other browsers write (settings-sync.ts).
 * Keys: "settings" (global) and "site:<host>" (per site). Content scripts watch them, so a change takes effect
 * at once on open tabs.
 */
import { browser } from 'wxt/browser';
import { siteKey } from './sites';
import { isNodeId } from '../sync/hlc';
import { LEGACY_LOCAL, LEGACY_SYNC, mergeStamped, readStamped, stampChanges, toStored, type Stamped } from './stamped-fields';

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

/** The fields stamped and merged one by one across browsers. */
export const GLOBAL_FIELDS = Object.keys(DEFAULT_SETTINGS) as Array<keyof GlobalSettings>;
export const SITE_FIELDS = ['enabled', 'mode'] as const;
export const GLOBAL_STORAGE_KEY = GLOBAL_KEY;
/** This browser's id in the settings' clocks (storage.local only). */
const NODE_KEY = 'settings:node';

/** The item's stamped fields: storage.sync's and this device's copy merged (sync unavailable: the copy alone). */
async function readMerged(key: string, fields: readonly string[]): Promise<Stamped> {
  let synced: unknown;
  try {
    synced = (await browser.storage.sync.get(key))[key];
  } catch {
    // storage.sync unavailable (disabled by policy, or a browser without it): the local copy.
  }
  const local = (await browser.storage.local.get(key).catch(() => ({}) as Record<string, unknown>))[key];
  return mergeStamped(readStamped(synced, fields, LEGACY_SYNC), readStamped(local, fields, LEGACY_LOCAL));
}

/** This browser's id in the settings' clocks (made once, kept in storage.local). */
export async function nodeId(): Promise<string> {
  const stored = (await browser.storage.local.get(NODE_KEY).catch(() => ({}) as Record<string, unknown>))[NODE_KEY];
  if (typeof stored === 'string' && isNodeId(stored)) return stored;
  const node = [...crypto.getRandomValues(new Uint8Array(8))].map((b) => (b % 36).toString(36)).join('');
  await browser.storage.local.set({ [NODE_KEY]: node }).catch(() => {});
  return node;
}

/**
 * Stamps the fields that change and writes the item to storage.sync and this device's copy. Over the sync quota:
 * nothing written, said plainly (the caller shows it). Sync unavailable: kept on this device (merged in later).
 */
async function writeChanges(key: string, fields: readonly string[], base: Stamped, changes: Record<string, unknown>): Promise<Stamped> {
  const target = { ...base.values };
  for (const [field, value] of Object.entries(changes)) target[field] = value;
  const next = stampChanges(base, target, fields, await nodeId(), Date.now());
  const stored = toStored(next);
  try {
    await browser.storage.sync.set({ [key]: stored });
  } catch (error) {
    if (/quota/i.test(error instanceof Error ? error.message : String(error))) throw error;
    console.warn('vanban-lens: settings kept on this device only', error);
  }
  await browser.storage.local.set({ [key]: stored });
  return next;
}

export async function getGlobalSettings(): Promise<GlobalSettings> {
  return normalizeGlobal((await readMerged(GLOBAL_KEY, GLOBAL_FIELDS)).values);
}

/** Changes the fields given (the others stay as the latest writer, in any browser, left them). */
export async function setGlobalSettings(patch: Partial<GlobalSettings>): Promise<GlobalSettings> {
  const base = await readMerged(GLOBAL_KEY, GLOBAL_FIELDS);
  const current = normalizeGlobal(base.values);
  const next = normalizeGlobal({ ...current, ...patch });
  const changes: Record<string, unknown> = {};
  for (const field of GLOBAL_FIELDS) if (JSON.stringify(next[field]) !== JSON.stringify(current[field])) changes[field] = next[field];
  if (!Object.keys(changes).length) return next;
  return normalizeGlobal((await writeChanges(GLOBAL_KEY, GLOBAL_FIELDS, base, changes)).values);
}

export async function getSiteSettings(hostname: string): Promise<SiteSettings> {
  return normalizeSite((await readMerged(siteStorageKey(hostname), SITE_FIELDS)).values);
}

/** A site's choice back to its default (on; the default mode) is stored as its stamp alone, so it syncs too. */
export async function setSiteSettings(hostname: string, patch: SiteSettings): Promise<SiteSettings> {
  const key = siteStorageKey(hostname);
  const base = await readMerged(key, SITE_FIELDS);
  const current = normalizeSite(base.values);
  const next = normalizeSite({ ...current, ...patch });
  if (next.enabled !== false) delete next.enabled;
  const changes: Record<string, unknown> = {};
  for (const field of SITE_FIELDS) if (next[field] !== current[field]) changes[field] = next[field];
  if (!Object.keys(changes).length) return next;
  const written = normalizeSite((await writeChanges(key, SITE_FIELDS, base, changes)).values);
  if (written.enabled !== false) delete written.enabled;
  return written;
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
    if ((area === 'sync' && (GLOBAL_KEY in changes || key in changes)) || (area === 'local' && (GLOBAL_KEY in changes || key in changes))) read();
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
  read();
}

function isMode(value: unknown): value is Mode {
  return value === 'highlight' || value === 'inline';
}
