/**
 * The annotator: finds document codes in a page's text and marks them, reversibly. Page text in, marked
 * references out; it knows nothing of the dataset. One annotator per document (all_frames gives one per frame).
 *
 * Passes: the first reads the whole page, visible text first; later ones read only the blocks the page added or
 * changed. Every pass is time-sliced and idempotent (a reference already marked stays as it is, with its id).
 */
import type { Reference } from '../detector/types';
import { blockOf, isInsideSkipped } from './element-kinds';
import { rawEnd, rawStart, walkSegments, type Segment } from './text-walk';
import { endPoint, nodeIndex, offsetsOf, startPoint, type Point } from './offset-to-range';
import { HighlightLayer, caretAt, rangeContainsPoint, supportsHighlights } from './highlight-mode';
import { drawInline, eraseInline, setInlineFocus, wrapperIdOf } from './inline-mode';
import { INLINE_CSS, addPageStyles } from './page-styles';
import { watchMutations, type MutationBatch } from './mutation-watch';
import { trackPointerDwell } from './pointer-dwell';
import { Aborted, runSliced } from './scheduler';
import { MarkIndex } from './mark-index';
import { firstBelowScreen, firstOnScreen, sortByDocument } from './document-order';
import { Mark } from './mark';
import { RenderCost } from './render-cost';

export type MarkMode = 'highlight' | 'inline';

/**
 * Inline mode: page text changed per rendered frame, so that no frame's layout runs long. Starts here, then
 * follows the measured render time of each frame towards FRAME_RENDER_MS.
 *
 * Every block that gets a wrapper is laid out again (its text shaped anew), whatever the pacing: that work is
 * the same as one synchronous pass would cause. What pacing adds is a fixed cost per rendered frame (pre-paint
 * walks, paint, commit: about 3-4 ms on a 2 MB page), so each frame carries more than a 60 Hz frame's worth,
 * while leaving room under the 50 ms long-task line for a machine busy with other work (a frame stretched to
 * twice its time still stays under it).
 */
const INLINE_CHARS_PER_FRAME = 8_000;
const MIN_CHARS_PER_FRAME = 2_000;
const MAX_CHARS_PER_FRAME = 256_000;
const FRAME_RENDER_MS = 24;
/** At most this many times the last share, however cheap its frame was. */
const MAX_GROWTH = 2;
/** Highlight mode: ranges added to the page's highlight at once. */
const HIGHLIGHTS_PER_COMMIT = 1500;

export interface MarkedReference {
  id: string;
  ref: Reference;
  /**
   * A live Range over the reference, made fresh at each read (the annotator itself keeps no live Range: the
   * browser would have to update each one on every DOM change of the page).
   */
  readonly range: Range;
  /** Inline mode only: the focusable wrapper. */
  element?: HTMLElement;
}

export type ActivationCause = 'hover' | 'focus' | 'tap' | 'keyboard';

export interface AnnotatorOptions {
  /** The document to mark (one annotator per frame). */
  root: Document;
  mode: MarkMode;
  signal: AbortSignal;
  /** Hover time before a reference activates; default 300 ms. */
  dwellMs?: number;
  /** The extension's own UI (card host): never read, never marked, its changes ignored. */
  isOwnUi?: (node: Node) => boolean;
  detect: (text: string) => Reference[];
  /** After each marking pass (the first pass: once for the visible part, once for the rest), the new references. */
  onFound(batch: MarkedReference[]): void;
  /** After dwell / focus / tap / keyboard. Anchor: the Range (highlight mode) or the wrapper element (inline). */
  onActivate(ref: MarkedReference, cause: ActivationCause, anchor: Range | Element): void;
  /** The pointer left the reference it activated, or focus left it (the card adds its own grace period). */
  onDeactivate(ref: MarkedReference, cause: 'leave' | 'blur'): void;
  /** Marked references that disappeared with the page's own changes (or on a rescan). Optional. */
  onRemoved?(ids: string[]): void;
}

