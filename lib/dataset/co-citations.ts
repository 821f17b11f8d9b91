/** Co-citations: pairs of documents cited in the same article, with how many articles cite both. Pure. */
import type { CoCitation, MentionRecord } from '../records/schema';

export function coCitations(mentions: readonly MentionRecord[]): CoCitation[] {
  const perArticle = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (!m.documentId) continue;
    const set = perArticle.get(m.articleId) ?? new Set<string>();
    set.add(m.documentId);
    perArticle.set(m.articleId, set);
  }
  const pairs = new Map<string, number>();
  for (const docs of perArticle.values()) {
    const list = [...docs].sort();
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const key = `${list[i]}\u0000${list[j]}`;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
  }
  return [...pairs]
    .map(([key, articles]) => { const [a, b] = key.split('\u0000') as [string, string]; return { a, b, articles }; })
    .sort((x, y) => y.articles - x.articles || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
}
