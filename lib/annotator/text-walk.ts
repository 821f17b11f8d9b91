/**
 * The page's readable text as segments: one segment per run of text inside one block, joined across inline
 * elements, so "<b>17-KH</b>/TW", "35-<wbr>CT/TW" and a code broken across source lines read as one string.
 * Pure reading: nothing here changes the page.
 */
import { blockOf, isBlockName, isSkipped } from './element-kinds';
import { openShadowRootOf, parentElementAcrossShadow } from './shadow-tree';

export interface Segment {
  /** The block the text belongs to (rescanned when its text is found stale). */
  block: Element;
  /**
   * Text handed to the detector, as a reader sees it: node text joined, `<br>` read as a space, every run of
   * white space collapsed to one space (so a code broken across source lines reads whole).
   */
  text: string;
  /** When collapsing removed characters: for each index in `text`, the offset in the joined node text. */
  map: Int32Array | null;
  /** Length of the joined node text (the coordinates of `starts`). */
  rawLength: number;
  /**
   * Text nodes in document order, with the offset of each in `text` and its length when read. Only a segment
   * cut out of a very long block has a first node starting before 0 or a last node ending after the text.
   */
  nodes: Text[];
  starts: number[];
  lengths: number[];
}

/** Characters that render as a plain space inside running text; replaced one for one so offsets still match. */
const SPACE_LIKE = /[\n\r\t\f\u00a0]/g;

/** Longest text handed to the detector at once; longer blocks are cut at a sentence or a space. */
export const MAX_SEGMENT = 20_000;

export interface WalkOptions {
  isOwnUi?: (node: Node) => boolean;
  /** Each open shadow root the walk enters (to be observed and styled). */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** True when the text directly inside the element is not shown (HiddenText): such text is not read. */
  isHidden?: (el: Element) => boolean;
}

/**
 * Yields the segments under `root`, in document order. A generator, so a caller can stop between segments
 * and resume in a later task. `root` itself must not be inside a skipped region (callers check).
 *
 * An element with an open shadow root is read as a block of its own: its shadow tree first, then its light
 * children when the shadow tree has a slot for them (unslotted light children are not rendered).
 */
