/**
 * The reader on one page: marks references (annotator), resolves each pass's references in one batch (lookup
 * client), and opens the card for the reference the reader points at, focuses or taps. Everything it adds is
 * removed when its signal aborts.
 */
import type { Reference } from '../detector/types';
import { PageForms } from '../detector/page-forms';
import type { Resolution } from '../resolver/resolve';
import { PageMentions } from '../resolver/page-mentions';
import { LookupError, type LookupClient } from '../lookup/client';
import { MAX_BATCH } from '../lookup/messages';
import type { Translate } from '../i18n/t';
import type { Mode } from '../settings/store';
import type { Annotator, AnnotatorOptions, MarkedReference } from '../annotator/annotate';
import { createCardHost } from '../card/host';
import { createCardController } from '../card/controller';
import { buildCardModel, MAX_ARTICLES, type CardDetails } from '../card/model';
import type { PageDateSource } from './page-context';
import { groupKeyOf, groupReferences, type MarkedEntry, type PageReferences } from './popup-link';

/** What the page says about itself, read again for every batch (a single-page site changes article in place). */
export interface PageContext {
  pageDate?: string;
  /** Where pageDate came from; 'text' (a date written near the top) makes the card word its reasons carefully. */
  pageDateFrom?: PageDateSource;
  site?: string;
  /** The article's headline (a place it names places local codes). */
  headline?: string;
}

export interface ReaderOptions {
  signal: AbortSignal;
  mode: Mode;
  dwellMs: number;
  annotate: (options: AnnotatorOptions) => Annotator;
  /** The detector; `forms` is the page's memory of what it has cited, one per reading of the page. */
  detect: (text: string, forms?: PageForms) => Reference[];
  lookup: LookupClient;
  t: Translate;
  lang: 'vi' | 'en';
  /** Copies a citation (the content script: lib/page/clipboard, never through a copy event the page sees). */
  copy?: (text: string) => Promise<boolean>;
  /** Opens a record page (the background opens a tab: lib/page/open-record); with recordLink, the card links to records. */
  openRecord?: (target: { id: string } | { code: string }, background: boolean) => void;
  /** A record page's address, for the card's links. */
  recordLink?: (target: { id: string } | { code: string }) => string;
  /** The page's context, or a function that reads it afresh for each batch. */
  page: PageContext | (() => PageContext);
  doc?: Document;
  /** The card's theme as chosen in the options (default: the system's). */
  theme?: 'system' | 'light' | 'dark';
}

export interface Reader {
  setMode(mode: Mode): void;
  move(direction: 1 | -1): void;
  /** The marked references grouped by document, in the page's order (for the popup). */
  references(): PageReferences;
  /** Scrolls to the first reference of a group (see references()) and opens its card; false when there is none. */
  reveal(key: string): boolean;
  /** The card host element (its shadow root is closed; tests reach the card through the browser's debugging protocol). */
  readonly cardElement: HTMLElement;
}

interface Entry {
  ref: Reference;
  resolution?: Resolution;
  error?: string;
  selected: number;
  /** True once the reader chose a candidate themselves. */
  picked?: boolean;
  /** The page date this entry was resolved with was only written in the page's text. */
  pageDateWeak?: boolean;
  /** The dataset can't be read: what failed (a LoadFailureKind); the card offers to try again. */
  unreadable?: string;
}

const PREFETCH_LIMIT = 40;
/** Retries while the dataset loads (0.4 s, 0.8 s, … about 25 s in all). */
const RETRIES = 6;
/** At most this many of the page's full codes go with a batch. */
const MAX_PAGE_CODES = 200;