export interface Annotator {
  readonly references: ReadonlyMap<string, MarkedReference>;
  /** The mode in use (inline where the Highlight API is missing). */
  readonly mode: MarkMode;
  /** Switches mode in place (same ids); leaving inline restores the page's DOM exactly. */
  setMode(mode: MarkMode): void;
  /** Keyboard next/previous: scrolls into view, draws the focus highlight, calls onActivate(…, 'keyboard'). */
  move(direction: 1 | -1): MarkedReference | undefined;
  /** Resolves when no marking pass is running or queued (changes still being batched are not waited for). */
  idle(): Promise<void>;
  /** Restores the page exactly and stops everything; also runs when the signal aborts. */
  destroy(): void;
}

interface PassWork {
  roots: Set<Node>;
  removed: boolean;
  first: boolean;
}

export function annotate(options: AnnotatorOptions): Annotator {
  const doc = options.root;
  const win = doc.defaultView!;
  const { isOwnUi } = options;
  const controller = new AbortController();
  const signal = controller.signal;
  const marks = new Map<string, Mark>();
  const index = new MarkIndex<Mark>();
  let mode: MarkMode = resolveMode(options.mode);
  let layer: HighlightLayer | null = null;
  let nextId = 1;
  let charsPerFrame = INLINE_CHARS_PER_FRAME;
  /** Inline mode: render time of each frame against the text it changed. */
  const pacing = new RenderCost();
  let sorted: Mark[] | null = null;
  let focused: Mark | undefined;
  let suppressFocusEvent = false;
  /** Inline mode: the wrapper whose keyboard focus activated it (its blur deactivates it). */
  let focusActivated: Mark | undefined;
  let destroyed = false;

  /** Calls back into the extension; its errors are reported, never left to break marking. */
  function call<A extends unknown[]>(fn: ((...args: A) => void) | undefined, ...args: A): void {
    if (!fn) return;
    try {
      fn(...args);
    } catch (e) {
      console.error('[vanban-lens] annotator callback:', e);
    }
  }

  function resolveMode(wanted: MarkMode): MarkMode {
    return wanted === 'highlight' && !supportsHighlights(win) ? 'inline' : wanted;
  }

  const watch = watchMutations({ doc, signal, isOwnUi, onBatch: (b) => enqueue(b, false) });
  const own = <T>(fn: () => T): T => watch.own(fn);
  const removeStyles = addPageStyles(doc, INLINE_CSS, (fn) => own(fn));
  if (mode === 'highlight') layer = new HighlightLayer(doc, own);

  // ---- marks -------------------------------------------------------------------------------------------

  function draw(ref: Reference, start: Point, end: Point, block: Element): Mark | null {
    const id = `vbl-${nextId++}`;
    try {
      if (mode === 'highlight') {
        const m = new Mark(id, ref, start, end);
        m.drawn = layer!.draw(start, end, block);
        return m;
      }
      const { start: s, end: e, parts } = drawInline(id, ref, start, end);
      const m = new Mark(id, ref, s, e, parts[0]);
      m.parts = parts;
      return m;
    } catch {
      return null; // a node the page changed under us: the next pass reads the block again
    }
  }

  function addMark(m: Mark): void {
    marks.set(m.id, m);
    index.add(m);
    sorted = null;
  }

  /** Takes a mark off the page (DOM restored in inline mode) and out of every list. */
  function removeMark(m: Mark, notify: string[]): void {
    if (!marks.delete(m.id)) return;
    index.delete(m);
    sorted = null;
    if (m.parts) {
      const parts = m.parts;
      if (parts.some((p) => p.isConnected)) own(() => eraseInline(parts));
    } else if (m.drawn) layer?.erase(m.drawn);
    if (pointer.active === m) {
      pointer.forget(m);
      call(options.onDeactivate, m, 'leave');
    }
    if (focused === m) {
      focused = undefined;
      call(options.onDeactivate, m, 'blur');
    }
    notify.push(m.id);
  }

  function isDetached(m: Mark): boolean {
    return !m.attached;
  }

  // ---- passes ------------------------------------------------------------------------------------------

  let pending: PassWork | null = { roots: new Set<Node>([doc]), removed: false, first: true };
  let running = false;
  let idleWaiters: Array<() => void> = [];

  function enqueue(batch: MutationBatch, first: boolean): void {
    if (destroyed) return;
    if (!pending) pending = { roots: new Set(), removed: false, first };
    for (const r of batch.roots) pending.roots.add(r);
    pending.removed ||= batch.removed;
    void pump();
  }

  async function pump(): Promise<void> {
    if (running) return;
    running = true;
    try {
      while (pending && !signal.aborted) {
        const work = pending;
        pending = null;
        try {
          await pass(work);
        } catch (e) {
          if (e instanceof Aborted) break;
          // A failed pass costs its blocks their marks, not the annotator: later passes still run.
          console.error('[vanban-lens] annotator:', e);
        }
      }
    } finally {
      running = false;
      if (!pending || signal.aborted) {
        const waiters = idleWaiters;
        idleWaiters = [];
        waiters.forEach((w) => w());
      }
    }
  }

  async function pass(work: PassWork): Promise<void> {
    const gone: string[] = [];
    if (work.removed) {
      for (const m of [...marks.values()]) if (isDetached(m)) removeMark(m, gone);
      index.rebuild(marks.values());
    }
    const roots = [...work.roots].filter((r) => r.isConnected);

    // Marks already inside the roots: kept when read again, removed when no longer found.
    const before = work.first ? new Set<Mark>() : marksUnder(roots);

    // 1. Read the text, in slices.
    const segments: Segment[] = [];
    let ri = 0;
    let walker: Generator<Segment, void, undefined> | null = null;
    await runSliced(() => {
      if (!walker) {
        if (ri >= roots.length) return false;
        const root = roots[ri++]!;
        if (root.nodeType !== 9 && isInsideSkipped(root, isOwnUi)) return true;
        walker = walkSegments(root, { isOwnUi });
      }
      for (let k = 0; k < 32; k++) {
        const next = walker.next();
        if (next.done) {
          walker = null;
          break;
        }
        segments.push(next.value);
      }
      return true;
    }, signal);

    // 2. Visible text first (first pass only): reads layout once, before any change.
    let order = segments;
    let visibleCount = 0;
    if (work.first && segments.length > 1) {
      const rectOf = (s: Segment) => segmentRect(s);
      const top = firstOnScreen(segments, rectOf);
      const bottom = firstBelowScreen(segments, rectOf, win.innerHeight, top);
      order = [...segments.slice(top, bottom), ...segments.slice(bottom), ...segments.slice(0, top)];
      visibleCount = bottom - top;
    }

    // 3. Detect and mark, one segment at a time.
    const kept = new Set<Mark>();
    const redo = new Set<Node>();
    let found: Mark[] = [];
    let i = 0;
    let changed = 0;
    /** Page text changed in the share last sent to be rendered. */
    let share = 0;
    await runSliced(
      () => {
        if (i >= order.length) return false;
        changed += markSegment(order[i++]!, kept, redo, found, gone);
        // Highlights are shown in shares: each change makes the browser recompute them all.
        if (layer && layer.waiting >= HIGHLIGHTS_PER_COMMIT) layer.commit();
        if (i === visibleCount) {
          layer?.commit();
          if (found.length) call(options.onFound, found);
          found = [];
        }
        return true;
      },
      signal,
      {
        win,
        // Inline mode changes the page's text: let the browser lay out each share before the next one.
        frameFull: () => {
          // The visible part goes to the screen in a frame of its own, first.
          if (changed < charsPerFrame && !(i === visibleCount && changed > 0)) return false;
          share = changed;
          changed = 0;
          return true;
        },
        // Learn how much text this page and machine lay out in a frame's time (see RenderCost); shares grow at
        // most twofold per frame and shrink at most by half.
        onFrame: (renderMs) => {
          pacing.add(share, renderMs);
          const next = Math.min(Math.max(pacing.charsFor(FRAME_RENDER_MS), charsPerFrame / 2), charsPerFrame * MAX_GROWTH);
          charsPerFrame = Math.round(Math.min(MAX_CHARS_PER_FRAME, Math.max(MIN_CHARS_PER_FRAME, next)));
        },
      },
    );

    for (const m of before) if (!kept.has(m) && marks.has(m.id)) removeMark(m, gone);
    layer?.commit();
    if (found.length) call(options.onFound, found);
    if (gone.length) call(options.onRemoved, gone);
    if (redo.size) enqueue({ roots: redo, removed: false }, false);
  }

  function marksUnder(roots: Node[]): Set<Mark> {
    const set = new Set<Node>(roots);
    const out = new Set<Mark>();
    if (set.has(doc)) {
      for (const m of marks.values()) out.add(m);
      return out;
    }
    for (const m of marks.values()) {
      for (let n: Node | null = m.start.node; n; n = n.parentNode) {
        if (set.has(n)) {
          out.add(m);
          break;
        }
      }
    }
    return out;
  }

  /** Marks one segment; returns how much page text it changed (inline mode), for pacing layout. */
  function markSegment(seg: Segment, kept: Set<Mark>, redo: Set<Node>, found: Mark[], gone: string[]): number {
    // Text read in an earlier slice may have changed since: read that block again later.
    for (let k = 0; k < seg.nodes.length; k++) {
      const n = seg.nodes[k]!;
      if (!n.isConnected || n.length !== seg.lengths[k]) {
        redo.add(seg.block);
        for (const node of seg.nodes) for (const m of index.startingIn(node)) kept.add(m);
        return 0;
      }
    }
    let refs: Reference[];
    try {
      refs = options.detect(seg.text);
    } catch (e) {
      console.error('[vanban-lens] detector:', e);
      refs = [];
    }

    // Marks already here, by their offsets in this segment's text.
    const existing = new Map<string, Mark>();
    let any = false;
    for (const node of seg.nodes) {
      if (index.startingIn(node).length) {
        any = true;
        break;
      }
    }
    if (any) {
      const idx = nodeIndex(seg);
      for (const node of seg.nodes) {
        for (const m of index.startingIn(node)) {
          const o = offsetsOf(seg, idx, m.start, m.end);
          if (o && o[0] >= 0 && o[0] < seg.rawLength) existing.set(`${o[0]}:${o[1]}`, m);
          else if (o) kept.add(m); // belongs to the neighbouring part of a long block
        }
      }
    }

    const fresh: Array<{ ref: Reference; start: Point; end: Point }> = [];
    let lastEnd = -1;
    for (const ref of [...refs].sort((a, b) => a.start - b.start)) {
      if (!(ref.end > ref.start) || ref.start < lastEnd || ref.end > seg.text.length) continue;
      lastEnd = ref.end;
      const from = rawStart(seg, ref.start);
      const to = rawEnd(seg, ref.end);
      const key = `${from}:${to}`;
      const m = existing.get(key);
      if (m && m.ref.raw === ref.raw) {
        existing.delete(key);
        kept.add(m);
        continue;
      }
      const start = startPoint(seg, from);
      const end = endPoint(seg, to);
      if (start && end) fresh.push({ ref, start, end });
    }

    if (existing.size) {
      for (const m of existing.values()) removeMark(m, gone);
      if (mode === 'inline' && fresh.length) {
        // Unwrapping merged text nodes: positions are stale; read the block again.
        redo.add(seg.block);
        return seg.rawLength;
      }
    }
    if (!fresh.length) return mode === 'inline' && existing.size ? seg.rawLength : 0;
    // Last first: wrapping splits text after earlier positions only, so they stay valid.
    const made: Mark[] = [];
    own(() => {
      for (let k = fresh.length - 1; k >= 0; k--) {
        const f = fresh[k]!;
        const m = draw(f.ref, f.start, f.end, seg.block);
        if (m) made.push(m);
      }
    });
    for (let k = made.length - 1; k >= 0; k--) {
      addMark(made[k]!);
      found.push(made[k]!);
    }
    return mode === 'inline' ? seg.rawLength : 0;
  }

  function segmentRect(seg: Segment): DOMRect | null {
    const range = doc.createRange();
    for (let k = 0; k < seg.nodes.length && k < 8; k++) {
      const node = seg.nodes[k]!;
      if (!/\S/.test(node.data)) continue;
      range.selectNodeContents(node);
      const r = range.getBoundingClientRect();
      if (r.width || r.height) return r;
      break;
    }
    return seg.block.getBoundingClientRect();
  }

  // ---- interaction -------------------------------------------------------------------------------------

  function anchorOf(m: Mark): Range | Element {
    return m.element ?? m.range;
  }

  function hitTest(x: number, y: number, target: EventTarget | null): Mark | undefined {
    if (mode === 'inline') {
      const id = wrapperIdOf(target);
      return id ? marks.get(id) : undefined;
    }
    const caret = caretAt(doc, x, y);
    if (!caret) return undefined;
    for (const m of index.at(caret.node)) if (rangeContainsPoint(m.range, x, y)) return m;
    return undefined;
  }

  const pointer = trackPointerDwell<Mark>({
    doc,
    signal,
    dwellMs: options.dwellMs ?? 300,
    hitTest,
    onActivate: (m) => {
      if (focused && focused !== m) clearFocus();
      call(options.onActivate, m, 'hover', anchorOf(m));
    },
    onLeave: (m) => call(options.onDeactivate, m, 'leave'),
  });

  const listen = { capture: true, signal } as AddEventListenerOptions;
  // Tap on touch screens.
  let touchStart: { id: string; x: number; y: number } | null = null;
  doc.addEventListener(
    'pointerdown',
    (e) => {
      touchStart = null;
      if (e.pointerType !== 'touch') return;
      const m = hitTest(e.clientX, e.clientY, e.target);
      if (m) touchStart = { id: m.id, x: e.clientX, y: e.clientY };
    },
    { ...listen, passive: true },
  );
  doc.addEventListener(
    'pointerup',
    (e) => {
      const t = touchStart;
      touchStart = null;
      if (!t || e.pointerType !== 'touch' || Math.hypot(e.clientX - t.x, e.clientY - t.y) > 10) return;
      const m = marks.get(t.id);
      if (m && hitTest(e.clientX, e.clientY, e.target) === m) call(options.onActivate, m, 'tap', anchorOf(m));
    },
    { ...listen, passive: true },
  );
  // Inline mode: the wrappers are in the tab order.
  doc.addEventListener(
    'focusin',
    (e) => {
      if (mode !== 'inline' || suppressFocusEvent) return;
      const id = wrapperIdOf(e.target);
      const m = id ? marks.get(id) : undefined;
      if (!m || e.target !== m.element) return;
      // Focus from a click or tap is not a keyboard visit: the hover or tap already speaks for it.
      if (!focusVisible(m.element)) return;
      if (focused && focused !== m) clearFocus();
      focusActivated = m;
      call(options.onActivate, m, 'focus', m.element!);
    },
    listen,
  );
  doc.addEventListener(
    'focusout',
    (e) => {
      if (mode !== 'inline') return;
      const id = wrapperIdOf(e.target);
      const m = id ? marks.get(id) : undefined;
      if (!m || e.target !== m.element) return;
      if (focused === m) clearFocus();
      // Only a focus that activated the reference ends it (a clicked one was opened by the pointer).
      if (focusActivated !== m) return;
      focusActivated = undefined;
      call(options.onDeactivate, m, 'blur');
    },
    listen,
  );
  doc.addEventListener(
    'keydown',
    (e) => {
      if (mode !== 'inline' || (e.key !== 'Enter' && e.key !== ' ')) return;
      const id = wrapperIdOf(e.target);
      const m = id ? marks.get(id) : undefined;
      if (!m || e.target !== m.element) return;
      if (e.key === ' ') e.preventDefault(); // a button: Space activates instead of scrolling
      call(options.onActivate, m, 'keyboard', m.element!);
    },
    listen,
  );

  function focusVisible(el: Element): boolean {
    try {
      return el.matches(':focus-visible');
    } catch {
      return true;
    }
  }

  function clearFocus(): void {
    const was = focused;
    focused = undefined;
    if (!was) return;
    if (was.parts) own(() => setInlineFocus(was.parts, false));
    else layer?.setFocus(null);
  }

  function move(direction: 1 | -1): MarkedReference | undefined {
    if (destroyed || !marks.size) return undefined;
    const list = (sorted ??= sortByDocument([...marks.values()]));
    const n = list.length;
    const current = focused ? list.indexOf(focused) : -1;
    let at: number;
    if (current >= 0) at = (current + direction + n) % n;
    else {
      const first = firstOnScreen(list, (m) => m.range.getBoundingClientRect());
      at = direction === 1 ? first % n : (first - 1 + n) % n;
    }
    const m = list[at]!;
    const previous = focused;
    clearFocus();
    if (previous && previous !== m) call(options.onDeactivate, previous, 'blur');
    if (pointer.active && pointer.active !== m) {
      const p = pointer.active;
      pointer.forget();
      call(options.onDeactivate, p, 'leave');
    }
    focused = m;
    scrollIntoView(m);
    if (m.parts) {
      own(() => setInlineFocus(m.parts, true));
      focusActivated = undefined; // the previous wrapper's blur is already reported above
      suppressFocusEvent = true;
      try {
        m.element!.focus({ preventScroll: true });
      } finally {
        suppressFocusEvent = false;
      }
      focusActivated = m;
    } else layer?.setFocus(m.drawn ?? null);
    call(options.onActivate, m, 'keyboard', anchorOf(m));
    return m;
  }

  function scrollIntoView(m: Mark): void {
    const range = m.range;
    const r = range.getBoundingClientRect();
    const h = win.innerHeight;
    const w = win.innerWidth;
    if (r.top >= 0 && r.bottom <= h && r.left >= 0 && r.right <= w && (r.width || r.height)) return;
    const el = m.element ?? range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }

  // ---- modes -------------------------------------------------------------------------------------------

  function setMode(wanted: MarkMode): void {
    if (destroyed) return;
    const next = resolveMode(wanted);
    if (next === mode) return;
    clearFocus();
    if (pointer.active) {
      const p = pointer.active;
      pointer.forget();
      call(options.onDeactivate, p, 'leave');
    }
    pointer.forget();
    const list = sortByDocument([...marks.values()]);
    const lost: string[] = [];
    own(() => {
      if (next === 'inline') {
        const old = layer!;
        mode = 'inline';
        // Last first: splitting text after earlier marks leaves their points valid.
        for (let k = list.length - 1; k >= 0; k--) {
          const m = list[k]!;
          if (!m.attached) {
            lost.push(m.id);
            continue;
          }
          try {
            const { start, end, parts } = drawInline(m.id, m.ref, m.start, m.end);
            m.start = start;
            m.end = end;
            m.parts = parts;
            m.element = parts[0];
            m.drawn = undefined;
          } catch {
            lost.push(m.id);
          }
        }
        old.destroy();
        layer = null;
      } else {
        mode = 'highlight';
        layer = new HighlightLayer(doc, own);
        // Document order: unwrapping merges text into earlier nodes only.
        for (const m of list) {
          const at = m.parts ? eraseInline(m.parts) : null;
          m.parts = undefined;
          m.element = undefined;
          if (!at) {
            lost.push(m.id);
            continue;
          }
          m.start = at.start;
          m.end = at.end;
          m.drawn = layer.draw(at.start, at.end, blockOf(at.start.node) ?? doc.documentElement);
        }
      }
    });
    for (const id of lost) marks.delete(id);
    layer?.commit();
    index.rebuild(marks.values());
    sorted = null;
    if (lost.length) call(options.onRemoved, lost);
  }

  // ---- lifetime ----------------------------------------------------------------------------------------

  function destroy(): void {
    if (destroyed) return;
    destroyed = true;
    options.signal.removeEventListener('abort', destroy);
    const active = pointer.active ?? focused;
    controller.abort();
    if (active) call(options.onDeactivate, active, pointer.active ? 'leave' : 'blur');
    // Each unwrap merges only text split around its own wrappers: any order restores the page.
    own(() => {
      for (const m of marks.values()) if (m.parts) eraseInline(m.parts);
    });
    layer?.destroy();
    layer = null;
    removeStyles();
    marks.clear();
    index.clear();
    pending = null;
    const waiters = idleWaiters;
    idleWaiters = [];
    waiters.forEach((w) => w());
  }

  if (options.signal.aborted) destroyed = true;
  else options.signal.addEventListener('abort', destroy);

  const annotator: Annotator = {
    references: marks,
    get mode() {
      return mode;
    },
    setMode,
    move,
    idle() {
      if (!running && !pending) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    destroy,
  };
  if (!destroyed) void pump();
  else {
    controller.abort();
    layer?.destroy();
    removeStyles();
  }
  return annotator;
}
