/**
 * Text the reader cannot see: inside `display: none`, `visibility: hidden` or a collapsed (content-visibility:
 * hidden, e.g. a closed `<details>`) region. Such text is neither marked nor looked up; the elements it was found
 * in are remembered, so that when the page shows them (a class, style or attribute change) their blocks are read
 * again. (`hidden` and `aria-hidden` are attributes, skipped by element-kinds.ts without asking the browser.)
 *
 * Asking costs a style update (never a layout): the annotator asks only after the page's load (see
 * after-load.ts), so it forces nothing the page's own loading would do later anyway.
 */
import { blockOf } from './element-kinds';
import { parentElementAcrossShadow } from './shadow-tree';

type Visible = Element & { checkVisibility?: (options?: { visibilityProperty?: boolean }) => boolean };

export class HiddenText {
  /** Elements whose own text was found hidden. */
  private readonly found = new Set<Element>();
  /** Answers within one walk (an element's text nodes alternate with its children's). */
  private answers = new Map<Element, boolean>();

  constructor(private readonly win: Window) {}

  /** True when the text directly inside `el` is not shown (remembered for `revealed`). */
  hides(el: Element): boolean {
    let hidden = this.answers.get(el);
    if (hidden === undefined) {
      hidden = this.isHidden(el);
      this.answers.set(el, hidden);
      if (hidden) this.found.add(el);
    }
    return hidden;
  }

  /** Forgets the answers cached for one walk (the page may have changed since). */
  forgetLast(): void {
    if (this.answers.size) this.answers = new Map();
  }

  /**
   * After the page restyled some elements (their class, style or an attribute): the blocks of remembered hidden
   * text at or under one of them that are shown now, to be read again. One climb per remembered element, however
   * many elements the page restyled.
   */
  revealed(changed: ReadonlySet<Element>): Element[] {
    if (!this.found.size || !changed.size) return [];
    this.forgetLast();
    const out: Element[] = [];
    for (const el of this.found) {
      if (!el.isConnected) {
        this.found.delete(el);
        continue;
      }
      if (!underOneOf(el, changed) || this.isHidden(el)) continue;
      this.found.delete(el);
      const block = blockOf(el);
      if (block) out.push(block);
    }
    return out;
  }

  private isHidden(el: Element): boolean {
    const v = el as Visible;
    if (typeof v.checkVisibility === 'function') {
      if (v.checkVisibility({ visibilityProperty: true })) return false;
      // No box of its own: display: contents shows its text as its parent does.
      if (this.style(el).display === 'contents') {
        const parent = parentElementAcrossShadow(el);
        return parent ? this.isHidden(parent) : false;
      }
      return true;
    }
    // No checkVisibility: visibility is inherited (read on the element), display: none is not (read up the tree).
    const own = this.style(el);
    if (own.visibility === 'hidden' || own.visibility === 'collapse') return true;
    for (let e: Element | null = el; e; e = parentElementAcrossShadow(e)) {
      if ((e === el ? own : this.style(e)).display === 'none') return true;
    }
    return false;
  }

  private style(el: Element): CSSStyleDeclaration {
    return this.win.getComputedStyle(el);
  }
}

/** True when `el` is one of `set` or inside one of them (through shadow roots too). */
function underOneOf(el: Element, set: ReadonlySet<Element>): boolean {
  for (let e: Element | null = el; e; e = parentElementAcrossShadow(e)) if (set.has(e)) return true;
  return false;
}