export function startReader(options: ReaderOptions): Reader {
  const { signal, lookup, t, lang } = options;
  const readPage = typeof options.page === 'function' ? options.page : () => options.page as PageContext;
  const doc = options.doc ?? document;
  const entries = new Map<string, Entry>();
  const details = new Map<string, CardDetails>();
  const pending = new Map<string, Promise<void>>();
  /** Codes the page cites in full (not inferred), with how many marked references carry each. */
  const pageCodes = new Map<string, number>();
  /** What the page has said about each document so far: later mentions read like earlier ones. */
  const mentions = new PageMentions();
  /** Short forms this page has cited in a standing form, across the blocks it is read in. */
  const forms = new PageForms();
  let copyState: 'copied' | 'failed' | undefined;
  /** A retry of the bundled data is under way (the card's "Try again"). */
  let retrying = false;

  const host = createCardHost({ t, signal, doc, copy: options.copy, theme: options.theme });
  const controller = createCardController<string>({
    host,
    signal,
    onOpen: (id) => {
      copyState = undefined;
      const entry = entries.get(id);
      if (entry?.error && !entry.unreadable) {
        // A lookup that failed earlier is asked again on reopening: the card shows it loading, then the answer.
        entry.error = undefined;
        resolveBatch([entry.ref], [id], 0);
      }
      renderCard(id);
      const candidate = entry?.resolution?.candidates[entry.selected];
      if (candidate) void fetchDetails(candidate.id);
    },
  });

  function renderCard(id: string) {
    const entry = entries.get(id);
    if (!entry || signal.aborted) return;
    const candidate = entry.resolution?.candidates[entry.selected];
    const model = buildCardModel({
      ref: entry.ref,
      resolution: entry.resolution,
      error: entry.error,
      ...(entry.unreadable ? { unreadable: { kind: entry.unreadable, retrying } } : {}),
      selected: entry.picked ? entry.selected : undefined,
      details: candidate ? details.get(candidate.id) : undefined,
      lang,
      pageDateWeak: entry.pageDateWeak,
      pageUrl: doc.location?.href,
    });
    host.render({
      model,
      copyState,
      onClose: () => controller.close('button'),
      onRetry: retry,
      ...(options.openRecord && options.recordLink ? { recordLink: options.recordLink, onOpenRecord: options.openRecord } : {}),
      onSelectCandidate: (index) => {
        entry.selected = index;
        entry.picked = true;
        const chosen = entry.resolution?.candidates[index];
        if (chosen) void fetchDetails(chosen.id);
        renderCard(id);
      },
      onCopy: (text) =>
        void host.copy(text).then((ok) => {
          copyState = ok ? 'copied' : 'failed';
          if (controller.current() === id) renderCard(id);
        }),
    });
  }

  /**
   * "Try again" on a card that says the data can't be read: the background tries the bundled dataset again, then
   * every reference that failed that way is asked again (the open card shows the answer, or what still fails).
   */
  function retry() {
    if (retrying) return;
    retrying = true;
    rerenderIfOpen(() => true);
    const again = () => {
      retrying = false;
      if (signal.aborted) return;
      const failed = [...entries].filter(([, e]) => e.unreadable);
      for (const [, entry] of failed) {
        entry.unreadable = undefined;
        entry.error = undefined;
      }
      rerenderIfOpen(() => true);
      for (let i = 0; i < failed.length; i += MAX_BATCH) {
        const part = failed.slice(i, i + MAX_BATCH);
        resolveBatch(part.map(([, e]) => e.ref), part.map(([id]) => id), 0);
      }
    };
    (lookup.reload?.() ?? Promise.resolve()).then(again, again);
  }

  function rerenderIfOpen(match: (id: string) => boolean) {
    const open = controller.current();
    if (open !== undefined && match(open)) renderCard(open);
  }

  function fetchDetails(documentId: string): Promise<void> {
    if (details.has(documentId)) return Promise.resolve();
    let job = pending.get(documentId);
    if (!job) {
      job = lookup
        // One more than the card shows: the page being read may be among them and is left out.
        .card(documentId, { articles: MAX_ARTICLES + 1 })
        .then((card) => {
          details.set(documentId, card ? { document: card.document, articles: card.articles, related: card.related } : {});
        })
        .catch(() => {
          // The card keeps the facts it already has from the batch; related items stay empty.
          details.set(documentId, {});
        })
        .finally(() => {
          pending.delete(documentId);
          rerenderIfOpen((id) => {
            const entry = entries.get(id);
            return entry?.resolution?.candidates[entry.selected]?.id === documentId;
          });
        });
      pending.set(documentId, job);
    }
    return job;
  }

  const citedInFull = (ref: Reference) => (ref.code && !ref.inferred ? ref.code : undefined);

  function onFound(batch: MarkedReference[]) {
    if (batch.length === 0) return;
    for (const marked of batch) {
      mentions.observe(marked.ref);
      const code = citedInFull(marked.ref);
      if (code && !entries.has(marked.id)) pageCodes.set(code, (pageCodes.get(code) ?? 0) + 1);
    }
    // Each reference as the page reads it so far (its own facts, and what other mentions of it state).
    const read = batch.map((marked) => ({ id: marked.id, ref: mentions.complete(marked.ref) }));
    for (const { id, ref } of read) if (!entries.has(id)) entries.set(id, { ref, selected: 0 });
    // One round trip per pass (split only where a pass exceeds what one message may carry).
    for (let i = 0; i < read.length; i += MAX_BATCH) {
      const part = read.slice(i, i + MAX_BATCH);
      resolveBatch(part.map((m) => m.ref), part.map((m) => m.id), 0);
    }
  }

  /**
   * The context sent with a batch: the page as it is now (date, site) and the codes it cites in full, so that a
   * short name ("Nghị định 100") prefers the document the page spells out elsewhere.
   */
  function batchContext(): { context: { pageDate?: string; site?: string; headline?: string; pageCodes?: string[] }; weak: boolean } {
    const { pageDate, pageDateFrom, site, headline } = readPage();
    const context: { pageDate?: string; site?: string; headline?: string; pageCodes?: string[] } = {};
    if (pageDate) context.pageDate = pageDate;
    if (site) context.site = site;
    if (headline) context.headline = headline;
    if (pageCodes.size > 0) context.pageCodes = [...pageCodes.keys()].slice(0, MAX_PAGE_CODES);
    return { context, weak: pageDate !== undefined && pageDateFrom === 'text' };
  }

  /**
   * One round trip for the pass; retried a few times while the background is still loading its data (with the
   * context the pass was found in, even if the page has moved on since).
   */
  function resolveBatch(refs: Reference[], ids: string[], attempt: number, found = batchContext()) {
    const { context, weak } = found;
    lookup
      .resolve(refs, context)
      .then((resolutions) => {
        if (signal.aborted) return;
        ids.forEach((id, i) => {
          const entry = entries.get(id);
          if (entry) {
            entry.resolution = resolutions[i] ?? { status: 'unresolved', candidates: [] };
            entry.error = undefined;
            entry.pageDateWeak = weak;
          }
        });
        rerenderIfOpen((id) => ids.includes(id));
        prefetch(resolutions);
      })
      .catch((error: unknown) => {
        if (signal.aborted) return;
        // No dataset can be read: said at once, with what failed and a way to try again (no waiting for retries).
        if (error instanceof LookupError && error.code === 'unreadable') {
          for (const id of ids) {
            const entry = entries.get(id);
            if (entry && !entry.resolution) {
              entry.error = 'integrity_card_title';
              entry.unreadable = error.detail ?? 'load-failed';
            }
          }
          rerenderIfOpen((id) => ids.includes(id));
          return;
        }
        const retryLater = error instanceof LookupError && error.code === 'not-ready' && attempt < RETRIES;
        if (retryLater) {
          const timer = setTimeout(() => resolveBatch(refs, ids, attempt + 1, found), 400 * 2 ** attempt);
          signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
          return;
        }
        for (const id of ids) {
          const entry = entries.get(id);
          if (entry && !entry.resolution) entry.error = 'cardErrorLookup';
        }
        rerenderIfOpen((id) => ids.includes(id));
      });
  }

  /** Details of the best candidates, fetched ahead so a card shows related items at once. */
  function prefetch(resolutions: Resolution[]) {
    const wanted = new Set<string>();
    for (const r of resolutions) {
      const best = r.candidates[0];
      if (best && !details.has(best.id)) wanted.add(best.id);
      if (wanted.size >= PREFETCH_LIMIT) break;
    }
    void (async () => {
      for (const id of wanted) {
        if (signal.aborted) return;
        await fetchDetails(id);
      }
    })();
  }

  const annotator = options.annotate({
    root: doc,
    mode: options.mode,
    signal,
    dwellMs: options.dwellMs,
    isOwnUi: (node) => host.contains(node),
    // The page is read block by block: a short form is confirmed by what earlier blocks cited ("Nghị định 86" after
    // "Nghị định 86/2015/NĐ-CP" in an earlier paragraph).
    detect: (text) => options.detect(text, forms),
    onFound,
    onActivate: (marked, cause, anchor) => {
      if (!entries.has(marked.id)) entries.set(marked.id, { ref: marked.ref, selected: 0 });
      controller.activate(marked.id, anchor, cause);
    },
    onDeactivate: (marked, cause) => controller.deactivate(marked.id, cause),
    onRemoved: (ids) => {
      const open = controller.current();
      for (const id of ids) {
        const ref = entries.get(id)?.ref;
        const code = ref && citedInFull(ref);
        entries.delete(id);
        if (!code) continue;
        const left = (pageCodes.get(code) ?? 1) - 1;
        if (left > 0) pageCodes.set(code, left);
        else pageCodes.delete(code);
      }
      if (open !== undefined && ids.includes(open)) controller.close('api');
    },
  });

  /** The marked references with what the reader knows of them, in the page's order. */
  function inPageOrder(): MarkedEntry[] {
    const marked = [...annotator.references.values()].map((m) => ({ m, range: m.range }));
    marked.sort((a, b) => {
      try {
        return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
      } catch {
        return 0; // in different shadow trees: keep the order they were found in
      }
    });
    return marked.map(({ m }) => {
      const entry = entries.get(m.id);
      return { id: m.id, ref: entry?.ref ?? m.ref, resolution: entry?.resolution, selected: entry?.selected ?? 0 };
    });
  }

  return {
    setMode: (mode) => {
      controller.close('api');
      annotator.setMode(mode);
    },
    move: (direction) => annotator.move(direction),
    references: () => groupReferences(inPageOrder()),
    reveal: (key) => {
      const first = inPageOrder().find((entry) => groupKeyOf(entry) === key);
      return first !== undefined && annotator.reveal(first.id) !== undefined;
    },
    cardElement: host.element,
  };
}
