/**
 * The page's open shadow roots: how the annotator reaches text inside them and climbs back out. Closed roots
 * (the card's, and any page's) are never entered: a page that closes a root keeps it to itself.
 */

/** The open shadow root of an element, if it has one (null for closed roots: a content script cannot see them). */
export function openShadowRootOf(el: Element): ShadowRoot | null {
  const root = el.shadowRoot;
  return root && root.mode === 'open' ? root : null;
}

/** The parent of a node, crossing from a shadow root's top to its host. */
export function parentAcrossShadow(node: Node): Node | null {
  const parent = node.parentNode;
  if (parent) return parent;
  return node.nodeType === 11 ? ((node as ShadowRoot).host ?? null) : null;
}

/** The parent element of a node, crossing from a shadow root's top to its host. */
export function parentElementAcrossShadow(node: Node): Element | null {
  const parent = node.parentNode;
  if (!parent) return node.nodeType === 11 ? ((node as ShadowRoot).host ?? null) : null;
  if (parent.nodeType === 1) return parent as Element;
  if (parent.nodeType === 11) return (parent as ShadowRoot).host ?? null;
  return null;
}

/** The shadow root a node lives in, or null when it is in the document itself. */
export function shadowRootOf(node: Node): ShadowRoot | null {
  const root = node.getRootNode();
  return root.nodeType === 11 && (root as ShadowRoot).host ? (root as ShadowRoot) : null;
}
