/**
 * How marks look inside the page's open shadow roots: a document's style sheets do not reach into a shadow tree,
 * so each root read gets the marks' rules (both modes': a `::highlight` rule or `vbl-ref` rule restyles only
 * that tree) as an adopted style sheet, or a `<style>` where adoption is missing; all removed at the end.
 */
import { HIGHLIGHT_CSS, INLINE_CSS } from './page-styles';

export class ShadowStyles {
  private readonly removals: Array<() => void> = [];
  private readonly styled = new WeakSet<ShadowRoot>();
  private sheet: CSSStyleSheet | null | undefined;

  constructor(
    private readonly doc: Document,
    private readonly ownChange: (fn: () => void) => void,
  ) {}

  /** Styles the marks inside `root` (once per root). */
  add(root: ShadowRoot): void {
    if (this.styled.has(root)) return;
    this.styled.add(root);
    const sheet = this.sharedSheet();
    if (sheet) {
      try {
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
        this.removals.push(() => {
          root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
        });
        return;
      } catch {
        // fall through to a style element
      }
    }
    const style = this.doc.createElement('style');
    style.textContent = INLINE_CSS + HIGHLIGHT_CSS;
    this.ownChange(() => root.appendChild(style));
    this.removals.push(() => this.ownChange(() => style.remove()));
  }

  /** Takes the rules out of every root styled. */
  destroy(): void {
    for (const remove of this.removals.splice(0)) {
      try {
        remove();
      } catch {
        // a root the page has dropped
      }
    }
  }

  /** One constructed sheet for all roots (null where constructed sheets are missing). */
  private sharedSheet(): CSSStyleSheet | null {
    if (this.sheet !== undefined) return this.sheet;
    const win = this.doc.defaultView as (Window & typeof globalThis) | null;
    try {
      if (win && typeof win.CSSStyleSheet === 'function') {
        const sheet = new win.CSSStyleSheet();
        sheet.replaceSync(INLINE_CSS + HIGHLIGHT_CSS);
        return (this.sheet = sheet);
      }
    } catch {
      // no constructed style sheets
    }
    return (this.sheet = null);
  }
}
