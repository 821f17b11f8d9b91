/**
 * An inverted index built for keystroke speed: every term → the documents holding it (ascending document
 * numbers in a typed array) with the weight of the fields it is in, the terms sorted once for prefix completion
 * of the word being typed, and per-query scratch arrays reused across queries (a generation stamp instead of
 * clearing), so a query costs the postings it touches and nothing per document of the dataset.
 *
 * A query is a list of word groups (each an exact term, or a prefix's terms); a document matches with every
 * group ('and') or with any ('or'); its score is the sum over matched groups of field weight × inverse document
 * frequency, a completed prefix counting half.
 */

export interface PostingIndex {
  /** Document ids by document number. */
  readonly ids: string[];
  /** Per document: a factor on its score (1; less for weakly known documents). */
  readonly boost: number[];
  readonly terms: Map<string, Posting>;
  /** Terms in code-unit order (for prefixes); built by finish(). */
  sorted?: string[];
  /** The same without terms holding a digit (what a prefix of letters completes to: words, not compounds). */
  sortedWords?: Array<{ term: string; posting: Posting }>;
  sortedAll?: Array<{ term: string; posting: Posting }>;
  scratch?: Scratch;
}

interface Posting {
  docs: number[] | Uint32Array;
  weights: number[] | Uint8Array;
  idf: number;
}

interface Scratch {
  gen: number;
  stamp: Uint32Array;
  count: Uint16Array;
  score: Float64Array;
}

/** A word of the query: the exact term, or (the word being typed) every term it begins. */
export interface QueryWord {
  text: string;
  prefix: boolean;
}

/** Matching documents and their scores, position by position (typed arrays: no object per document). */
export interface PostingHits {
  docs: Uint32Array;
  scores: Float64Array;
}

const NO_HITS: PostingHits = { docs: new Uint32Array(0), scores: new Float64Array(0) };

/** Weight of a completed prefix against the whole word. */
const PREFIX_WEIGHT = 0.5;
/** At most this many terms complete one prefix (a one-letter prefix never completes). */
const MAX_EXPANSION = 5000;

export function createPostingIndex(): PostingIndex {
  return { ids: [], boost: [], terms: new Map() };
}

/** Adds one document: its terms, each with the (summed) weight of the fields it appears in (1–255). */
export function addPostingDocument(index: PostingIndex, id: string, terms: Map<string, number>, boost = 1): void {
  const doc = index.ids.length;
  index.ids.push(id);
  index.boost.push(boost);
  for (const [term, weight] of terms) {
    let posting = index.terms.get(term);
    if (!posting) index.terms.set(term, (posting = { docs: [], weights: [], idf: 0 }));
    (posting.docs as number[]).push(doc);
    (posting.weights as number[]).push(Math.min(255, Math.max(1, Math.round(weight))));
  }
  index.sorted = undefined;
}

/** Packs the postings into typed arrays and sorts the terms; queries call it when documents were added since. */
export function finishPostingIndex(index: PostingIndex): void {
  if (index.sorted) return;
  const n = index.ids.length;
  for (const posting of index.terms.values()) {
    if (Array.isArray(posting.docs)) {
      posting.docs = Uint32Array.from(posting.docs);
      posting.weights = Uint8Array.from(posting.weights as number[]);
    }
    posting.idf = Math.log(1 + n / posting.docs.length);
  }
  index.sorted = [...index.terms.keys()].sort();
  index.sortedAll = index.sorted.map((term) => ({ term, posting: index.terms.get(term)! }));
  index.sortedWords = index.sortedAll.filter((t) => !/\d/.test(t.term));
  index.scratch = { gen: 0, stamp: new Uint32Array(n), count: new Uint16Array(n), score: new Float64Array(n) };
}

/** The terms a word stands for: itself, and for a prefix every term it begins (exact first), with their weight. */
function termsOf(index: PostingIndex, word: QueryWord): Array<{ posting: Posting; factor: number }> {
  const out: Array<{ posting: Posting; factor: number }> = [];
  const exact = index.terms.get(word.text);
  if (exact) out.push({ posting: exact, factor: 1 });
  if (!word.prefix || word.text.length < 2) return out;
  // A prefix of letters completes to words ("chuy" → "chuyen"), not to compounds ("chithi35", "ct35").
  const sorted = /\d/.test(word.text) ? index.sortedAll! : index.sortedWords!;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.term < word.text) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < sorted.length && out.length < MAX_EXPANSION; i++) {
    const { term, posting } = sorted[i]!;
    if (!term.startsWith(word.text)) break;
    if (term !== word.text) out.push({ posting, factor: PREFIX_WEIGHT });
  }
  return out;
}

/** Documents matching every word ('and') or any word ('or'), unordered, with their scores. */
export function queryPostings(index: PostingIndex, words: QueryWord[], mode: 'and' | 'or'): PostingHits {
  finishPostingIndex(index);
  if (words.length === 0 || index.ids.length === 0) return NO_HITS;
  let groups = words.map((w) => termsOf(index, w));
  if (mode === 'and') {
    if (groups.some((g) => g.length === 0)) return NO_HITS;
    // The rarest group first: later groups only ever narrow its documents.
    const size = (g: typeof groups[number]) => g.reduce((s, t) => s + t.posting.docs.length, 0);
    groups = groups.map((g) => ({ g, s: size(g) })).sort((a, b) => a.s - b.s).map((x) => x.g);
  } else {
    groups = groups.filter((g) => g.length > 0);
  }
  if (groups.length > 0xfffe) return NO_HITS;
  const scratch = index.scratch!;
  if (++scratch.gen === 0xffffffff) {
    scratch.stamp.fill(0);
    scratch.gen = 1;
  }
  const { stamp, count, score } = scratch;
  const g0 = scratch.gen;
  const found: number[] = [];
  groups.forEach((group, k) => {
    for (const { posting, factor } of group) {
      const { docs, weights, idf } = posting;
      const unit = idf * factor;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i]!;
        const add = weights[i]! * unit;
        if (stamp[d] !== g0) {
          if (mode === 'and' && k > 0) continue;
          stamp[d] = g0;
          count[d] = k + 1;
          score[d] = add;
          found.push(d);
        } else if (mode === 'and') {
          if (count[d] === k) {
            count[d] = k + 1;
            score[d] = score[d]! + add;
          }
        } else if (count[d] !== k + 1) {
          count[d] = k + 1;
          score[d] = score[d]! + add;
        }
      }
    }
  });
  const need = groups.length;
  let n = 0;
  for (const d of found) if (mode === 'or' || count[d] === need) n++;
  const docs = new Uint32Array(n);
  const scores = new Float64Array(n);
  let i = 0;
  for (const d of found) {
    if (mode === 'or' || count[d] === need) {
      docs[i] = d;
      scores[i++] = score[d]! * index.boost[d]!;
    }
  }
  return { docs, scores };
}
