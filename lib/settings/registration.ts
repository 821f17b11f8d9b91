/**
 * Sites the user turned on beyond the defaults: optional host permissions plus one content script registered
 * at run time for every granted origin. The popup calls these right after a grant; the background calls
 * `syncRegisteredContentScript` on start-up and when permissions change, so the registration always matches
 * what the user has granted.
 */
import { browser } from 'wxt/browser';
import { ALL_SITES_PATTERN, DEFAULT_MATCHES, isDefaultSite, sitePattern } from './sites';
import { announceSiteAccess } from './site-access';

/** Where WXT writes the content script (entrypoints/content.ts). */
export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';
export const REGISTERED_SCRIPT_ID = 'vanban-lens-user-sites';

/** Origins the user granted beyond the manifest's defaults. */
export async function grantedExtraOrigins(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  const defaults = new Set(DEFAULT_MATCHES);
  return origins.filter((origin) => !defaults.has(origin));
}

/** True when the extension may run on the host (default site, granted site, or all sites granted). */
export async function hasSiteAccess(hostname: string): Promise<boolean> {
  if (isDefaultSite(hostname)) return true;
  return browser.permissions.contains({ origins: [`*://${hostname}/*`] });
}

/** True when the user granted every site. */
export async function hasAllSites(): Promise<boolean> {
  return browser.permissions.contains({ origins: [ALL_SITES_PATTERN] });
}

type Registration = Parameters<typeof browser.scripting.registerContentScripts>[0][number];

/** Calls in this context run one after another (a grant's popup call and a permission event, say). */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Makes the run-time content script cover exactly the granted extra origins (none: unregistered). The default
 * sites are excluded: the manifest already injects there. Idempotent, and safe when the popup and the
 * background run it at the same moment: calls in one context are queued, and where another context registered
 * or unregistered in between (Chrome's "Duplicate script ID" / "Nonexistent script ID", Firefox's "already
 * registered" / "does not exist"), the registration is read again and brought in line.
 */
export function syncRegisteredContentScript(): Promise<string[]> {
  const run = queue.then(syncWithRetries);
  queue = run.catch(() => undefined);
  return run;
}

const RACE_ERROR = /duplicate script id|nonexistent script id|already registered|does not exist|not registered/i;
const RACE_RETRIES = 4;

/** True for the errors another context's concurrent registration causes. */
export function isRegistrationRace(error: unknown): boolean {
  return RACE_ERROR.test(error instanceof Error ? error.message : String(error));
}

async function syncWithRetries(): Promise<string[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await syncOnce();
    } catch (error) {
      if (attempt >= RACE_RETRIES || !isRegistrationRace(error)) throw error;
    }
  }
}

async function syncOnce(): Promise<string[]> {
  const origins = await grantedExtraOrigins();
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [REGISTERED_SCRIPT_ID] }).catch(() => []);
  const current = existing.find((s) => s.id === REGISTERED_SCRIPT_ID);
  if (origins.length === 0) {
    if (current) await browser.scripting.unregisterContentScripts({ ids: [REGISTERED_SCRIPT_ID] });
    return [];
  }
  if (current && sameSet(current.matches ?? [], origins)) return origins; // already right
  if (current) await browser.scripting.unregisterContentScripts({ ids: [REGISTERED_SCRIPT_ID] });
  const script = {
    id: REGISTERED_SCRIPT_ID,
    matches: origins,
    excludeMatches: [...DEFAULT_MATCHES],
    js: [CONTENT_SCRIPT_FILE],
    allFrames: true,
    runAt: 'document_idle' as const,
  };
  try {
    await browser.scripting.registerContentScripts([{ ...script, persistAcrossSessions: true } as Registration]);
  } catch (error) {
    if (isRegistrationRace(error)) throw error;
    // Browsers that do not keep registrations across sessions: the background registers again at start-up.
    await browser.scripting.registerContentScripts([script as Registration]);
  }
  return origins;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  return left.size === new Set(b).size && b.every((x) => left.has(x));
}

/** Runs the content script in a tab now (after a grant), so the user sees the page marked without reloading. */
export async function injectIntoTab(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [CONTENT_SCRIPT_FILE as never] });
}

/**
 * Asks for one site (or every site). Must be called straight from the click handler: browsers only show the
 * permission prompt during a user gesture. Resolves to whether the user agreed.
 */
export function requestSite(hostname: string | 'all'): Promise<boolean> {
  return browser.permissions.request({ origins: [hostname === 'all' ? ALL_SITES_PATTERN : sitePattern(hostname)] });
}

/**
 * Withdraws the grant for one site (or every site), updates the registration and tells open tabs, whose
 * readers stop at once where no grant covers them any more. Rejects only when the grant could not be withdrawn.
 */
export async function revokeSite(hostname: string | 'all'): Promise<void> {
  await browser.permissions.remove({ origins: [hostname === 'all' ? ALL_SITES_PATTERN : sitePattern(hostname)] });
  await Promise.all([
    syncRegisteredContentScript().catch((error) => console.warn('vanban-lens: registration', error)),
    announceSiteAccess(),
  ]);
}

/** For the background: keeps the registration in step with grants made or withdrawn anywhere. */
export function watchPermissions(): void {
  const sync = () => void syncRegisteredContentScript().catch((error) => console.warn('vanban-lens: registration', error));
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(() => {
    sync();
    void announceSiteAccess();
  });
  sync();
}
