/** Outlet site → province, for placing local codes (…/TU) cited on a provincial newspaper's pages. */
import { foldAccents } from './alias-key';

/** Host name (without "www.") → province name, as the dataset's `sites` table gives it. */
export type SiteTable = Readonly<Record<string, string>>;

/** Host name key: lower case, no "www." / "m." / "amp." prefix, no port. */
export function siteKey(site: string): string {
  let host = site.trim().toLowerCase();
  const m = /^[a-z]+:\/\/([^/]+)/.exec(host);
  if (m?.[1]) host = m[1];
  host = host.replace(/[/?#].*$/, '').replace(/:\d+$/, '');
  return foldAccents(host).replace(/^(?:www|m|amp|mobile)\./, '');
}

/** The province for a site, trying the host and its parent domains ("tin.baonamdinh.vn" → baonamdinh.vn). */
export function placeForSite(site: string | undefined, table: SiteTable | undefined): string | undefined {
  if (!site || !table) return undefined;
  let host = siteKey(site);
  while (host.includes('.')) {
    const hit = table[host];
    if (hit) return hit;
    host = host.slice(host.indexOf('.') + 1);
  }
  return undefined;
}
