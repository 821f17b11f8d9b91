/**
 * Hover intent: which reference the pointer rests on. Pointer moves are read once per animation frame; a
 * reference activates only after the pointer has stayed on it for the dwell time without moving fast.
 */

export interface PointerDwellOptions<T> {
  doc: Document;
  signal: AbortSignal;
  dwellMs: number;
  /** Above this speed (px/ms) the pointer is travelling, not reading: the dwell starts over. */
  maxSpeed?: number;
  /** What is under the point (the event target given for element-based modes). */
  hitTest(x: number, y: number, target: EventTarget | null): T | undefined;
  onActivate(item: T): void;
  onLeave(item: T): void;
}

export interface PointerDwell<T> {
  /** The reference hover-activated now, if any. */
  readonly active: T | undefined;
  /** Forget the active reference without calling onLeave (it was removed or taken over by another cause). */
  forget(item?: T): void;
}

export const FAST_PX_PER_MS = 0.5;

export function trackPointerDwell<T>(options: PointerDwellOptions<T>): PointerDwell<T> {
  const { doc, signal, dwellMs } = options;
  const maxSpeed = options.maxSpeed ?? FAST_PX_PER_MS;
  const win = doc.defaultView!;
  let last: { x: number; y: number; t: number; target: EventTarget | null } | null = null;
  /** Time of the last frame's sample, and the path travelled since (all raw moves, so fast wiggles count). */
  let prevT: number | null = null;
  let travel = 0;
  let frame = 0;
  let hovered: T | undefined;
  let active: T | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const clearTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const startTimer = () => {
    clearTimer();
    timer = setTimeout(() => {
      timer = undefined;
      if (signal.aborted || hovered === undefined || hovered === active) return;
      active = hovered;
      options.onActivate(hovered);
    }, dwellMs);
  };

  const leaveActive = () => {
    if (active !== undefined) {
      const was = active;
      active = undefined;
      options.onLeave(was);
    }
  };

  const process = () => {
    frame = 0;
    if (!last || signal.aborted) return;
    const { x, y, t, target } = last;
    const speed = prevT === null ? 0 : travel / Math.max(t - prevT, 1);
    prevT = t;
    travel = 0;
    const hit = options.hitTest(x, y, target);
    if (hit !== hovered) {
      if (active !== undefined && hit !== active) leaveActive();
      hovered = hit;
      clearTimer();
      if (hit !== undefined && hit !== active) startTimer();
    } else if (hit !== undefined && hit !== active && speed > maxSpeed) {
      startTimer(); // still travelling: the dwell counts from when it slows down
    }
  };

  const onMove = (e: PointerEvent) => {
    if (e.pointerType === 'touch') return;
    // The browser may coalesce several moves into one event per frame: count the whole path.
    const coalesced = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [];
    // Inside an open shadow root of the page, the node there (the target is retargeted to its host).
    const path = e.composedPath();
    const target = path.length ? path[0]! : e.target;
    for (const p of coalesced.length ? coalesced : [e]) {
      if (last) travel += Math.hypot(p.clientX - last.x, p.clientY - last.y);
      last = { x: p.clientX, y: p.clientY, t: p.timeStamp, target };
    }
    last = { x: e.clientX, y: e.clientY, t: e.timeStamp, target };
    if (!frame) frame = win.requestAnimationFrame(process);
  };
  const onOut = (e: PointerEvent) => {
    if (e.relatedTarget === null && e.pointerType !== 'touch') {
      // Left the window.
      last = null;
      prevT = null;
      travel = 0;
      hovered = undefined;
      clearTimer();
      leaveActive();
    }
  };
  const onScroll = () => {
    // Content moved under a still pointer: test again at the same point.
    if (last && !frame) frame = win.requestAnimationFrame(process);
  };
  const opts = { capture: true, passive: true, signal } as AddEventListenerOptions;
  doc.addEventListener('pointermove', onMove, opts);
  doc.addEventListener('pointerout', onOut, opts);
  win.addEventListener('scroll', onScroll, opts);
  signal.addEventListener('abort', () => {
    clearTimer();
    if (frame) win.cancelAnimationFrame(frame);
  });

  return {
    get active() {
      return active;
    },
    forget(item?: T) {
      if (item === undefined || item === active) active = undefined;
      if (item === undefined || item === hovered) {
        hovered = undefined;
        clearTimer();
      }
    },
  };
}
