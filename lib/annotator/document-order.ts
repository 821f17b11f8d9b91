/** Ordering marked references as they appear in the document and on screen. */
import type { Point } from './offset-to-range';

/** Sorts by the position of each item's start in the document. */
export function sortByDocument<T extends { start: Point }>(items: T[]): T[] {
  return items.sort((a, b) => {
    if (a.start.node === b.start.node) return a.start.offset - b.start.offset;
    const pos = a.start.node.compareDocumentPosition(b.start.node);
    return pos & 4 /* FOLLOWING */ ? -1 : pos & 2 /* PRECEDING */ ? 1 : 0;
  });
}

/**
 * Index of the first item (in document order) whose box reaches below the top of the viewport: where reading
 * starts on screen. Binary search, assuming document order is top-to-bottom order, as in normal flow.
 */
export function firstOnScreen<T>(items: T[], rectOf: (item: T) => DOMRect | null): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const r = rectOf(items[mid]!);
    if (r && r.bottom < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first item whose box starts below the bottom of the viewport (`height`). */
export function firstBelowScreen<T>(items: T[], rectOf: (item: T) => DOMRect | null, height: number, from = 0): number {
  let lo = from;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const r = rectOf(items[mid]!);
    if (!r || r.top <= height) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
