/**
 * Every article citing one document, for the record page: newest first, filtered by outlet and year, one page at
 * a time, each with what its sentences stated about the document (date, issuing body, term as read). Facts only:
 * no article text is stored, so none is returned. Reads one generation in one transaction.
 */
import type { ArticleRecord } from '../records/schema';
import { bucketOf } from './bucket';
import type { VblDb } from './db';
import { citationsOf, citingArticleIds } from './queries';
import type { Buckets } from './stored-records';

/** What one citing sentence stated about the document, as the detector read it. */
export interface StatedFacts {
  /** The reference as written ("Chỉ thị số 35-CT/TW"). */
  raw: string;
  date?: string;
  issuerName?: string;
  term?: string;
}

export interface CitingArticle {
  article: ArticleRecord;
  /** One entry per mention of the document in the article, in text order (identical readings once). */
  stated: StatedFacts[];
}

export interface CitingArticlesFilter {
  /** Only articles of this outlet (as the dataset names it). */
  outlet?: string;
  /** Only articles dated in this year ("2024"). */
  year?: string;
}

export interface CitingArticlesPage {
  items: CitingArticle[];
  /** How many articles match the filter. */
  total: number;
  /** How many articles cite the document, whatever the filter. */
  all: number;
  /** Every outlet among the citing articles, with its count, most articles first (for the filter). */
  outlets: Array<{ name: string; count: number }>;
  /** Every year among the citing articles, newest first, with its count (undated articles have none). */
  years: Array<{ year: string; count: number }>;
}

/** The citing articles of a document, newest first (the citations' order), read whole: filters need them all. */
export async function allCitingArticles(db: VblDb, gen: number, buckets: Buckets, id: string): Promise<ArticleRecord[]> {
  const tx = db.transaction(['citations', 'articles'], 'readonly');
  const citations = tx.objectStore('citations');
  const head = await citationsOf(citations, gen, id, buckets);
  const ids = await citingArticleIds(citations, gen, id, head, 0, head?.total ?? 0);
  const articles = tx.objectStore('articles');
  const wanted = [...new Set(ids.map((a) => bucketOf(a, buckets.articles)))];
  const rows = await Promise.all(wanted.map((b) => articles.get([gen, b])));
  await tx.done;
  const byId = new Map<string, ArticleRecord>();
  for (const row of rows) for (const a of row?.articles ?? []) byId.set(a.id, a);
  return ids.flatMap((a) => (byId.has(a) ? [byId.get(a)!] : []));
}

/** The year of an article's date ("2024-06-14" → "2024"), if it has one. */
export const yearOf = (article: ArticleRecord): string | undefined => /^(\d{4})/.exec(article.date ?? '')?.[1];

/** Counts of outlets and years among a document's citing articles (for the filters). */
export function facetsOf(articles: readonly ArticleRecord[]): Pick<CitingArticlesPage, 'outlets' | 'years'> {
  const outlets = new Map<string, number>();
  const years = new Map<string, number>();
  for (const a of articles) {
    outlets.set(a.outlet, (outlets.get(a.outlet) ?? 0) + 1);
    const y = yearOf(a);
    if (y) years.set(y, (years.get(y) ?? 0) + 1);
  }
  return {
    outlets: [...outlets].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'vi')),
    years: [...years].map(([year, count]) => ({ year, count })).sort((a, b) => b.year.localeCompare(a.year)),
  };
}

/** The articles a filter keeps, in order. */
export function filterArticles(articles: readonly ArticleRecord[], filter: CitingArticlesFilter): readonly ArticleRecord[] {
  if (filter.outlet === undefined && filter.year === undefined) return articles;
  return articles.filter((a) => (filter.outlet === undefined || a.outlet === filter.outlet) && (filter.year === undefined || yearOf(a) === filter.year));
}

/** Filters, counts and pages a document's citing articles (pure: the facet counts ignore the filter). */
export function pageOfArticles(articles: readonly ArticleRecord[], filter: CitingArticlesFilter, page: number, pageSize: number): { items: ArticleRecord[]; total: number; outlets: CitingArticlesPage['outlets']; years: CitingArticlesPage['years'] } {
  const kept = filterArticles(articles, filter);
  return { items: kept.slice(page * pageSize, page * pageSize + pageSize), total: kept.length, ...facetsOf(articles) };
}

/** What each article's sentences stated about document `id` (from the mentions, by article). */
export async function statedIn(db: VblDb, gen: number, buckets: Buckets, id: string, articleIds: readonly string[]): Promise<StatedFacts[][]> {
  const tx = db.transaction('mentions', 'readonly');
  const wanted = [...new Set(articleIds.map((a) => bucketOf(a, buckets.mentions)))];
  const rows = new Map(await Promise.all(wanted.map(async (b) => [b, await tx.store.get([gen, b])] as const)));
  await tx.done;
  return articleIds.map((a) => {
    const seen = new Set<string>();
    const out: StatedFacts[] = [];
    for (const m of rows.get(bucketOf(a, buckets.mentions))?.byArticle[a] ?? []) {
      if (m.documentId !== id) continue;
      const facts: StatedFacts = { raw: m.raw };
      if (m.date) facts.date = m.date;
      if (m.issuerName) facts.issuerName = m.issuerName;
      if (m.term) facts.term = m.term;
      const key = JSON.stringify([facts.raw, facts.date, facts.issuerName, facts.term]);
      if (!seen.has(key)) {
        seen.add(key);
        out.push(facts);
      }
    }
    return out;
  });
}
