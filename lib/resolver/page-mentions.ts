/**
 * Within one page the same document is the same document. What a page has said about each document it cites:
 * the facts a mention of a code states (date, term, issuing body, place) carry to its other mentions that state
 * none, and a short form ("Luật số 71", "Kết luận 24", "Nghị quyết 35") takes the identity of the one code the
 * page writes in full for that type and number ("Luật số 71/2014/QH13"). A mention whose own sentence says
 * otherwise (another date, year or term) keeps its own reading: it is another document. Pure.
 */
import type { Reference } from '../detector/types';
import { bodyFacts } from '../detector/issuing-body';
import { aliasKey } from '../keys/alias-key';
import { codeKey, numberKey } from '../keys/code-key';
import { termForDate, termNumeral } from '../keys/party-terms';
import { CONTEXT_WINDOW } from '../detector/paragraph-facts';

/** Other mentions' passages a mention carries (the first ones of the page, windows apart). */
export const MAX_PAGE_CONTEXTS = 4;

/** A mention's passage, where it stands and what it states (a mention stating otherwise is another document). */
interface Passage {
  start: number;
  context: string;
  facts: Facts;
}

/** Programmes and schemes, approved by a decision that often lends them its number. */
const PROGRAMME = /^(?:Đề án|Chương trình|Chiến lược|Dự án|Quy hoạch)$/u;

/** Facts a mention may carry to another mention of the same document. */
type Facts = Pick<Reference, 'date' | 'term' | 'issuerName' | 'place' | 'placeFrom' | 'codeYear'>;

/** The year written in a short form ("Thông tư 15/2015") carries to its other short forms ("Thông tư 15") too. */
const FACT_KEYS = ['date', 'term', 'issuerName', 'place', 'codeYear'] as const;

/** Type and number of a reference, however written ("Nghị quyết số 35", "35-NQ/TW"): the key short forms share. */
function shortKey(ref: Reference): string | undefined {
  const type = ref.type.name ?? ref.proseType;
  if (!ref.number || !type) return undefined;
  return `${aliasKey(type)}|${numberKey(ref.number)}`;
}

/** Whether two readings of one document disagree (another full date, year or term). */
function disagree(a: Facts, b: Facts): boolean {
  if (a.codeYear && b.codeYear && a.codeYear !== b.codeYear) return true;
  if (a.date && b.date) {
    const n = Math.min(a.date.length, b.date.length);
    if (a.date.slice(0, n) !== b.date.slice(0, n)) return true;
  }
  // A term, stated or implied by a full date ("30-5-2019" is of khóa XII).
  const ta = termNumeral(a.term) ?? a.term ?? termForDate(a.date);
  const tb = termNumeral(b.term) ?? b.term ?? termForDate(b.date);
  return Boolean(ta && tb && ta !== tb);
}

function merge(into: Facts, from: Facts): void {
  for (const key of FACT_KEYS) if (into[key] === undefined && from[key] !== undefined) (into as Record<string, unknown>)[key] = from[key];
  if (into.place === from.place && from.placeFrom && !into.placeFrom) into.placeFrom = from.placeFrom;
}

export class PageMentions {
  /** Normalized code → what the page states about it (first statement of each fact wins). */
  private readonly byCode = new Map<string, Facts>();
  /** Short key → the codes the page writes in full for it (with one of its mentions, for type and issuer). */
  private readonly fullCodes = new Map<string, Map<string, Reference>>();
  /** Short key → what the page states with its short forms (when no code is written for it). */
  private readonly byShort = new Map<string, Facts>();
  /** Short keys whose short forms disagree (two years, dates or terms): the page names two documents by them. */
  private readonly conflicted = new Set<string>();
  /** Document key ("c:" normalized code, "s:" short key) → the passages around its mentions, in page order. */
  private readonly passages = new Map<string, Passage[]>();

  /** Takes note of a mention (in page order, or as found). */
  observe(ref: Reference): void {
    // A mention of a series ("các Nghị quyết 19") speaks of several documents: its facts are no one document's.
    if (ref.several) return;
    const facts: Facts = {};
    merge(facts, ref);
    const short = shortKey(ref);
    const docKey = ref.code && !ref.inferred ? `c:${codeKey(ref.code)}` : short && ref.plenum === undefined ? `s:${short}` : undefined;
    if (docKey && ref.context) {
      const list = this.passages.get(docKey) ?? [];
      if (!list.some((p) => p.start === ref.start)) list.push({ start: ref.start, context: ref.context, facts });
      this.passages.set(docKey, list);
    }
    if (ref.code && !ref.inferred) {
      const key = codeKey(ref.code);
      const known = this.byCode.get(key);
      if (!known) this.byCode.set(key, facts);
      else if (!disagree(known, facts)) merge(known, facts);
      if (short) {
        if (!this.fullCodes.has(short)) this.fullCodes.set(short, new Map());
        const codes = this.fullCodes.get(short)!;
        if (!codes.has(key)) codes.set(key, ref);
      }
    } else if (short) {
      const known = this.byShort.get(short);
      if (!known) this.byShort.set(short, facts);
      else if (!disagree(known, facts)) merge(known, facts);
      else this.conflicted.add(short);
    }
  }

