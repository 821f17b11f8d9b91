/**
 * Where the extension runs without asking: Vietnamese sites (*.vn) and major Vietnamese outlets on other
 * domains. Anywhere else runs only after the user grants the site (optional host permissions). Pure.
 */

/** Major Vietnamese outlets whose domains are not under .vn. */
export const DEFAULT_OUTLETS: readonly string[] = ['vnexpress.net', 'baomoi.com'];

/** Match patterns the manifest grants and injects the content script into. `*.x` also matches x itself. */
export const DEFAULT_MATCHES: readonly string[] = ['*://*.vn/*', ...DEFAULT_OUTLETS.map((host) => `*://*.${host}/*`)];

/** What the popup asks for when the user turns the extension on everywhere. */
export const ALL_SITES_PATTERN = '*://*/*';

/** The settings key for a host name: lower case, without a leading "www.". */
export function siteKey(hostname: string): string {
  return hostname.trim().toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
}

/** True when the manifest already covers the host (no permission prompt needed). */
export function isDefaultSite(hostname: string): boolean {
  const host = siteKey(hostname);
  if (!host) return false;
  if (host === 'vn' || host.endsWith('.vn')) return true;
  return DEFAULT_OUTLETS.some((outlet) => host === outlet || host.endsWith(`.${outlet}`));
}

/** The optional host permission pattern that covers one site (and its subdomains). */
export function sitePattern(hostname: string): string {
  return `*://*.${siteKey(hostname)}/*`;
}

/** True for pages an extension can run on at all (http and https documents). */
export function isWebPage(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
