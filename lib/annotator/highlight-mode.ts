/**
 * Highlight mode: references drawn with the CSS Custom Highlight API. The page's DOM is not changed at all
 * (the pointer is hit-tested in highlight-hit-test.ts).
 */
import type { Point } from './offset-to-range';
import { FOCUS_HIGHLIGHT, HIGHLIGHT, HIGHLIGHT_CSS, addPageStyles } from './page-styles';

/** How soon marks come back after a page clears the highlight registry (a cheap check: two lookups in a map). */
const REASSERT_MS = 500;

type HighlightCtor = new (...ranges: AbstractRange[]) => Highlight;
type HighlightWindow = Window & { Highlight?: HighlightCtor; CSS?: { highlights?: HighlightRegistry } };

/** True where the CSS Custom Highlight API is available (else inline mode is used). */
export function supportsHighlights(win: Window | null): boolean {
  const w = win as HighlightWindow | null;
  return !!w && typeof w.Highlight === 'function' && !!w.CSS?.highlights;
}

/**
 * The page's highlight, painted where the reader is: every reference is drawn (a static range), but only those
 * in blocks within a screen of the viewport are in the registered highlight. The browser recomputes and
 * repaints a highlight over all its ranges at each change; with thousands of references that is a long frame,
 * while a window of a few hundred stays cheap. Blocks enter and leave the window through an
 * IntersectionObserver as the reader scrolls.
 */
export class HighlightLayer {
  private all: Highlight;
  private focus: Highlight;
  private registry: HighlightRegistry;
  /** Styles added and highlights registered at the first mark drawn (the page is not restyled before). */
  private removeStyles: (() => void) | null = null;
  private Static: typeof StaticRange;
  private byBlock = new Map<Element, Set<AbstractRange>>();
  private blockOf = new Map<AbstractRange, Element>();
  /** Blocks in the paint window. */
  private shown = new Set<Element>();
  /** Drawn in shown blocks, not yet added: added in one change by commit(). */
  private pending: AbstractRange[] = [];
  private observer: IntersectionObserver | null;
  /** Puts the highlights back when the page clears or replaces them (CSS.highlights is shared with the page). */
  private watch: number | null = null;

  constructor(
    private readonly doc: Document,
    private readonly ownChange: (fn: () => void) => void,
  ) {
    const w = doc.defaultView as HighlightWindow & {
      StaticRange: typeof StaticRange;
      IntersectionObserver?: typeof IntersectionObserver;
    };
    this.Static = w.StaticRange;
    this.registry = w.CSS!.highlights!;
    this.all = new w.Highlight!();
    this.focus = new w.Highlight!();
    this.focus.priority = 1;
    this.observer =
      typeof w.IntersectionObserver === 'function'
        ? new w.IntersectionObserver((entries) => this.onIntersect(entries), { rootMargin: '100% 0px 100% 0px' })
        : null;
  }

  /** Static ranges: the browser need not update them on every DOM change, as it must live ones. */
  draw(start: Point, end: Point, block: Element): AbstractRange {
    if (!this.removeStyles) {
      this.removeStyles = addPageStyles(this.doc, HIGHLIGHT_CSS, this.ownChange);
      this.registry.set(HIGHLIGHT, this.all);
      this.registry.set(FOCUS_HIGHLIGHT, this.focus);
      this.watch = this.doc.defaultView?.setInterval(() => this.reassert(), REASSERT_MS) ?? null;
    }
    const range = new this.Static({
      startContainer: start.node,
      startOffset: start.offset,
      endContainer: end.node,
      endOffset: end.offset,
    });
    let set = this.byBlock.get(block);
    if (!set) {
      this.byBlock.set(block, (set = new Set()));
      if (this.observer) this.observer.observe(block);
      else this.shown.add(block);
    }
    set.add(range);
    this.blockOf.set(range, block);
    if (this.shown.has(block)) this.pending.push(range);
    return range;
  }

  /** Shows what was drawn in the window since the last commit, as one change. */
  commit(): void {
    if (!this.pending.length) return;
    for (const r of this.pending) this.all.add(r);
    this.pending = [];
  }

  /** Ranges drawn in the window and not yet committed. */
  get waiting(): number {
    return this.pending.length;
  }

  /** Ranges in the page's highlight now. */
  get painted(): number {
    return this.all.size;
  }

  erase(range: AbstractRange): void {
    const block = this.blockOf.get(range);
    if (block) {
      this.blockOf.delete(range);
      const set = this.byBlock.get(block);
      set?.delete(range);
      if (set && !set.size) {
        this.byBlock.delete(block);
        this.shown.delete(block);
        this.observer?.unobserve(block);
      }
    }
    if (this.pending.length) {
      const i = this.pending.indexOf(range);
      if (i >= 0) this.pending.splice(i, 1);
    }
    this.all.delete(range);
    this.focus.delete(range);
  }

  setFocus(range: AbstractRange | null): void {
    this.focus.clear();
    if (range) this.focus.add(range);
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      const set = this.byBlock.get(e.target);
      if (!set) continue;
      const box = e.boundingClientRect;
      // No box (display: contents or none): nothing to cost or to lose, keep it shown.
      const inWindow = e.isIntersecting || (box.width === 0 && box.height === 0);
      if (inWindow && !this.shown.has(e.target)) {
        this.shown.add(e.target);
        for (const r of set) this.all.add(r);
      } else if (!inWindow && this.shown.has(e.target)) {
        this.shown.delete(e.target);
        for (const r of set) this.all.delete(r);
      }
    }
  }

  /** Registers our highlights again where the page cleared them or set its own under their names. */
  reassert(): void {
    if (!this.removeStyles) return;
    if (this.registry.get(HIGHLIGHT) !== this.all) this.registry.set(HIGHLIGHT, this.all);
    if (this.registry.get(FOCUS_HIGHLIGHT) !== this.focus) this.registry.set(FOCUS_HIGHLIGHT, this.focus);
  }

  destroy(): void {
    if (this.watch !== null) this.doc.defaultView?.clearInterval(this.watch);
    this.watch = null;
    this.observer?.disconnect();
    this.pending = [];
    this.byBlock.clear();
    this.blockOf.clear();
    this.shown.clear();
    this.all.clear();
    this.focus.clear();
    if (this.registry.get(HIGHLIGHT) === this.all) this.registry.delete(HIGHLIGHT);
    if (this.registry.get(FOCUS_HIGHLIGHT) === this.focus) this.registry.delete(FOCUS_HIGHLIGHT);
    this.removeStyles?.();
    this.removeStyles = null;
  }
}
