/**
 * Full-text search over codes, type names, aliases and titles, accent- and case-insensitive ("chi thi 35",
 * "nghi quyet 57", "ke hoach 17 kh tw"), on the posting index (posting-index.ts). Built from the documents in the
 * background's memory. The last word of a query is completed as typed ("chuyen doi s" finds "số").
 *
 * Type words and numbers are each on thousands of documents ("chỉ thị" on one in seven), so a query made of
 * them would score every such document. Each document is therefore also indexed under compound words — type
 * name + number ("chithi35"), type abbreviation + number ("ct35"), the compact code ("17khtw") — and a query's
 * "chỉ thị 35" or "17 KH/TW" is looked up through them first: a few postings instead of tens of thousands.
 * Plain words are the fallback (all words, then any word).
 */
import type { DocumentRecord } from '../records/schema';
import { aliasKey, foldAccents } from '../keys/alias-key';
import { numberKey } from '../keys/code-key';
import { addPostingDocument, createPostingIndex, queryPostings, type PostingHits, type PostingIndex, type QueryWord } from './posting-index';

/** Words that say nothing about which document ("số", "về", "của", "năm"…): left out of queries and titles. */
const STOPWORDS = new Set(['so', 've', 'cua', 'va', 'cac', 'ngay', 'thang', 'nam', 'ban', 'hanh', 'doi', 'voi', 'trong', 'nhung', 'mot', 'la']);

/** Field weights: the head (type, code, term, compound words) over aliases over the title. */
const HEAD = 3;
const ALIASES = 2;
const TITLE = 1;
/** Documents only known from news rank a little below sourced ones. */
const NEWS_BOOST = 0.8;

export interface SearchIndex {
  postings: PostingIndex;
  /** The documents by their number in the posting index. */
  docs: DocumentRecord[];
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
  return { postings: createPostingIndex(), docs: [], typeWords: new Set(), codes: new Set(), abbrs: new Map() };
}

export function addDocuments(search: SearchIndex, docs: DocumentRecord[]): void {
  for (const doc of docs) {
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
    const terms = new Map<string, number>();
    const add = (words: string[], weight: number, stop: boolean) => {
      const seen = new Set<string>();
      for (const w of words) {
        if (seen.has(w) || (stop && STOPWORDS.has(w))) continue;
        seen.add(w);
        terms.set(w, (terms.get(w) ?? 0) + weight);
      }
    };
    add(headTokens(`${doc.typeName} ${doc.code}${doc.term ? ` khoa ${doc.term}` : ''} ${typeName}${number} ${typeAbbr}${number} ${code}`), HEAD, false);
    add(doc.aliases.flatMap(tokenize), ALIASES, false);
    add(tokenize(doc.title ?? ''), TITLE, true);
    addPostingDocument(search.postings, doc.id, terms, doc.knownFromNews ? NEWS_BOOST : 1);
    search.docs.push(doc);
  }
}

/**
 * The query as compound words where it names a type and number or a code ("chi thi 35" → "chithi35";
 * "17 kh tw" → "17khtw"), the other words as they are; undefined when nothing compounds.
 */
export function compoundQuery(search: Pick<SearchIndex, 'typeWords' | 'codes' | 'abbrs'>, words: string[]): string[] | undefined {
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

/**
 * Every hit, best first (ties in index order): compound words first, then every word, then any word. The last
 * word is completed as typed unless the query ends in a space or a compound took it.
 */
export function searchHits(search: SearchIndex, query: string): Array<{ id: string; score: number }> {
  const { docs, scores } = matchDocuments(search, query);
  const order = Array.from(docs.keys()).sort((a, b) => scores[b]! - scores[a]! || docs[a]! - docs[b]!);
  const ids = search.postings.ids;
  return order.map((i) => ({ id: ids[docs[i]!]!, score: scores[i]! }));
}

/** Every hit, unordered, by document number (search.docs): compound words first, then every word, then any word. */
export function matchDocuments(search: SearchIndex, query: string): PostingHits {
  const typing = !/[\s,.;:!?)]$/.test(query);
  let words = tokenize(query).filter((t) => !STOPWORDS.has(t));
  // A single letter being typed after other words says nothing yet ("35-CT/T"): wait for the next.
  if (typing && words.length > 1 && /^[a-z]$/.test(words[words.length - 1]!)) words = words.slice(0, -1);
  if (words.length === 0) return { docs: new Uint32Array(0), scores: new Float64Array(0) };
  const asWords = (list: string[], compounded?: Set<string>): QueryWord[] =>
    list.map((text, i) => ({ text, prefix: typing && i === list.length - 1 && !compounded?.has(text) }));
  const compound = compoundQuery(search, words);
  const made = compound ? new Set(compound.filter((w) => !words.includes(w))) : undefined;
  let hits = compound ? queryPostings(search.postings, asWords(compound, made), 'and') : undefined;
  if (!hits?.docs.length) hits = queryPostings(search.postings, asWords(words), 'and');
  if (!hits.docs.length) hits = queryPostings(search.postings, asWords(words), 'or');
  return hits;
}

/** True when the query has words the index reads (not only stopwords and punctuation). */
export function hasSearchWords(query: string): boolean {
  return tokenize(query).some((t) => !STOPWORDS.has(t));
}
