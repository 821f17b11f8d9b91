/**
 * Highlight mode: references drawn with the CSS Custom Highlight API. The page's DOM is not changed at all;
 * the pointer is hit-tested with caretPositionFromPoint / caretRangeFromPoint.
 */
import type { Point } from './offset-to-range';
import { FOCUS_HIGHLIGHT, HIGHLIGHT } from './page-styles';

type HighlightCtor = new (...ranges: AbstractRange[]) => Highlight;
type HighlightWindow = Window & { Highlight?: HighlightCtor; CSS?: { highlights?: HighlightRegistry } };

/** True where the CSS Custom Highlight API is available (else inline mode is used). */
export function supportsHighlights(win: Window | null): boolean {
  const w = win as HighlightWindow | null;
  return !!w && typeof w.Highlight === 'function' && !!w.CSS?.highlights;
}

export class HighlightLayer {
  private all: Highlight;
  private focus: Highlight;
  private registry: HighlightRegistry;

  constructor(private doc: Document) {
    const w = doc.defaultView as HighlightWindow;
    this.registry = w.CSS!.highlights!;
    this.all = new w.Highlight!();
    this.focus = new w.Highlight!();
    this.focus.priority = 1;
    this.registry.set(HIGHLIGHT, this.all);
    this.registry.set(FOCUS_HIGHLIGHT, this.focus);
  }

  draw(start: Point, end: Point): Range {
    const range = this.doc.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    this.all.add(range);
    return range;
  }

  erase(range: Range): void {
    this.all.delete(range);
    this.focus.delete(range);
  }

  setFocus(range: Range | null): void {
    this.focus.clear();
    if (range) this.focus.add(range);
  }

  destroy(): void {
    this.all.clear();
    this.focus.clear();
    if (this.registry.get(HIGHLIGHT) === this.all) this.registry.delete(HIGHLIGHT);
    if (this.registry.get(FOCUS_HIGHLIGHT) === this.focus) this.registry.delete(FOCUS_HIGHLIGHT);
  }
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
