/** A marked reference as the annotator keeps it: fixed boundary points, a Range made only when asked for. */
import type { Reference } from '../detector/types';
import type { MarkedReference } from './types';
import type { Point } from './offset-to-range';

/**
 * Boundary points are kept as plain (node, offset) pairs, not live Ranges: the browser updates every live
 * Range in a document on every DOM change, which would make the page's own DOM work (and inline wrapping)
 * slower with each reference marked.
 */
export class Mark implements MarkedReference {
  /** Inline mode: every wrapper (element is the first). */
  parts?: HTMLElement[];
  /** Highlight mode: the range registered with the highlight. */
  drawn?: AbstractRange;

  constructor(
    public readonly id: string,
    public ref: Reference,
    public start: Point,
    public end: Point,
    public element?: HTMLElement,
  ) {}

  /** A new live Range over the reference's text, made at each read. */
  get range(): Range {
    const range = this.start.node.ownerDocument!.createRange();
    try {
      range.setStart(this.start.node, this.start.offset);
      range.setEnd(this.end.node, this.end.offset);
    } catch {
      // The page changed the text under the mark; the next pass drops it.
      range.selectNodeContents(this.start.node);
    }
    return range;
  }

  /** False when the page removed or shortened the text the mark points into. */
  get attached(): boolean {
    const { start, end } = this;
    if (this.parts && !this.parts[0]?.isConnected) return false;
    return (
      start.node.isConnected &&
      end.node.isConnected &&
      start.offset <= start.node.length &&
      end.offset <= end.node.length &&
      (start.node !== end.node || start.offset < end.offset)
    );
  }
}
