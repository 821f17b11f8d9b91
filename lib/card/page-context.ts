/**
 * What a page says about itself that helps resolve its references: its publication date (from article
 * metadata, a <time> element, or a date written near the top) and its site. Read-only.
 */

const META_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
];

/** The page's date as "YYYY-MM-DD", or undefined when the page does not say. */
export function pageDate(doc: Document = document): string | undefined {
  for (const selector of META_SELECTORS) {
    const value = doc.querySelector<HTMLMetaElement>(selector)?.content;
    const date = isoDate(value);
    if (date) return date;
  }
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const match = /"datePublished"\s*:\s*"([^"]+)"/.exec(script.textContent ?? '');
    const date = isoDate(match?.[1]);
    if (date) return date;
  }
  const time = doc.querySelector<HTMLTimeElement>('article time[datetime], time[datetime]');
  const fromTime = isoDate(time?.dateTime);
  if (fromTime) return fromTime;
  // A date written near the top of the article ("08:02, 05/02/2020", "Thứ Tư, 5/2/2020").
  const top = (doc.querySelector('article') ?? doc.body)?.textContent?.slice(0, 1500) ?? '';
  const written = /(?:^|[^\d/])(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})(?![\d/])/.exec(top);
  if (written) return validDate(written[3], written[2], written[1]);
  return undefined;
}

/** The page's host name, as the resolver's site table keys it. */
export function pageSite(loc: Location = location): string {
  return loc.hostname.replace(/^www\./, '');
}

function isoDate(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (iso) return validDate(iso[1], iso[2], iso[3]);
  const vn = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(value);
  if (vn) return validDate(vn[3], vn[2], vn[1]);
  return undefined;
}

function validDate(year: string | undefined, month: string | undefined, day: string | undefined): string | undefined {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1930 || y > 2100) return undefined;
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCMonth() !== m - 1) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
