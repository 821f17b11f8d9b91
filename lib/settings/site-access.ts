/**
 * Open tabs follow a withdrawn site permission at once, as they follow "site off": the extension (popup or
 * background) tells every tab which origins are still granted, and a content script on a site no longer
 * covered stops and removes its marks. Content scripts cannot read permissions themselves, hence the message.
 */
import { browser } from 'wxt/browser';
import { isDefaultSite } from './sites';

export const SITE_ACCESS_CHANNEL = 'vanban-lens/site-access';

interface SiteAccessMessage {
  channel: typeof SITE_ACCESS_CHANNEL;
  /** Every origin pattern the extension holds now (manifest and granted). */
  origins: string[];
}

/** For the popup and the background: tells open tabs which origins are still granted. Never rejects. */
export async function announceSiteAccess(): Promise<void> {
  try {
    const { origins = [] } = await browser.permissions.getAll();
    const message: SiteAccessMessage = { channel: SITE_ACCESS_CHANNEL, origins };
    const tabs = await browser.tabs.query({});
    await Promise.all(
      tabs.map((tab) =>
        tab.id === undefined
          ? undefined
          : browser.tabs.sendMessage(tab.id, message).catch(() => {
              // No content script in that tab: nothing to stop.
            }),
      ),
    );
  } catch (error) {
    console.warn('vanban-lens: telling tabs about a withdrawn permission', error);
  }
}

/**
 * For the content script: calls `onLost` once when the extension says no granted origin covers `hostname` any
 * more (default sites are covered by the manifest and never lost this way), until the signal aborts.
 */
export function watchSiteAccess(hostname: string, signal: AbortSignal, onLost: () => void): void {
  if (isDefaultSite(hostname)) return;
  const listener = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id || !isSiteAccessMessage(message)) return undefined;
    if (!message.origins.some((origin) => originCovers(origin, hostname))) {
      browser.runtime.onMessage.removeListener(listener);
      onLost();
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}

/** True when a match pattern (a site with its subdomains, every site, or <all_urls>) covers the host's pages. Pure. */
export function originCovers(pattern: string, hostname: string): boolean {
  if (pattern === '<all_urls>') return true;
  const match = /^(\*|https?|wss?|file|ftp):\/\/([^/]*)\//.exec(pattern);
  if (!match || (match[1] !== '*' && match[1] !== 'http' && match[1] !== 'https')) return false;
  const host = hostname.trim().toLowerCase().replace(/\.$/, '');
  const want = (match[2] ?? '').toLowerCase().replace(/:\d+$/, '');
  if (want === '*') return true;
  if (want.startsWith('*.')) {
    const base = want.slice(2);
    return host === base || host.endsWith(`.${base}`);
  }
  return host === want;
}

function isSiteAccessMessage(message: unknown): message is SiteAccessMessage {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return m.channel === SITE_ACCESS_CHANNEL && Array.isArray(m.origins) && m.origins.every((o) => typeof o === 'string');
}
