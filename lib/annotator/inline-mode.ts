/**
 * Inline mode: each reference in a `<vbl-ref>` element in the tab order (tabindex 0, role button,
 * aria-haspopup dialog). The element is unstyled for layout and never stops the page's own events.
 */
import type { Reference } from '../detector/types';
import type { Point } from './offset-to-range';
import { TAG, unwrap, wrap } from './inline-wrap';

export const ID_ATTR = 'data-vbl-id';
export const FOCUS_ATTR = 'data-vbl-focus';

export interface InlineMark {
  start: Point;
  end: Point;
  /** The wrapper elements; the first is focusable. */
  parts: HTMLElement[];
}

/** Per document: a bare wrapper, and the main one with its fixed attributes; copies are cheaper to make. */
const prototypes = new WeakMap<Document, { main: HTMLElement; part: HTMLElement }>();

function prototypesFor(doc: Document): { main: HTMLElement; part: HTMLElement } {
  let p = prototypes.get(doc);
  if (!p) {
    const part = doc.createElement(TAG) as HTMLElement;
    const main = part.cloneNode(false) as HTMLElement;
    main.setAttribute('tabindex', '0');
    main.setAttribute('role', 'button');
    main.setAttribute('aria-haspopup', 'dialog');
    prototypes.set(doc, (p = { main, part }));
  }
  return p;
}

export function drawInline(id: string, ref: Reference, start: Point, end: Point): InlineMark {
  const code = ref.code ?? ref.raw;
  const proto = prototypesFor(start.node.ownerDocument!);
  const { elements, start: s, end: e } = wrap(start, end, (index) => {
    const el = (index === 0 ? proto.main : proto.part).cloneNode(false) as HTMLElement;
    el.setAttribute('data-code', code);
    el.setAttribute(ID_ATTR, id);
    return el;
  });
  const main = elements[0]!;
  const rest = elements.slice(1);
  if (rest.length) {
    // One code split over several wrappers: the first speaks for all of it.
    main.setAttribute('aria-label', ref.raw.replace(/\s+/g, ' '));
    for (const el of rest) el.setAttribute('aria-hidden', 'true');
  }
  return { start: s, end: e, parts: elements };
}

/** Takes the wrappers out; returns where the text is afterwards. */
export function eraseInline(parts: HTMLElement[]): { start: Point; end: Point } | null {
  return unwrap(parts);
}

/** The marked reference's id for an event target inside a wrapper. */
export function wrapperIdOf(target: EventTarget | null): string | undefined {
  const el = target && (target as Node).nodeType === 1 ? (target as Element) : (target as Node | null)?.parentElement;
  const wrapper = el?.closest?.(TAG);
  return wrapper?.getAttribute(ID_ATTR) ?? undefined;
}

export function setInlineFocus(parts: HTMLElement[] | undefined, on: boolean): void {
  if (!parts) return;
  for (const el of parts) {
    if (on) el.setAttribute(FOCUS_ATTR, '');
    else el.removeAttribute(FOCUS_ATTR);
  }
}
