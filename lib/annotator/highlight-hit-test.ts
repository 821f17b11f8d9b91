/**
 * Highlight mode's hit test: the page's DOM is not changed, so no element of ours is under the pointer. The
 * text position under the point (caretPositionFromPoint / caretRangeFromPoint) names a text node; of the marks
 * over that node, the one whose line boxes hold the point is under it (the caret snaps to the nearest text, also
 * from blank space beside a line). Inside the page's open shadow roots the browser is given those roots, and
 * where it still names no text there, the element under the point (found root by root) is searched.
 */
import type { Point } from './offset-to-range';
import { openShadowRootOf, shadowRootOf } from './shadow-tree';

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
  shadowRoots: ShadowRoot[] = [],
): M | undefined {
  const caret = caretAt(doc, x, y, shadowRoots);
  if (caret) for (const m of index.at(caret.node)) if (rangeContainsPoint(m.range, x, y)) return m;
  if (!shadowRoots.length) return undefined;
  // A shadow tree where the browser gave no text position: the text of the innermost element under the point.
  const el = deepElementAt(doc, x, y);
  if (!el || !shadowRootOf(el)) return undefined;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 3) continue;
    for (const m of index.at(n)) if (rangeContainsPoint(m.range, x, y)) return m;
  }
  return undefined;
}

/** The innermost element under a viewport point, through open shadow roots. */
function deepElementAt(doc: Document, x: number, y: number): Element | null {
  let el = doc.elementFromPoint(x, y);
  for (let depth = 0; el && depth < 32; depth++) {
    const root = openShadowRootOf(el);
    const inner = root?.elementFromPoint(x, y);
    if (!inner || inner === el) break;
    el = inner;
  }
  return el;
}

type CaretPositionFromPoint = (
  x: number,
  y: number,
  options?: { shadowRoots?: ShadowRoot[] },
) => { offsetNode: Node; offset: number } | null;

/** The text position under a viewport point (inside the given shadow roots too, where the browser can). */
export function caretAt(doc: Document, x: number, y: number, shadowRoots: ShadowRoot[] = []): Point | null {
  const d = doc as Document & {
    caretPositionFromPoint?: CaretPositionFromPoint;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  let node: Node | null = null;
  let offset = 0;
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = shadowRoots.length ? d.caretPositionFromPoint(x, y, { shadowRoots }) : d.caretPositionFromPoint(x, y);
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
