/**
 * Where the keyboard is among the marks: the reference moved to with next/previous (drawn with the focus look)
 * and, in inline mode, the wrapper whose keyboard focus activated its reference.
 */
import { firstOnScreen } from './document-order';
import { setInlineFocus } from './inline-mode';
import type { Mark } from './mark';
import type { MarkSet } from './mark-set';

export class KeyboardFocus {
  /** The reference moved to last, drawn with the focus look. */
  current: Mark | undefined;
  /** Inline mode: the wrapper whose keyboard focus activated it (its blur deactivates it). */
  activatedByFocus: Mark | undefined;
  /** True while a move focuses a wrapper itself: that focus is not the user's. */
  moving = false;

  constructor(private readonly marks: MarkSet) {}

  /** Takes the focus look off the current reference and forgets it (no callback). */
  clear(): void {
    const was = this.current;
    this.current = undefined;
    if (!was) return;
    if (was.parts) this.marks.own(() => setInlineFocus(was.parts, false));
    else this.marks.layer?.setFocus(null);
  }

  /** The reference next to the current one (1) or before it (-1); from the first on screen when there is none. */
  next(direction: 1 | -1): Mark {
    const list = this.marks.inDocumentOrder();
    const n = list.length;
    const current = this.current ? list.indexOf(this.current) : -1;
    let at: number;
    if (current >= 0) at = (current + direction + n) % n;
    else {
      const first = firstOnScreen(list, (m) => m.range.getBoundingClientRect());
      at = direction === 1 ? first % n : (first - 1 + n) % n;
    }
    return list[at]!;
  }

  /** Makes m the current reference: scrolled into view, drawn with the focus look, its wrapper focused. */
  show(m: Mark): void {
    this.current = m;
    scrollIntoView(m, this.marks.doc.defaultView!);
    if (m.parts) {
      this.marks.own(() => setInlineFocus(m.parts, true));
      this.activatedByFocus = undefined; // the previous wrapper's blur is already reported by the caller
      this.moving = true;
      try {
        m.element!.focus({ preventScroll: true });
      } finally {
        this.moving = false;
      }
      this.activatedByFocus = m;
    } else this.marks.layer?.setFocus(m.drawn ?? null);
  }
}

/** Scrolls m to the middle of the window unless all of it is in view already. */
function scrollIntoView(m: Mark, win: Window): void {
  const range = m.range;
  const r = range.getBoundingClientRect();
  const h = win.innerHeight;
  const w = win.innerWidth;
  if (r.top >= 0 && r.bottom <= h && r.left >= 0 && r.right <= w && (r.width || r.height)) return;
  const el = m.element ?? range.startContainer.parentElement;
  el?.scrollIntoView({ block: 'center', inline: 'nearest' });
}
