/**
 * The card's place in the page: one element holding a CLOSED shadow root (page CSS cannot reach in, card CSS
 * cannot leak out, and page scripts cannot read or change what the card shows: the only reference to the root is
 * in this closure), the Preact card rendered inside it, and its position next to the reference (Floating UI:
 * inline() for references that wrap across lines, flip() and shift() to stay inside the viewport, size() to
 * keep it scrollable at high zoom).
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { render } from 'preact';
import { Card, type CardProps } from '@/components/card/Card';
import { cardStyle } from '@/components/card/style';
import type { Translate } from '../i18n/t';

/**
 * A fresh, random valid custom-element name for each page (two runs of 4–9 lowercase letters joined by a hyphen):
 * nothing about it is stable, so a page cannot find the card by name, nor block it by defining the name first
 * (an element whose name the page has defined could refuse a shadow root or run the page's constructor).
 */
export function randomHostTag(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  const bytes = random(20);
  const word = (from: number) => {
    const length = 4 + (bytes[from]! % 6);
    let out = '';
    for (let i = 1; i <= length; i++) out += String.fromCharCode(97 + (bytes[from + i]! % 26));
    return out;
  };
  return `${word(0)}-${word(10)}`;
}

export type CardAnchor = Range | Element;

export interface CardHost {
  /** The host element in the page (for isOwnUi checks). Its shadow root is closed: only this object reaches in. */
  readonly element: HTMLElement;
  render(props: Omit<CardProps, 't'>): void;
  /** Shows the card next to the anchor and keeps it there while the page scrolls or resizes. */
  show(anchor: CardAnchor): void;
  hide(): void;
  isShown(): boolean;
  /** The card's outer element inside the shadow root, when rendered. */
  card(): HTMLElement | null;
  /** True for the host element and anything inside its shadow root. */
  contains(node: Node | null | undefined): boolean;
  /** True when keyboard focus is inside the card. */
  hasFocus(): boolean;
  /** The focused element inside the card, if any. */
  activeElement(): Element | null;
  focusCard(): void;
  /** Copies text to the clipboard (never through an event the page sees); resolves to whether it worked. */
  copy(text: string): Promise<boolean>;
}

export interface CardHostOptions {
  t: Translate;
  /** How text reaches the clipboard (the content script copies from the extension's contexts: lib/page/clipboard). */
  copy?: (text: string) => Promise<boolean>;
  signal: AbortSignal;
  doc?: Document;
  /** The theme chosen in the options; 'system' (default) follows the page's colour scheme. */
  theme?: 'system' | 'light' | 'dark';
}

export function createCardHost({ t, signal, doc = document, copy = async () => false, theme = 'system' }: CardHostOptions): CardHost {
  // The root is attached before the element is in the page, and never serializable (getHTML does not show it).
  const element = doc.createElement(randomHostTag());
  element.setAttribute('hidden', '');
  const shadow = element.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = cardStyle;
  const mount = doc.createElement('div');
  if (theme !== 'system') mount.className = `theme-${theme}`;
  shadow.append(style, mount);
  let stopAutoUpdate: (() => void) | undefined;
  let shown = false;
  let generation = 0;

  const attach = () => {
    if (!element.isConnected) (doc.documentElement ?? doc.body).append(element);
  };
  const card = () => mount.firstElementChild as HTMLElement | null;

  const host: CardHost = {
    element,
    render(props) {
      attach();
      render(<Card {...props} t={t} />, mount);
    },
    show(anchor) {
      attach();
      stopAutoUpdate?.();
      const floating = card();
      if (!floating) return;
      const reference = virtualAnchor(anchor);
      const run = ++generation;
      element.removeAttribute('hidden');
      // Transparent until placed, so it never flashes at the top-left corner (yet focusable at once).
      if (!shown) floating.style.opacity = '0';
      shown = true;
      const place = () =>
        void computePosition(reference, floating, {
          strategy: 'fixed',
          placement: 'bottom-start',
          middleware: [
            offset(6),
            inline(),
            flip({ padding: 8 }),
            shift({ padding: 8 }),
            size({
              padding: 8,
              apply({ availableHeight }) {
                floating.style.maxHeight = `${Math.max(120, Math.floor(availableHeight))}px`;
              },
            }),
          ],
        }).then(({ x, y }) => {
          if (run !== generation || !shown) return;
          floating.style.left = `${Math.round(x)}px`;
          floating.style.top = `${Math.round(y)}px`;
          floating.style.opacity = '';
        });
      stopAutoUpdate = autoUpdate(reference, floating, place, { animationFrame: false });
    },
    hide() {
      generation++;
      shown = false;
      stopAutoUpdate?.();
      stopAutoUpdate = undefined;
      element.setAttribute('hidden', '');
      render(null, mount);
    },
    isShown: () => shown,
    card,
    contains(node) {
      if (!node) return false;
      if (node === element || element.contains(node)) return true;
      let root = node.getRootNode?.();
      while (root && root !== doc && root instanceof ShadowRoot) {
        if (root === shadow) return true;
        root = root.host.getRootNode();
      }
      return false;
    },
    hasFocus: () => shadow.activeElement !== null,
    activeElement: () => shadow.activeElement,
    focusCard() {
      card()?.focus({ preventScroll: true });
    },
    copy: (text) => copy(text).catch(() => false),
  };

  signal.addEventListener(
    'abort',
    () => {
      host.hide();
      element.remove();
    },
    { once: true },
  );
  return host;
}

/** Floating UI's view of a reference: a Range (highlight mode) or an element (inline mode). */
function virtualAnchor(anchor: CardAnchor): Element | VirtualElement {
  if ((anchor as Node).nodeType === 1) return anchor as Element;
  const range = anchor as Range;
  const context = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
  return {
    getBoundingClientRect: () => range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
    contextElement: context ?? undefined,
  };
}
