/**
 * How the reader reaches a marked reference: the pointer resting on it (dwell), a tap, keyboard focus on its
 * wrapper (inline mode), and the keyboard's next/previous. Every listener goes with the signal.
 */
import type { Callbacks } from './callbacks';
import { KeyboardFocus } from './keyboard-focus';
import type { Mark } from './mark';
import type { MarkSet } from './mark-set';
import { trackPointerDwell } from './pointer-dwell';

export interface InteractionOptions {
  marks: MarkSet;
  signal: AbortSignal;
  dwellMs: number;
  callbacks: Callbacks;
}

export interface Interaction {
  /** The reference active now (hovered, else moved to), with how its end is reported. */
  readonly active: { mark: Mark; cause: 'leave' | 'blur' } | undefined;
  /** The mark is being removed: its activation ends (reported). */
  drop(m: Mark): void;
  /** Before a mode switch: the focus look goes (unreported), a hovered reference is left (reported). */
  release(): void;
  /** Keyboard next/previous (see Annotator.move); there must be marks. */
  move(direction: 1 | -1): Mark;
  /** Goes to one mark as move does (see Annotator.reveal). */
  reveal(m: Mark): Mark;
}

/** What onActivate gets as the anchor: the wrapper (inline mode) or the Range. */
function anchorOf(m: Mark): Range | Element {
  return m.element ?? m.range;
}

/** Where an event began: inside an open shadow root of the page, the node there (not the host it is retargeted to). */
export function originOf(e: Event): EventTarget | null {
  const path = e.composedPath();
  return path.length ? path[0]! : e.target;
}

function focusVisible(el: Element): boolean {
  try {
    return el.matches(':focus-visible');
  } catch {
    return true;
  }
}

export function watchInteraction({ marks, signal, dwellMs, callbacks }: InteractionOptions): Interaction {
  const { doc } = marks;
  const focus = new KeyboardFocus(marks);
  const hitTest = (x: number, y: number, target: EventTarget | null) => marks.at(x, y, target);

  const pointer = trackPointerDwell<Mark>({
    doc,
    signal,
    dwellMs,
    hitTest,
    onActivate: (m) => {
      if (focus.current && focus.current !== m) focus.clear();
      callbacks.activate(m, 'hover', anchorOf(m));
    },
    onLeave: (m) => callbacks.deactivate(m, 'leave'),
  });

  /** Lets go of the hovered reference, unless it is `except` (reported as a leave). */
  const leaveHovered = (except?: Mark) => {
    if (pointer.active && pointer.active !== except) {
      const p = pointer.active;
      pointer.forget();
      callbacks.deactivate(p, 'leave');
    }
  };

  const listen = { capture: true, signal } as AddEventListenerOptions;
  // Tap on touch screens.
  let touchStart: { id: string; x: number; y: number } | null = null;
  doc.addEventListener(
    'pointerdown',
    (e) => {
      touchStart = null;
      if (e.pointerType !== 'touch') return;
      const m = hitTest(e.clientX, e.clientY, originOf(e));
      if (m) touchStart = { id: m.id, x: e.clientX, y: e.clientY };
    },
    { ...listen, passive: true },
  );
  doc.addEventListener(
    'pointerup',
    (e) => {
      const t = touchStart;
      touchStart = null;
      if (!t || e.pointerType !== 'touch' || Math.hypot(e.clientX - t.x, e.clientY - t.y) > 10) return;
      const m = marks.byId.get(t.id);
      if (m && hitTest(e.clientX, e.clientY, originOf(e)) === m) callbacks.activate(m, 'tap', anchorOf(m));
    },
    { ...listen, passive: true },
  );
  // Inline mode: the wrappers are in the tab order.
  doc.addEventListener(
    'focusin',
    (e) => {
      if (marks.mode !== 'inline' || focus.moving) return;
      const target = originOf(e);
      const m = marks.ofWrapper(target);
      if (!m || target !== m.element) return;
      // Focus from a click or tap is not a keyboard visit: the hover or tap already speaks for it.
      if (!focusVisible(m.element)) return;
      if (focus.current && focus.current !== m) focus.clear();
      focus.activatedByFocus = m;
      callbacks.activate(m, 'focus', m.element!);
    },
    listen,
  );
  doc.addEventListener(
    'focusout',
    (e) => {
      if (marks.mode !== 'inline') return;
      const target = originOf(e);
      const m = marks.ofWrapper(target);
      if (!m || target !== m.element) return;
      if (focus.current === m) focus.clear();
      // Only a focus that activated the reference ends it (a clicked one was opened by the pointer).
      if (focus.activatedByFocus !== m) return;
      focus.activatedByFocus = undefined;
      callbacks.deactivate(m, 'blur');
    },
    listen,
  );
  doc.addEventListener(
    'keydown',
    (e) => {
      if (marks.mode !== 'inline' || (e.key !== 'Enter' && e.key !== ' ')) return;
      const target = originOf(e);
      const m = marks.ofWrapper(target);
      if (!m || target !== m.element) return;
      if (e.key === ' ') e.preventDefault(); // a button: Space activates instead of scrolling
      callbacks.activate(m, 'keyboard', m.element!);
    },
    listen,
  );

  return {
    get active(): Interaction['active'] {
      const mark = pointer.active ?? focus.current;
      if (!mark) return undefined;
      return { mark, cause: pointer.active ? 'leave' : 'blur' };
    },
    drop(m) {
      if (pointer.active === m) {
        pointer.forget(m);
        callbacks.deactivate(m, 'leave');
      }
      if (focus.current === m) {
        focus.current = undefined;
        callbacks.deactivate(m, 'blur');
      }
    },
    release() {
      focus.clear();
      leaveHovered();
      pointer.forget();
    },
    move(direction) {
      return this.reveal(focus.next(direction));
    },
    reveal(m) {
      const previous = focus.current;
      focus.clear();
      if (previous && previous !== m) callbacks.deactivate(previous, 'blur');
      leaveHovered(m);
      focus.show(m);
      callbacks.activate(m, 'keyboard', anchorOf(m));
      return m;
    },
  };
}
