/**
 * Dynamic pages: text added or changed after the first pass (infinite scroll, live blogs, SPA navigation)
 * becomes a list of blocks to read again, batched. The annotator's own DOM changes are made inside `own()`,
 * with the observer off, so they are never recorded.
 */
import { blockOf, isBlock } from './element-kinds';
import { TAG } from './inline-wrap';
import { parentAcrossShadow } from './shadow-tree';

export interface MutationBatch {
  /** Blocks (or added block subtrees) whose text must be read again. */
  roots: Set<Node>;
  /** Nodes were removed or text changed: marks may have been detached or collapsed. */
  removed: boolean;
}

export interface MutationWatch {
  /** Runs a DOM change of the annotator's own, unobserved (the page's changes before it are kept). */
  own<T>(fn: () => T): T;
  /** Takes the pending batch now (for a caller that is about to scan anyway). */
  take(): MutationBatch;
  /** Watches an open shadow root of the page too (the document's observer does not see into it). */
  observeShadow(root: ShadowRoot): void;
}

/** A way to make the annotator's own DOM changes (MutationWatch.own). */
export type OwnChange = MutationWatch['own'];

export interface MutationWatchOptions {
  doc: Document;
  signal: AbortSignal;
  isOwnUi?: (node: Node) => boolean;
  /**
   * The page restyled elements (class or style): blocks of hidden text at or under them that are shown now
   * (HiddenText.revealed), asked once per batch. Without it, restyling is not watched.
   */
  revealed?: (restyled: ReadonlySet<Element>) => Element[];
  /** Quiet time before a batch is delivered, and the longest a change waits. */
  debounceMs?: number;
  maxWaitMs?: number;
  onBatch(batch: MutationBatch): void;
}

export function watchMutations(options: MutationWatchOptions): MutationWatch {
  const { doc, signal, isOwnUi } = options;
  const debounceMs = options.debounceMs ?? 60;
  const maxWaitMs = options.maxWaitMs ?? 250;
  let roots = new Set<Node>();
  let removed = false;
  /** Elements the page restyled since the last batch (asked about at delivery, once each). */
  let restyled = new Set<Element>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstAt = 0;

  const isOurs = (node: Node): boolean => {
    if (!isOwnUi) return false;
    for (let n: Node | null = node; n; n = parentAcrossShadow(n)) if (isOwnUi(n)) return true;
    return false;
  };

  const addRoot = (node: Node) => {
    if (node.nodeType === 1 && isBlock(node as Element)) roots.add(node);
    else {
      const b = blockOf(node);
      if (b) roots.add(b);
    }
  };

  const read = (records: MutationRecord[]) => {
    for (const r of records) {
      const target = r.target;
      if (isOurs(target)) continue;
      if (r.type === 'characterData') {
        removed = true;
        addRoot(target);
      } else if (r.type === 'attributes' && (r.attributeName === 'class' || r.attributeName === 'style')) {
        // Restyled: hidden text under it may be shown now (asked when the batch is delivered).
        restyled.add(target as Element);
      } else if (r.type === 'attributes') {
        // contenteditable / hidden / aria-hidden / open toggled: marks may have to go, or text becomes readable.
        removed = true;
        addRoot(target);
      } else {
        if (r.removedNodes.length) removed = true;
        let needTarget = r.removedNodes.length > 0;
        r.addedNodes.forEach((n) => {
          if (n.nodeType === 1) {
            const el = n as Element;
            if (isOwnUi?.(el)) return;
            if (el.localName === TAG) removed = true;
            if (isBlock(el)) roots.add(el);
            else needTarget = true;
          } else if (n.nodeType === 3) needTarget = true;
        });
        if (needTarget) addRoot(target);
      }
    }
  };

  const deliver = () => {
    timer = undefined;
    if (signal.aborted) return;
    const batch = take();
    if (batch.roots.size || batch.removed) options.onBatch(batch);
  };

  const take = (): MutationBatch => {
    read(observer.takeRecords());
    if (restyled.size) {
      const changed = restyled;
      restyled = new Set();
      for (const block of options.revealed?.(changed) ?? []) roots.add(block);
    }
    const batch = { roots: prune(roots), removed };
    roots = new Set();
    removed = false;
    firstAt = 0;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    return batch;
  };

  const schedule = () => {
    if (!roots.size && !removed && !restyled.size) return;
    const now = performance.now();
    if (!firstAt) firstAt = now;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(deliver, Math.max(0, Math.min(debounceMs, firstAt + maxWaitMs - now)));
  };

  const observer = new (doc.defaultView!.MutationObserver)((records) => {
    read(records);
    schedule();
  });
  const observeOptions: MutationObserverInit = {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['contenteditable', 'hidden', 'aria-hidden', 'open', ...(options.revealed ? ['class', 'style'] : [])],
  };
  observer.observe(doc, observeOptions);
  /** Open shadow roots watched besides the document (observed again after each own change). */
  const shadows = new Set<ShadowRoot>();
  const observeAll = () => {
    observer.observe(doc, observeOptions);
    for (const root of shadows) {
      if (root.host?.isConnected) observer.observe(root, observeOptions);
      else shadows.delete(root);
    }
  };
  let depth = 0;
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  });

  return {
    own<T>(fn: () => T): T {
      if (depth > 0 || signal.aborted) return fn();
      // The page's changes so far are kept. While fn runs the observer is off, so the browser makes no record
      // of the annotator's own changes at all: recording thousands of records, only to drop them, cost more
      // than the changes themselves. Whatever happens inside fn counts as the annotator's own, as it did when
      // the records were taken and dropped.
      const before = observer.takeRecords();
      if (before.length) {
        read(before);
        schedule();
      }
      observer.disconnect();
      depth++;
      try {
        return fn();
      } finally {
        depth--;
        if (!signal.aborted) observeAll();
      }
    },
    take,
    observeShadow(root) {
      if (signal.aborted || shadows.has(root)) return;
      shadows.add(root);
      if (depth === 0) observer.observe(root, observeOptions);
    },
  };
}

/** Connected roots, with those inside another root dropped. */
function prune(roots: Set<Node>): Set<Node> {
  const out = new Set<Node>();
  for (const r of roots) {
    if (!r.isConnected) continue;
    let inner = false;
    for (let p = parentAcrossShadow(r); p && !inner; p = parentAcrossShadow(p)) inner = roots.has(p);
    if (!inner) out.add(r);
  }
  return out;
}
