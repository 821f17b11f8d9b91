/**
 * Inline mode's DOM surgery, symmetric: `wrap` puts a reference's text in one `<vbl-ref>` element (several
 * only when the code crosses an element that cannot be wrapped whole), `unwrap` takes it out and merges the text
 * nodes that wrapping split, so the page's original text nodes get their original text back and no node is
 * left over.
 */
import type { Point } from './offset-to-range';
import { isBlock } from './element-kinds';

export const TAG = 'vbl-ref';

/** Text nodes made by our own splitText: only these are merged back on removal. */
const splitByUs = new WeakSet<Text>();

export interface Wrapped {
  /** The wrapper elements in order; the first is the one in the tab order. */
  elements: HTMLElement[];
  /** Where the reference's text is now: from the first to the last text node inside the wrappers. */
  start: Point;
  end: Point;
}

function split(node: Text, offset: number): Text {
  const rest = node.splitText(offset);
  splitByUs.add(rest);
  return rest;
}

/**
 * Wraps [start, end) of the page's text. Both points must be in text nodes of one block, start before end.
 * `create` makes each wrapper, with its attributes (index 0 is the main one).
 */
export function wrap(start: Point, end: Point, create: (index: number) => HTMLElement): Wrapped {
  let first = start.node;
  let last = end.node;
  if (end.offset < last.length) split(last, end.offset);
  if (start.offset > 0) {
    const rest = split(first, start.offset);
    if (last === first) last = rest;
    first = rest;
  }
  // Grow outwards over inline elements the code fills from their first or to their last character.
  let a: Node = first;
  let b: Node = last;
  while (a.parentNode !== b.parentNode) {
    const pa = a.parentNode as Element | null;
    const pb = b.parentNode as Element | null;
    const aDeeper = pa && !contains(pa, b);
    const bDeeper = pb && !contains(pb, a);
    if (aDeeper) {
      if (!canClimb(a, pa!, 'start')) break;
      a = pa!;
    } else if (bDeeper) {
      if (!canClimb(b, pb!, 'end')) break;
      b = pb!;
    } else break;
  }
  const elements: HTMLElement[] = [];
  if (a.parentNode && a.parentNode === b.parentNode) {
    const el = create(0);
    a.parentNode.insertBefore(el, a);
    for (let n: Node | null = a; n; ) {
      const next: Node | null = n === b ? null : n.nextSibling;
      el.appendChild(n);
      n = next;
    }
    elements.push(el);
  } else {
    // Crosses element edges in the middle of an element: one wrapper per text node, page elements untouched.
    const nodes = textBetween(first, last);
    nodes.forEach((n, i) => {
      const el = create(i);
      n.parentNode!.insertBefore(el, n);
      el.appendChild(n);
      elements.push(el);
    });
  }
  return { elements, start: { node: first, offset: 0 }, end: { node: last, offset: last.length } };
}

function contains(ancestor: Node, node: Node): boolean {
  return ancestor === node || ancestor.contains(node);
}

/** Climbing from `node` to its parent keeps the wrap exact: nothing else in the parent on that side, inline. */
function canClimb(node: Node, parent: Element, side: 'start' | 'end'): boolean {
  if (isBlock(parent) || parent.localName === TAG) return false;
  for (let n = side === 'start' ? node.previousSibling : node.nextSibling; n; n = side === 'start' ? n.previousSibling : n.nextSibling) {
    if (n.nodeType === 3 && !(n as Text).length) continue;
    return false;
  }
  return true;
}

function textBetween(first: Text, last: Text): Text[] {
  const doc = first.ownerDocument!;
  const range = doc.createRange();
  range.setStartBefore(first);
  range.setEndAfter(last);
  const walker = doc.createTreeWalker(range.commonAncestorContainer, 0x4);
  walker.currentNode = first;
  const out: Text[] = [];
  for (let n: Node | null = first; n; n = walker.nextNode()) {
    if ((n as Text).length) out.push(n as Text);
    if (n === last) break;
  }
  return out;
}

/**
 * Removes the wrappers, putting their content back in place and merging the text nodes split by `wrap`.
 * Returns where the reference's text is afterwards (for switching to highlight mode), or null if detached.
 */
export function unwrap(elements: HTMLElement[]): { start: Point; end: Point } | null {
  let start: Point | null = null;
  let end: Point | null = null;
  for (const el of elements) {
    const parent = el.parentNode;
    if (!parent) continue;
    const firstChild = el.firstChild;
    const lastChild = el.lastChild;
    while (el.firstChild) parent.insertBefore(el.firstChild, el);
    parent.removeChild(el);
    if (!firstChild || !lastChild) continue;
    // Start side: our split piece goes back into the text before it.
    let s: Point | null = firstText(firstChild);
    if (firstChild.nodeType === 3 && splitByUs.has(firstChild as Text)) {
      const prev = firstChild.previousSibling;
      if (prev && prev.nodeType === 3) {
        const p = prev as Text;
        const at = p.length;
        const wasLast = lastChild === firstChild;
        p.appendData((firstChild as Text).data);
        parent.removeChild(firstChild);
        splitByUs.delete(firstChild as Text);
        s = { node: p, offset: at };
        if (wasLast) {
          const e = { node: p, offset: p.length };
          mergeNext(p);
          start ??= s;
          end = e;
          continue;
        }
      }
    }
    const lt = lastText(lastChild);
    const e: Point | null = lt ? { node: lt, offset: lt.length } : null;
    if (lastChild.nodeType === 3) mergeNext(lastChild as Text);
    start ??= s;
    if (e) end = e;
  }
  return start && end ? { start, end } : null;
}

function mergeNext(t: Text): void {
  const next = t.nextSibling;
  if (next && next.nodeType === 3 && splitByUs.has(next as Text)) {
    t.appendData((next as Text).data);
    next.parentNode!.removeChild(next);
    splitByUs.delete(next as Text);
  }
}

function firstText(node: Node): Point | null {
  if (node.nodeType === 3) return { node: node as Text, offset: 0 };
  const w = node.ownerDocument!.createTreeWalker(node, 0x4);
  const t = w.nextNode() as Text | null;
  return t ? { node: t, offset: 0 } : null;
}

function lastText(node: Node): Text | null {
  if (node.nodeType === 3) return node as Text;
  const w = node.ownerDocument!.createTreeWalker(node, 0x4);
  let t: Text | null = null;
  for (let n = w.nextNode(); n; n = w.nextNode()) t = n as Text;
  return t;
}
