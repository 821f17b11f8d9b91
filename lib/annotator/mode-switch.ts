/**
 * Switching the marks between highlight and inline mode in place: same marks, same ids. Leaving inline mode
 * restores the page's DOM exactly.
 */
import type { MarkMode } from './types';
import { blockOf } from './element-kinds';
import { HighlightLayer, supportsHighlights } from './highlight-mode';
import { drawInline, eraseInline } from './inline-mode';
import { sortByDocument } from './document-order';
import type { MarkSet } from './mark-set';

/** The mode that can be used in this window: inline where the Highlight API is missing. */
export function availableMode(wanted: MarkMode, win: Window): MarkMode {
  return wanted === 'highlight' && !supportsHighlights(win) ? 'inline' : wanted;
}

/**
 * Redraws every mark in the other mode; returns the ids of marks that could not be redrawn (the page removed
 * or changed their text), which are forgotten.
 */
export function switchMode(marks: MarkSet, next: MarkMode): string[] {
  const { doc, own } = marks;
  const list = sortByDocument([...marks.byId.values()]);
  const lost: string[] = [];
  own(() => {
    if (next === 'inline') {
      const old = marks.layer!;
      marks.mode = 'inline';
      // Last first: splitting text after earlier marks leaves their points valid.
      for (let k = list.length - 1; k >= 0; k--) {
        const m = list[k]!;
        if (!m.attached) {
          lost.push(m.id);
          continue;
        }
        try {
          const { start, end, parts } = drawInline(m.id, m.ref, m.start, m.end);
          m.start = start;
          m.end = end;
          m.parts = parts;
          m.element = parts[0];
          m.drawn = undefined;
        } catch {
          lost.push(m.id);
        }
      }
      old.destroy();
      marks.layer = null;
    } else {
      marks.mode = 'highlight';
      const layer = (marks.layer = new HighlightLayer(doc, own));
      // Document order: unwrapping merges text into earlier nodes only.
      for (const m of list) {
        const at = m.parts ? eraseInline(m.parts) : null;
        m.parts = undefined;
        m.element = undefined;
        if (!at) {
          lost.push(m.id);
          continue;
        }
        m.start = at.start;
        m.end = at.end;
        m.drawn = layer.draw(at.start, at.end, blockOf(at.start.node) ?? doc.documentElement);
      }
    }
  });
  marks.layer?.commit();
  marks.forget(lost);
  return lost;
}
