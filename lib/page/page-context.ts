/**
 * What a page says about itself that helps resolve its references: its publication date (from article
 * metadata, a <time> element, or a date written near the top of the article) and its site. Read-only.
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

/** Where a page date came from: the page's metadata (strong), or a date written near the top of its text (weak). */
export type PageDateSource = 'metadata' | 'text';

export interface PageDate {
  date: string;
  from: PageDateSource;
}

/** Elements whose text is never the article's: code, styles, hidden templates. */
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'SVG']);
/** Page furniture around the article (site header with its clock, menus, sidebars, footer). */
const FURNITURE = new Set(['HEADER', 'NAV', 'FOOTER', 'ASIDE']);
/** Where an article's own text is, best first. */
const CONTENT_SELECTORS = ['article', '[itemprop="articleBody"]', 'main', '[role="main"]'];
const TOP_CHARS = 1500;
const WRITTEN_DATE = /(?:^|[^\d/])(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})(?![\d/])/;

/** The page's date as "YYYY-MM-DD", or undefined when the page does not say. */
export function pageDate(doc: Document = document): string | undefined {
  return findPageDate(doc)?.date;
}

/**
 * The page's date and where it came from. Metadata first (article:published_time and its kin, JSON-LD, a
 * <time datetime>); else a date written near the top of the article's own text ("08:02, 05/02/2020"), looked
 * for only in the article (article, main, articleBody) or, without one, from the page's headline on, never in
 * scripts, styles or the site's header, menus and sidebars (where a clock shows today's date).
 */
export function findPageDate(doc: Document = document): PageDate | undefined {
  for (const selector of META_SELECTORS) {
    const date = isoDate(doc.querySelector<HTMLMetaElement>(selector)?.content);
    if (date) return { date, from: 'metadata' };
  }
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const match = /"datePublished"\s*:\s*"([^"]+)"/.exec(script.textContent ?? '');
    const date = isoDate(match?.[1]);
    if (date) return { date, from: 'metadata' };
  }
  for (const time of doc.querySelectorAll<HTMLTimeElement>('time[datetime]')) {
    if (inFurniture(time)) continue;
    const date = isoDate(time.getAttribute('datetime'));
    if (date) return { date, from: 'metadata' };
  }
  const written = WRITTEN_DATE.exec(topText(doc));
  const date = written ? validDate(written[3], written[2], written[1]) : undefined;
  return date ? { date, from: 'text' } : undefined;
}

/** The first visible text of the article: its container's, or from the first headline on. Empty when neither. */
function topText(doc: Document): string {
  for (const selector of CONTENT_SELECTORS) {
    const root = doc.querySelector(selector);
    if (root) return textFrom(doc, root, root, false);
  }
  const headline = [...doc.querySelectorAll('h1')].find((h) => !inFurniture(h));
  return headline && doc.body ? textFrom(doc, doc.body, headline, true) : '';
}

/**
 * Up to TOP_CHARS of text under `root`, starting at `from`, skipping scripts and styles, and page furniture when
 * reading the whole body (inside an article, its own <header> holds the date line).
 */
function textFrom(doc: Document, root: Element, from: Element, skipFurniture: boolean): string {
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let text = '';
  let started = from === root;
  for (let node = walker.nextNode(); node && text.length < TOP_CHARS; node = walker.nextNode()) {
    if (!started) {
      const position = from.compareDocumentPosition(node);
      if (!(position & 16 /* CONTAINED_BY */) && !(position & 4 /* FOLLOWING */)) continue;
      started = true;
    }
    if (skipped(node.parentElement, root, skipFurniture)) continue;
    text += `${node.nodeValue ?? ''} `;
  }
  return text.slice(0, TOP_CHARS);
}

function skipped(element: Element | null, root: Element, skipFurniture: boolean): boolean {
  for (let el = element; el && el !== root; el = el.parentElement) {
    if (NOT_TEXT.has(el.tagName) || (skipFurniture && FURNITURE.has(el.tagName))) return true;
  }
  return false;
}

function inFurniture(element: Element): boolean {
  for (let el = element.parentElement; el; el = el.parentElement) {
    if (el.tagName === 'ARTICLE' || el.tagName === 'MAIN') return false;
    if (FURNITURE.has(el.tagName)) return true;
  }
  return false;
}

/** The page's host name, as the resolver's site table keys it. */
/**
 * The article's headline: its first h1 outside the site's furniture, else the og:title. A place it names places
 * the page's local codes that their sentences and paragraphs leave unplaced.
 */
export function pageHeadline(doc: Document = document): string | undefined {
  const h1 = [...doc.querySelectorAll('h1')].find((h) => !inFurniture(h));
  const text = (h1?.textContent ?? doc.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? '').replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, 300) : undefined;
}

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
