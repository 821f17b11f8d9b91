/** How marked references look: style sheets adopted by the document (no element added to the page). */

export const HIGHLIGHT = 'vbl-ref';
export const FOCUS_HIGHLIGHT = 'vbl-ref-focus';

/**
 * Inline mode's wrappers. Only rules whose subject is `vbl-ref`: adding them restyles only those elements,
 * not the whole page.
 */
export const INLINE_CSS = `
vbl-ref { background-color: rgba(250, 204, 21, 0.28); text-decoration: underline dotted rgba(161, 98, 7, 0.9); cursor: help; }
vbl-ref[data-vbl-focus] { background-color: rgba(245, 158, 11, 0.55); }
vbl-ref:focus-visible { outline: 2px solid rgb(180, 83, 9); outline-offset: 1px; }
@media (forced-colors: active) { vbl-ref { text-decoration: underline dotted; } }
`;

/** Highlight mode's look (added only in that mode: a ::highlight rule restyles every element once). */
export const HIGHLIGHT_CSS = `
::highlight(${HIGHLIGHT}) { background-color: rgba(250, 204, 21, 0.28); text-decoration: underline dotted rgba(161, 98, 7, 0.9); }
::highlight(${FOCUS_HIGHLIGHT}) { background-color: rgba(245, 158, 11, 0.55); text-decoration: underline solid rgba(146, 64, 14, 1); }
@media (forced-colors: active) { ::highlight(${HIGHLIGHT}) { text-decoration: underline dotted; } }
`;

/** Adds the style sheet; returns its removal. Falls back to a `<style>` element where adoption is missing. */
export function addPageStyles(doc: Document, cssText: string, ownChange: (fn: () => void) => void): () => void {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  try {
    if (win && 'adoptedStyleSheets' in doc && typeof win.CSSStyleSheet === 'function') {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(cssText);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      return () => {
        doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
      };
    }
  } catch {
    // fall through to a style element
  }
  const style = doc.createElement('style');
  style.setAttribute('data-vbl', '');
  style.textContent = cssText;
  ownChange(() => (doc.head ?? doc.documentElement).appendChild(style));
  return () => ownChange(() => style.remove());
}