  /**
   * The mention as the page reads it: its own facts, what other mentions of the same document state, and the
   * passages around them (pageContexts).
   */
  complete(ref: Reference): Reference {
    const out = this.completeFacts(ref);
    if (ref.several || ref.plenum !== undefined) return out;
    const short = shortKey(ref);
    const keys: string[] = [];
    if (out.code) keys.push(`c:${codeKey(out.code)}`);
    if (short && !(ref.code && !ref.inferred) && !this.conflicted.has(short)) keys.push(`s:${short}`);
    // Windows apart from this mention's and from each other's, so that no words are read twice.
    const apart = (a: number, b: number) => Math.abs(a - b) > 2 * CONTEXT_WINDOW + 20;
    const chosen: Passage[] = [];
    for (const key of keys) {
      for (const p of this.passages.get(key) ?? []) {
        if (chosen.length >= MAX_PAGE_CONTEXTS) break;
        if (apart(p.start, ref.start) && chosen.every((c) => apart(c.start, p.start)) && !disagree(out, p.facts)) chosen.push(p);
      }
    }
    return chosen.length ? { ...out, pageContexts: chosen.map((p) => p.context) } : out;
  }

  private completeFacts(ref: Reference): Reference {
    if (ref.several) return ref;
    const short = shortKey(ref);
    if (ref.code && !ref.inferred) return this.withFacts(ref, this.byCode.get(codeKey(ref.code)));
    if (!short || ref.plenum !== undefined) return ref;
    // A short form takes the identity of the one code the page writes in full for its type and number; a programme
    // or scheme ("Đề án 89", "Chương trình 224") with no code of its own, that of the decision of that number which
    // approved it ("Quyết định 89/QĐ-TTg … (gọi tắt là Đề án 89)").
    const own = this.fullCodes.get(short);
    const approving = !own && PROGRAMME.test(ref.proseType ?? ref.type.name ?? '') ? this.fullCodes.get(`${aliasKey('Quyết định')}|${numberKey(ref.number!)}`) : undefined;
    const codes = [...((own ?? approving)?.values() ?? [])].filter((full) => !ref.codeYear || /^\d+\/(\d{4})\//.exec(full.code!)?.[1] === ref.codeYear);
    if (codes.length === 1) {
      const full = codes[0]!;
      const facts = this.byCode.get(codeKey(full.code!));
      if (!facts || !disagree(ref, facts)) {
        const out: Reference = { ...ref, code: full.code, family: full.family, type: full.type, issuer: full.issuer };
        if (full.codeYear) out.codeYear = full.codeYear;
        return this.withFacts(out, facts);
      }
      return ref;
    }
    // Short forms that disagree name two documents: one that states nothing is not told which.
    if (codes.length === 0) return this.conflicted.has(short) ? ref : this.withFacts(ref, this.byShort.get(short));
    return ref;
  }

  private withFacts(ref: Reference, facts: Facts | undefined): Reference {
    if (!facts || disagree(ref, facts)) return ref;
    const missing = FACT_KEYS.some((key) => ref[key] === undefined && facts[key] !== undefined);
    if (!missing) return ref;
    const out: Reference = { ...ref };
    merge(out, facts);
    if (out.place !== undefined && ref.place === undefined) out.placeFrom = 'page';
    // A short form given its body by another mention ("Chỉ thị 24" after "Thủ tướng đã ký Chỉ thị số 24") is that
    // body's document, as if its own sentence had named it: the Government's resolution, not a Party one.
    if (out.inferred && !out.code && out.plenum === undefined && !ref.issuer.abbr && out.issuerName && !ref.issuerName) {
      const body = bodyFacts(out.issuerName);
      if (body?.abbr) {
        out.family = body.family;
        out.issuer = { abbr: body.abbr, name: out.issuerName };
      }
    }
    return out;
  }
}

/** Every mention of one page read together: each as completed by all the others. */
export function readPageMentions(refs: readonly Reference[]): Reference[] {
  const page = new PageMentions();
  for (const ref of refs) page.observe(ref);
  return refs.map((ref) => page.complete(ref));
}
