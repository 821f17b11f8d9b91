/**
 * Highlight mode's hit test: the page's DOM is not changed, so no element of ours is under the pointer. The
 * text position under the point (caretPositionFromPoint / caretRangeFromPoint) names a text node; of the marks
 * over that node, the one whose line boxes hold the point is under it (the caret snaps to the nearest text, also
 * from blank space beside a line).
 */
import type { Point } from './offset-to-range';

/** Marks by the text nodes they cover (MarkIndex). */
export interface MarksByNode<M> {
  at(node: Node): Iterable<M>;
}

/** The marked reference under a viewport point, if any. */
export function highlightedAt<M extends { readonly range: Range }>(
  doc: Document,
  index: MarksByNode<M>,
  x: number,
  y: number,
): M | undefined {
  const caret = caretAt(doc, x, y);
  if (!caret) return undefined;
  for (const m of index.at(caret.node)) if (rangeContainsPoint(m.range, x, y)) return m;
  return undefined;
}

/** The text position under a viewport point. */
export function caretAt(doc: Document, x: number, y: number): Point | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  let node: Node | null = null;
  let offset = 0;
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    if (p) ({ offsetNode: node, offset } = p);
  } else if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    if (r) {
      node = r.startContainer;
      offset = r.startOffset;
    }
  }
  return node && node.nodeType === 3 ? { node: node as Text, offset } : null;
}

/** True when the point lies inside one of the range's line boxes. */
export function rangeContainsPoint(range: Range, x: number, y: number, slop = 1): boolean {
  const rects = range.getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i]!;
    if (x >= r.left - slop && x <= r.right + slop && y >= r.top - slop && y <= r.bottom + slop) return true;
  }
  return false;
}
