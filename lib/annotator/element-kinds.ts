/** Which elements hold readable prose, which separate blocks, and which the annotator never enters. */
import { openShadowRootOf, parentElementAcrossShadow } from './shadow-tree';

/** Subtrees never read or marked: code, form fields, embedded documents, non-HTML content. */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'optgroup', 'button',
  'code', 'pre', 'kbd', 'samp', 'svg', 'math', 'iframe', 'frame', 'object', 'embed', 'canvas', 'video', 'audio',
  'head', 'title', 'datalist',
]);

/** Elements that start and end a block of text: a code never spans two of them. */
const BLOCKS = new Set([
  'html', 'body', 'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog',
  'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'header', 'hgroup', 'hr', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'section', 'summary', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'search', 'listing', 'plaintext', 'xmp',
]);

/** A block: a block-level element, or a host of an open shadow root (its shadow tree is read as a block). */
export function isBlock(el: Element): boolean {
  return BLOCKS.has(el.localName) || openShadowRootOf(el) !== null;
}

export function isBlockName(localName: string): boolean {
  return BLOCKS.has(localName);
}

/** True for an element whose subtree the annotator must leave alone. */
export function isSkipped(el: Element, isOwnUi?: (node: Node) => boolean, localName = el.localName): boolean {
  if (SKIPPED.has(localName)) return true;
  if (el.hasAttributes()) {
    if (el.hasAttribute('hidden')) return true;
    // Hidden from assistive technology: not read out, so not offered either (our own inline wrappers excepted).
    if (el.getAttribute('aria-hidden') === 'true' && localName !== 'vbl-ref') return true;
    const editable = el.getAttribute('contenteditable');
    if (editable !== null && editable.toLowerCase() !== 'false') return true;
    if (el.getAttribute('role') === 'textbox') return true;
  }
  return isOwnUi ? isOwnUi(el) : false;
}

/** True when the node sits inside a region the annotator skips (checked from the node up to the document). */
export function isInsideSkipped(node: Node, isOwnUi?: (node: Node) => boolean): boolean {
  const doc = node.ownerDocument;
  if (doc && doc.designMode === 'on') return true;
  for (let el = node.nodeType === 1 ? (node as Element) : parentElementAcrossShadow(node); el; el = parentElementAcrossShadow(el)) {
    if (isSkipped(el, isOwnUi)) return true;
  }
  return false;
}

/**
 * The nearest block element containing the node (the node itself when it is one); inside a shadow tree with no
 * block of its own, its host.
 */
export function blockOf(node: Node): Element | null {
  for (let el = node.nodeType === 1 ? (node as Element) : parentElementAcrossShadow(node); el; el = parentElementAcrossShadow(el)) {
    if (isBlock(el)) return el;
  }
  return node.ownerDocument?.documentElement ?? null;
}
