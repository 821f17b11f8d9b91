/**
 * One marking pass over some roots of the page (the whole document at first): reads their text, then detects
 * and marks it segment by segment, time-sliced. Idempotent: a reference already marked stays as it is, with
 * its id. The first pass marks the visible text first and reports it on its own.
 */
import type { Reference } from '../detector/types';
import { isInsideSkipped } from './element-kinds';
import { walkSegments, type Segment } from './text-walk';
import { runSliced, yieldToMain } from './scheduler';
import { firstBelowScreen, firstOnScreen } from './document-order';
import { markSegment, type PassLedger } from './segment-marking';
import type { Callbacks } from './callbacks';
import type { InlinePacing } from './inline-pacing';
import type { Mark } from './mark';
import type { MarkSet } from './mark-set';
import type { PassWork } from './pass-queue';
import type { HiddenText } from './hidden-text';

/** Highlight mode: ranges added to the page's highlight at once. */
const HIGHLIGHTS_PER_COMMIT = 1500;
/**
 * New references reported at most this many at a time: what the reader does with a report (reading the page's
 * mentions, one lookup message per batch) stays a short task, however many codes the page has.
 */
const FOUND_PER_REPORT = 500;

export interface PassContext {
  doc: Document;
  signal: AbortSignal;
  isOwnUi?: (node: Node) => boolean;
  detect: (text: string) => Reference[];
  marks: MarkSet;
  pacing: InlinePacing;
  callbacks: Callbacks;
  /** Blocks whose text changed while this pass read them: for a later pass. */
  readAgain(roots: Set<Node>): void;
  /** Each open shadow root of the page the pass reads. */
  onShadowRoot?(root: ShadowRoot): void;
  /** Text the page does not show is not read (and is read again when shown). */
  hidden?: HiddenText;
}

export async function markingPass(work: PassWork, ctx: PassContext): Promise<void> {
  const { doc, signal, isOwnUi, marks, pacing, callbacks } = ctx;
  const win = doc.defaultView!;
  const gone: string[] = [];
  if (work.removed) marks.removeDetached(gone);
  const roots = [...work.roots].filter((r) => r.isConnected);

  // Marks already inside the roots: kept when read again, removed when no longer found.
  const before = work.first ? new Set<Mark>() : marks.under(roots);
  const isHidden = ctx.hidden ? (el: Element) => ctx.hidden!.hides(el) : undefined;

  // 1. Read the text, in slices.
  const segments: Segment[] = [];
  let ri = 0;
  let walker: Generator<Segment, void, undefined> | null = null;
  await runSliced(() => {
    if (!walker) {
      if (ri >= roots.length) return false;
      const root = roots[ri++]!;
      if (root.nodeType !== 9 && isInsideSkipped(root, isOwnUi)) return true;
      ctx.hidden?.forgetLast();
      walker = walkSegments(root, { isOwnUi, onShadowRoot: ctx.onShadowRoot, isHidden });
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

  ctx.hidden?.forgetLast();

  // 2. Visible text first (first pass only): reads layout once, before any change.
  let order = segments;
  let visibleCount = 0;
  if (work.first && segments.length > 1) {
    const rectOf = (s: Segment) => segmentRect(doc, s);
    const top = firstOnScreen(segments, rectOf);
    const bottom = firstBelowScreen(segments, rectOf, win.innerHeight, top);
    order = [...segments.slice(top, bottom), ...segments.slice(bottom), ...segments.slice(0, top)];
    visibleCount = bottom - top;
  }

  // 3. Detect and mark, one segment at a time.
  const ledger: PassLedger = { kept: new Set<Mark>(), redo: new Set<Node>(), found: [], gone };
  let i = 0;
  let changed = 0;
  /** Page text changed in the share last sent to be rendered. */
  let share = 0;
  await runSliced(
    () => {
      if (i >= order.length) return false;
      changed += markSegment(order[i++]!, marks, ctx.detect, ledger);
      // Highlights are shown in shares: each change makes the browser recompute them all.
      const layer = marks.layer;
      if (layer && layer.waiting >= HIGHLIGHTS_PER_COMMIT) layer.commit();
      if (i === visibleCount || (i > visibleCount && ledger.found.length >= FOUND_PER_REPORT)) {
        marks.layer?.commit();
        if (ledger.found.length) callbacks.found(ledger.found);
        ledger.found = [];
      }
      return true;
    },
    signal,
    {
      win,
      // Inline mode changes the page's text: let the browser lay out each share before the next one.
      frameFull: () => {
        // The visible part goes to the screen in a frame of its own, first.
        if (changed < pacing.charsPerFrame && !(i === visibleCount && changed > 0)) return false;
        share = changed;
        changed = 0;
        return true;
      },
      onFrame: (renderMs) => pacing.rendered(share, renderMs),
      yieldBetween: marks.mode === 'inline' ? yieldToMain : undefined,
    },
  );

  for (const m of before) if (!ledger.kept.has(m) && marks.has(m)) marks.remove(m, gone);
  marks.layer?.commit();
  if (ledger.found.length) callbacks.found(ledger.found);
  if (gone.length) callbacks.removed(gone);
  if (ledger.redo.size) ctx.readAgain(ledger.redo);
}

/** Where a segment is on screen: its first non-blank text node's box, else its block's. */
function segmentRect(doc: Document, seg: Segment): DOMRect | null {
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
