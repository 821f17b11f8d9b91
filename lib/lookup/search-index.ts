/**
 * Full-text search over codes, type names, aliases and titles, accent- and case-insensitive ("chi thi 35",
 * "nghi quyet 57", "ke hoach 17 kh tw"), with minisearch. Built from the documents in the background's memory.
 *
 * Type words and numbers are each on thousands of documents ("chỉ thị" on one in seven), so a query made of
 * them would score every such document. Each document is therefore also indexed under compound words — type
 * name + number ("chithi35"), type abbreviation + number ("ct35"), the compact code ("17khtw") — and a query's
 * "chỉ thị 35" or "17 KH/TW" is looked up through them first: a few postings instead of tens of thousands.
 * Plain words are the fallback (all words, then any word).
 */
import MiniSearch from 'minisearch';
import type { DocumentRecord } from '../records/schema';
import { aliasKey, foldAccents } from '../keys/alias-key';
import { numberKey } from '../keys/code-key';

/** Words that say nothing about which document ("số", "về", "của", "năm"…): left out of queries and titles. */
const STOPWORDS = new Set(['so', 've', 'cua', 'va', 'cac', 'ngay', 'thang', 'nam', 'ban', 'hanh', 'doi', 'voi', 'trong', 'nhung', 'mot', 'la']);

interface Indexed {
  id: string;
  /** Type name, code, term and compound words ("chi thi 35 ct tw khoa xii chithi35 ct35 35cttw"). */
  head: string;
  aliases: string;
  title: string;
  news: boolean;
}

export interface SearchIndex {
  index: MiniSearch<Indexed>;
  /** Folded type names without spaces ("chithi") and type abbreviations ("ct") found in the documents. */
  typeWords: Set<string>;
  /** Compact codes ("35cttw", "1002019ndcp"). */
  codes: Set<string>;
  /** Folded type name → the type abbreviations written in codes ("huongdan" → "hd"). */
  abbrs: Map<string, Set<string>>;
}

/** Accent-folded words; letters and digits written together are split ("NQ57" → "nq", "57"). */
export function tokenize(text: string): string[] {
  const key = aliasKey(text);
  return key ? key.split(' ') : [];
}

/** Head field: accent-folded words split at anything not a letter or digit (compound words stay whole). */
function headTokens(text: string): string[] {
  return foldAccents(text).split(/[^a-z0-9]+/).filter(Boolean);
}

const compact = (text: string) => foldAccents(text).replace(/[^a-z0-9]/g, '');

export function createSearchIndex(): SearchIndex {
  const index = new MiniSearch<Indexed>({
    idField: 'id',
    fields: ['head', 'aliases', 'title'],
    storeFields: ['news'],
    tokenize: (text, field) => (field === 'head' ? headTokens(text) : tokenize(text)),
    processTerm: (term, field) => (field === 'title' && STOPWORDS.has(term) ? null : term),
    searchOptions: {
      tokenize: (text) => text.split(' ').filter(Boolean), // queries arrive already tokenized (queryTokens)
      processTerm: (term) => term,
      boost: { head: 3, aliases: 2, title: 1 },
      // Complete the last word as typed; tolerate one typo in long words.
      prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 2,
      fuzzy: (term) => (term.length >= 6 && !/\d/.test(term) ? 1 : false),
      maxFuzzy: 1,
      boostDocument: (_id, _term, stored) => (stored?.news ? 0.8 : 1),
    },
  });
  return { index, typeWords: new Set(), codes: new Set(), abbrs: new Map() };
}

export function addDocuments(search: SearchIndex, docs: DocumentRecord[]): void {
  search.index.addAll(
    docs.map((doc) => {
      const number = numberKey(doc.number);
      const typeName = compact(doc.typeName);
      const typeAbbr = compact(doc.typeAbbr);
      const code = compact(doc.code);
      search.typeWords.add(typeName);
      search.typeWords.add(typeAbbr);
      search.codes.add(code);
      let abbrs = search.abbrs.get(typeName);
      if (!abbrs) search.abbrs.set(typeName, (abbrs = new Set()));
      abbrs.add(typeAbbr);
      return {
        id: doc.id,
        head: `${doc.typeName} ${doc.code}${doc.term ? ` khoa ${doc.term}` : ''} ${typeName}${number} ${typeAbbr}${number} ${code}`,
        aliases: doc.aliases.join(' · '),
        title: doc.title ?? '',
        news: doc.knownFromNews === true,
      };
    }),
  );
}

/**
 * The query as compound words where it names a type and number or a code ("chi thi 35" → "chithi35";
 * "17 kh tw" → "17khtw"), the other words as they are; undefined when nothing compounds.
 */
export function compoundQuery(search: SearchIndex, words: string[]): string[] | undefined {
  const out: string[] = [];
  let changed = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (!/^\d+$/.test(word)) {
      out.push(word);
      continue;
    }
    const number = numberKey(word);
    // Type words right before the number: two words ("chi thi", "ke hoach") or one ("ct").
    let merged = false;
    let typeWord: string | undefined;
    const last = out[out.length - 1];
    const beforeLast = out[out.length - 2];
    if (last !== undefined && beforeLast !== undefined && search.typeWords.has(`${beforeLast}${last}`)) {
      typeWord = `${beforeLast}${last}`;
      out.splice(-2, 2, `${typeWord}${number}`);
      merged = true;
    } else if (last !== undefined && search.typeWords.has(last)) {
      typeWord = last;
      out.splice(-1, 1, `${last}${number}`);
      merged = true;
    }
    // The code written after the number: "17 kh tw", "100 2019 nd cp", or after a type name only the issuer
    // ("hướng dẫn 26 BTCTW" → 26-HD/BTCTW); the longest that exists.
    const infixes = ['', ...(typeWord ? (search.abbrs.get(typeWord) ?? []) : [])];
    let code: string | undefined;
    let used = 0;
    for (let n = Math.min(4, words.length - i - 1); n >= 1 && !code; n--) {
      const rest = words.slice(i + 1, i + 1 + n).join('');
      for (const infix of infixes) {
        const candidate = `${number}${infix}${rest}`;
        if (search.codes.has(candidate)) {
          code = candidate;
          used = n;
          break;
        }
      }
    }
    if (code) {
      out.push(code);
      i += used;
    } else if (!merged) {
      out.push(word);
    }
    changed ||= merged || code !== undefined;
  }
  return changed ? out : undefined;
}

/** Ranked ids: compound words first, then every word, then any word. */
export function searchIds(search: SearchIndex, query: string, limit: number): Array<{ id: string; score: number }> {
  return searchHits(search, query)
    .slice(0, limit)
    .map((h) => ({ id: h.id, score: Math.round(h.score * 1000) / 1000 }));
}

/** Every hit, best first (the search page filters them): compound words first, then every word, then any word. */
export function searchHits(search: SearchIndex, query: string): Array<{ id: string; score: number }> {
  const words = tokenize(query).filter((t) => !STOPWORDS.has(t));
  if (words.length === 0) return [];
  const compound = compoundQuery(search, words);
  let hits = compound ? search.index.search(compound.join(' '), { combineWith: 'AND' }) : [];
  if (hits.length === 0) hits = search.index.search(words.join(' '), { combineWith: 'AND' });
  if (hits.length === 0) hits = search.index.search(words.join(' '), { combineWith: 'OR' });
  return hits.map((h) => ({ id: String(h.id), score: h.score }));
}

/** True when the query has words the index reads (not only stopwords and punctuation). */
export function hasSearchWords(query: string): boolean {
  return tokenize(query).some((t) => !STOPWORDS.has(t));
}
