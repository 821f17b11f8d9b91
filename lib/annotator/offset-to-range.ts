/**
 * The one place where text offsets meet the DOM: offsets into a segment's text become boundary points in its
 * text nodes, and back. Everything else works on strings or on Ranges.
 */
import type { Segment } from './text-walk';

export interface Point {
  node: Text;
  offset: number;
}

/** Index of the node holding the character at `offset`, or -1 when it falls between nodes (a `<br>`). */
function nodeAt(seg: Segment, offset: number): number {
  const { starts, lengths } = seg;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! > offset) hi = mid - 1;
    else if (starts[mid]! + lengths[mid]! <= offset) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Where a reference starting at `offset` starts: in the node holding its first character. */
export function startPoint(seg: Segment, offset: number): Point | null {
  const i = nodeAt(seg, offset);
  return i < 0 ? null : { node: seg.nodes[i]!, offset: offset - seg.starts[i]! };
}

/** Where a reference ending at `offset` (exclusive) ends: in the node holding its last character. */
export function endPoint(seg: Segment, offset: number): Point | null {
  const i = nodeAt(seg, offset - 1);
  return i < 0 ? null : { node: seg.nodes[i]!, offset: offset - seg.starts[i]! };
}

/** A new Range over [start, end) of the segment's text, or null when an end falls outside its nodes. */
export function rangeFor(seg: Segment, start: number, end: number): Range | null {
  const s = startPoint(seg, start);
  const e = endPoint(seg, end);
  if (!s || !e) return null;
  const range = s.node.ownerDocument!.createRange();
  range.setStart(s.node, s.offset);
  range.setEnd(e.node, e.offset);
  return range;
}

/** The segment offsets between two points, when both sit in the segment's text nodes. */
export function offsetsOf(seg: Segment, index: Map<Node, number>, start: Point, end: Point): [number, number] | null {
  const si = index.get(start.node);
  const ei = index.get(end.node);
  if (si === undefined || ei === undefined) return null;
  return [seg.starts[si]! + start.offset, seg.starts[ei]! + end.offset];
}

/** Node → position in the segment, for offsetsOf. */
export function nodeIndex(seg: Segment): Map<Node, number> {
  const index = new Map<Node, number>();
  seg.nodes.forEach((n, i) => index.set(n, i));
  return index;
}

/** The text nodes from one point's node to another's, in order (the nodes a pointer can land on). */
export function textNodesBetween(start: Point, end: Point): Text[] {
  if (start.node === end.node) return [start.node];
  const doc = start.node.ownerDocument!;
  const walker = doc.createTreeWalker(doc, 0x4);
  walker.currentNode = start.node;
  const out: Text[] = [];
  for (let n: Node | null = start.node; n; n = walker.nextNode()) {
    if ((n as Text).length) out.push(n as Text);
    if (n === end.node) break;
  }
  return out;
}