export function* walkSegments(root: Node, options: WalkOptions = {}): Generator<Segment, void, undefined> {
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  if (!doc) return;
  const start = root.nodeType === 9 ? (root as Document).body ?? (root as Document).documentElement : root;
  if (!start) return;
  if (doc.designMode === 'on') return;
  if (start.nodeType === 3) {
    if (options.isHidden && hiddenText(start as Text, options.isHidden)) return;
    const seg = single(start as Text);
    if (seg) yield seg;
    return;
  }
  const { isOwnUi, isHidden } = options;
  const startShadow = start.nodeType === 1 ? openShadowRootOf(start as Element) : null;
  if (startShadow) {
    // A host read again: its shadow tree, then its light children only when a slot shows them.
    options.onShadowRoot?.(startShadow);
    yield* walkSegments(startShadow, options);
    if (!startShadow.querySelector('slot')) return;
  }

  let parts: string[] = [];
  let nodes: Text[] = [];
  let starts: number[] = [];
  let lengths: number[] = [];
  let length = 0;
  let hasText = false;
  let block: Element = blockOf(start) ?? doc.documentElement;
  /** Enclosing blocks, restored when the walk leaves the block it entered. */
  const outer: Element[] = [];

  const flush = (): Segment | null => {
    const seg: Segment | null = hasText
      ? { block, text: parts.join('').replace(SPACE_LIKE, ' '), map: null, rawLength: length, nodes, starts, lengths }
      : null;
    if (nodes.length) {
      parts = [];
      nodes = [];
      starts = [];
      lengths = [];
      length = 0;
      hasText = false;
    }
    return seg;
  };

  // Depth-first over elements and text with plain child/sibling steps: no filter callback per node.
  let node: Node | null = start.firstChild;
  while (node) {
    let enter = false;
    let enterLight = true;
    const type = node.nodeType;
    if (type === 3) {
      const text = node as Text;
      const data = text.data;
      if (data && !(isHidden && hiddenText(text, isHidden))) {
        parts.push(data);
        nodes.push(text);
        starts.push(length);
        lengths.push(data.length);
        length += data.length;
        if (!hasText && NON_SPACE.test(data)) hasText = true;
      }
    } else if (type === 1) {
      const el = node as Element;
      const name = el.localName;
      if (!isSkipped(el, isOwnUi, name)) {
        const shadow = openShadowRootOf(el);
        if (shadow) {
          const seg = flush();
          if (seg) yield* cut(seg);
          options.onShadowRoot?.(shadow);
          yield* walkSegments(shadow, options);
          if (!shadow.querySelector('slot')) {
            // Light children without a slot are not rendered: not read.
            enterLight = false;
          }
          outer.push(block);
          block = el;
        } else if (isBlockName(name)) {
          const seg = flush();
          if (seg) yield* cut(seg);
          outer.push(block);
          block = el;
        } else if (name === 'br' && nodes.length) {
          parts.push(' ');
          length += 1;
        }
        enter = true;
      }
    }
    if (enter && enterLight && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    if (enter && node === block) {
      // An empty block: left at once.
      block = outer.pop() ?? block;
    }
    // Next node: the next sibling, else climb (leaving blocks) until one has a next sibling.
    while (node && node !== start && !node.nextSibling) {
      node = node.parentNode;
      if (node && node === block && node !== start) {
        const seg = flush();
        if (seg) yield* cut(seg);
        block = outer.pop() ?? block;
      }
    }
    node = node && node !== start ? node.nextSibling : null;
  }
  const seg = flush();
  if (seg) yield* cut(seg);
}

const NON_SPACE = /\S/;

/** True for a text node with something to read whose parent does not show it (blank text is not asked about). */
function hiddenText(text: Text, isHidden: (el: Element) => boolean): boolean {
  const parent = parentElementAcrossShadow(text);
  return parent !== null && NON_SPACE.test(text.data) && isHidden(parent);
}

function single(text: Text): Segment | null {
  const block = blockOf(text);
  if (!block || !text.data) return null;
  const data = text.data;
  return collapse({ block, text: data.replace(SPACE_LIKE, ' '), map: null, rawLength: data.length, nodes: [text], starts: [0], lengths: [data.length] });
}

/** Splits a very long segment at sentence ends (else spaces) so no single detector call is too long. */
function* cut(seg: Segment): Generator<Segment, void, undefined> {
  if (seg.text.length <= MAX_SEGMENT) {
    yield collapse(seg);
    return;
  }
  let from = 0;
  while (from < seg.text.length) {
    let to = Math.min(seg.text.length, from + MAX_SEGMENT);
    if (to < seg.text.length) {
      const window = seg.text.slice(from + MAX_SEGMENT / 2, to);
      const sentence = Math.max(window.lastIndexOf('. '), window.lastIndexOf('; '));
      const space = window.lastIndexOf(' ');
      const at = sentence >= 0 ? sentence + 2 : space >= 0 ? space + 1 : -1;
      if (at >= 0) to = from + MAX_SEGMENT / 2 + at;
    }
    yield collapse(slice(seg, from, to));
    from = to;
  }
}

/**
 * The part of a segment between two text offsets, as a segment of its own (offsets rebased to 0). A text node
 * cut by a boundary belongs to both parts: its start may then lie before 0 or its end after the text's end.
 */
export function slice(seg: Segment, from: number, to: number): Segment {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const lengths: number[] = [];
  for (let i = 0; i < seg.nodes.length; i++) {
    const s = seg.starts[i]!;
    const e = s + seg.lengths[i]!;
    if (e <= from || s >= to) continue;
    nodes.push(seg.nodes[i]!);
    starts.push(s - from);
    lengths.push(seg.lengths[i]!);
  }
  return { block: seg.block, text: seg.text.slice(from, to), map: null, rawLength: to - from, nodes, starts, lengths };
}

/** Collapses runs of spaces in a segment's text, keeping a map back to node offsets. */
export function collapse(seg: Segment): Segment {
  const raw = seg.text;
  if (!/  /.test(raw)) return seg;
  const map = new Int32Array(raw.length);
  let out = '';
  let k = 0;
  let from = 0;
  const runs = /  +/g;
  for (let m = runs.exec(raw); m; m = runs.exec(raw)) {
    // Keep the first space of the run.
    const keepTo = m.index + 1;
    out += raw.slice(from, keepTo);
    for (let i = from; i < keepTo; i++) map[k++] = i;
    from = m.index + m[0].length;
  }
  out += raw.slice(from);
  for (let i = from; i < raw.length; i++) map[k++] = i;
  return { ...seg, text: out, map: map.subarray(0, k) };
}

/** Offset in the joined node text of a detector offset (start of a reference, or its exclusive end). */
export function rawStart(seg: Segment, offset: number): number {
  return seg.map ? seg.map[offset] ?? seg.rawLength : offset;
}
export function rawEnd(seg: Segment, offset: number): number {
  if (!seg.map || offset === 0) return offset;
  const last = seg.map[offset - 1];
  return last === undefined ? seg.rawLength : last + 1;
}
