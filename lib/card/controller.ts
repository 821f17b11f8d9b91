/**
 * When the card opens and closes (WCAG 1.4.13: dismissible, hoverable, persistent). The annotator reports a
 * reference activated (after its dwell, on focus, tap or the shortcut) and deactivated (pointer left, focus
 * left); this keeps the card open while the pointer travels into it (a grace period) or focus is inside it,
 * closes it on Escape and returns focus, and shows one card at a time.
 */
import type { CardAnchor, CardHost } from './host';

export type ActivateCause = 'hover' | 'focus' | 'tap' | 'keyboard';
export type DeactivateCause = 'leave' | 'blur';
export type CloseReason = 'leave' | 'blur' | 'escape' | 'outside' | 'button' | 'replaced' | 'api';

export interface CardControllerOptions<K> {
  host: CardHost;
  signal: AbortSignal;
  /** How long the card stays after the pointer leaves the reference or the card (ms). */
  graceMs?: number;
  /** Called when a card opens for a key: render its content here (before it is shown). */
  onOpen: (key: K, cause: ActivateCause) => void;
  onClose?: (key: K, reason: CloseReason) => void;
}

export interface CardController<K> {
  activate(key: K, anchor: CardAnchor, cause: ActivateCause): void;
  deactivate(key: K, cause: DeactivateCause): void;
  close(reason?: CloseReason): void;
  current(): K | undefined;
}

export const DEFAULT_GRACE_MS = 300;

export function createCardController<K>(options: CardControllerOptions<K>): CardController<K> {
  const { host, signal, graceMs = DEFAULT_GRACE_MS, onOpen, onClose } = options;
  const doc = host.element.ownerDocument;
  let key: K | undefined;
  let anchor: CardAnchor | undefined;
  let returnFocus: HTMLElement | undefined;
  let pointerInside = false;
  let graceTimer: ReturnType<typeof setTimeout> | undefined;
  /** Set while focus is handed back to a reference, so that focus does not reopen the card just closed. */
  let returning: K | undefined;

  const cancelGrace = () => {
    if (graceTimer !== undefined) clearTimeout(graceTimer);
    graceTimer = undefined;
  };
  const scheduleClose = (reason: CloseReason) => {
    cancelGrace();
    graceTimer = setTimeout(() => {
      graceTimer = undefined;
      if (!pointerInside && !host.hasFocus()) close(reason);
    }, graceMs);
  };

  const anchorElement = (): HTMLElement | undefined =>
    anchor && (anchor as Node).nodeType === 1 ? (anchor as HTMLElement) : undefined;

  function close(reason: CloseReason = 'api', restoreFocus = false) {
    cancelGrace();
    if (key === undefined) return;
    const closing = key;
    const focusBack = returnFocus ?? anchorElement();
    const hadFocus = host.hasFocus();
    key = undefined;
    anchor = undefined;
    returnFocus = undefined;
    pointerInside = false;
    host.hide();
    if ((restoreFocus || hadFocus) && focusBack?.isConnected) {
      returning = closing;
      try {
        focusBack.focus({ preventScroll: true });
      } finally {
        returning = undefined;
      }
    }
    onClose?.(closing, reason);
  }

  function activate(next: K, at: CardAnchor, cause: ActivateCause) {
    if (cause === 'focus' && returning === next) return;
    cancelGrace();
    const active = doc.activeElement as HTMLElement | null;
    if (key !== undefined && key !== next) close('replaced');
    const reopening = key === next;
    key = next;
    anchor = at;
    if (!reopening || cause === 'keyboard') {
      // Where Escape sends focus back: the reference itself when it is focusable, else what had focus.
      const own = anchorElement();
      returnFocus = own && own.tabIndex >= 0 ? own : active && active !== doc.body && !host.contains(active) ? active : undefined;
    }
    onOpen(next, cause);
    host.show(at);
    if (cause === 'keyboard') host.focusCard();
  }

  function deactivate(which: K, cause: DeactivateCause) {
    if (which !== key) return;
    if (cause === 'leave') {
      if (!pointerInside && !host.hasFocus()) scheduleClose('leave');
      return;
    }
    // Blur: wait for focus to land; moving into the card keeps it open.
    setTimeout(() => {
      if (which === key && !host.hasFocus() && !pointerInside) close('blur');
    }, 0);
  }

  // The card's own events (listeners on the host element see events retargeted from the shadow root).
  const on = <E extends Event>(target: EventTarget, type: string, listener: (event: E) => void, capture = false) =>
    target.addEventListener(type, listener as EventListener, { capture, signal });

  on<PointerEvent>(host.element, 'pointerover', () => {
    pointerInside = true;
    cancelGrace();
  });
  on<PointerEvent>(host.element, 'pointerout', (event) => {
    if (event.relatedTarget && host.contains(event.relatedTarget as Node)) return;
    pointerInside = false;
    if (key !== undefined && !host.hasFocus()) scheduleClose('leave');
  });
  on<FocusEvent>(host.element, 'focusout', (event) => {
    const to = event.relatedTarget as Node | null;
    if (to && host.contains(to)) return;
    setTimeout(() => {
      if (key === undefined || host.hasFocus()) return;
      const own = anchorElement();
      if (own && doc.activeElement === own) return;
      if (!pointerInside) close('blur');
    }, 0);
  });
  on<KeyboardEvent>(host.element, 'keydown', (event) => {
    if (event.key !== 'Tab' || key === undefined) return;
    // Leaving the card with Tab goes back to the reference, so the reader continues where they were.
    const focusables = focusableIn(host.card());
    const active = host.activeElement();
    const first = focusables[0];
    const last = focusables[focusables.length - 1];
    if (!event.shiftKey && active === host.card() && first) {
      // From the card itself (focused on opening), Tab goes to its first control.
      event.preventDefault();
      first.focus();
      return;
    }
    if ((!event.shiftKey && (active === last || focusables.length === 0)) || (event.shiftKey && (active === first || active === host.card()))) {
      event.preventDefault();
      close('blur', true);
    }
  });
  on<KeyboardEvent>(
    doc,
    'keydown',
    (event) => {
      if (key === undefined) return;
      const own = anchorElement();
      if (event.key === 'Escape') {
        const focused = host.hasFocus() || (own !== undefined && doc.activeElement === own);
        close('escape', focused);
        if (focused) event.stopPropagation();
        return;
      }
      // From a focused reference, Enter, Space or ArrowDown moves into its card.
      if (own && doc.activeElement === own && (event.key === 'Enter' || event.key === ' ' || event.key === 'ArrowDown')) {
        event.preventDefault();
        host.focusCard();
      }
    },
    true,
  );
  on<PointerEvent>(
    doc,
    'pointerdown',
    (event) => {
      if (key === undefined) return;
      const path = event.composedPath();
      if (path.includes(host.element)) return;
      const own = anchorElement();
      if (own && path.includes(own)) return;
      close('outside');
    },
    true,
  );
  signal.addEventListener('abort', () => close('api'), { once: true });

  return { activate, deactivate, close: (reason) => close(reason ?? 'api'), current: () => key };
}

function focusableIn(root: HTMLElement | null): HTMLElement[] {
  if (!root) return [];
  return [...root.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), [tabindex]:not([tabindex="-1"])')];
}
