/**
 * Marking one segment of text: the references the detector finds in it against the marks already there. A
 * reference already marked stays as it is, with its id; a mark no longer found goes; new ones are drawn.
 */
import type { Reference } from '../detector/types';
import type { Segment } from './text-walk';
import { rawEnd, rawStart } from './text-walk';
import { endPoint, nodeIndex, offsetsOf, startPoint, type Point } from './offset-to-range';
import type { Mark } from './mark';
import type { MarkSet } from './mark-set';

/** What one pass has done so far, segment by segment. */
export interface PassLedger {
  /** Marks read again and still found (or left for the neighbouring part of a long block). */
  kept: Set<Mark>;
  /** Blocks to read again in a later pass (their text changed since this pass read it). */
  redo: Set<Node>;
  /** New marks not yet reported. */
  found: Mark[];
  /** Ids of marks removed, not yet reported. */
  gone: string[];
}

/** Marks one segment; returns how much page text it changed (inline mode), for pacing layout. */
export function markSegment(seg: Segment, marks: MarkSet, detect: (text: string) => Reference[], ledger: PassLedger): number {
  const { index } = marks;
  const { kept, redo, found, gone } = ledger;
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
    refs = detect(seg.text);
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
    for (const m of existing.values()) marks.remove(m, gone);
    if (marks.mode === 'inline' && fresh.length) {
      // Unwrapping merged text nodes: positions are stale; read the block again.
      redo.add(seg.block);
      return seg.rawLength;
    }
  }
  if (!fresh.length) return marks.mode === 'inline' && existing.size ? seg.rawLength : 0;
  // Last first: wrapping splits text after earlier positions only, so they stay valid.
  const made: Mark[] = [];
  marks.own(() => {
    for (let k = fresh.length - 1; k >= 0; k--) {
      const f = fresh[k]!;
      const m = marks.draw(f.ref, f.start, f.end, seg.block);
      if (m) made.push(m);
    }
  });
  for (let k = made.length - 1; k >= 0; k--) {
    marks.add(made[k]!);
    found.push(made[k]!);
  }
  return marks.mode === 'inline' ? seg.rawLength : 0;
}
