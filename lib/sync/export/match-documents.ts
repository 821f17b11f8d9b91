/**
 * Which dataset document an imported item names: the same code (however typed) and a compatible date. Pure.
 *   - a document of that code with the same date (or year, when one side gives only a year) — if exactly one;
 *   - no date given: the code's only document;
 *   - otherwise none (the item stays a reference to an unknown code, with what the file says).
 */
import { codeKey } from '../../keys/code-key';
import type { MatchQuery } from './import-file';

export interface MatchableDocument {
  id: string;
  code: string;
  date?: string;
}

export function documentMatcher(documents: Iterable<MatchableDocument>): (queries: MatchQuery[]) => Array<string | undefined> {
  const byCode = new Map<string, MatchableDocument[]>();
  for (const d of documents) {
    const k = codeKey(d.code);
    const list = byCode.get(k);
    if (list) list.push(d);
    else byCode.set(k, [d]);
  }
  return (queries) =>
    queries.map((q) => {
      const same = byCode.get(codeKey(q.code)) ?? [];
      if (!q.date) return same.length === 1 ? same[0]!.id : undefined;
      const exact = same.filter((d) => d.date === q.date);
      if (exact.length === 1) return exact[0]!.id;
      const compatible = same.filter((d) => d.date && (d.date.startsWith(q.date!) || q.date!.startsWith(d.date)));
      return compatible.length === 1 ? compatible[0]!.id : undefined;
    });
}
