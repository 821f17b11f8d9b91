/**
 * The annotator's API types: what annotate() takes and gives back. Types only, so that every part of the
 * annotator (and its callers) can name them without importing annotate.ts.
 */
import type { Reference } from '../detector/types';

export type MarkMode = 'highlight' | 'inline';

export interface MarkedReference {
  id: string;
  ref: Reference;
  /**
   * A live Range over the reference, made fresh at each read (the annotator itself keeps no live Range: the
   * browser would have to update each one on every DOM change of the page).
   */
  readonly range: Range;
  /** Inline mode only: the focusable wrapper. */
  element?: HTMLElement;
}

export type ActivationCause = 'hover' | 'focus' | 'tap' | 'keyboard';

export interface AnnotatorOptions {
  /** The document to mark (one annotator per frame). */
  root: Document;
  mode: MarkMode;
  signal: AbortSignal;
  /** Hover time before a reference activates; default 300 ms. */
  dwellMs?: number;
  /** The extension's own UI (card host): never read, never marked, its changes ignored. */
  isOwnUi?: (node: Node) => boolean;
  detect: (text: string) => Reference[];
  /**
   * The new references of each marking pass (the first pass: the visible part on its own, then the rest), at most
   * a few hundred at a time.
   */
  onFound(batch: MarkedReference[]): void;
  /** After dwell / focus / tap / keyboard. Anchor: the Range (highlight mode) or the wrapper element (inline). */
  onActivate(ref: MarkedReference, cause: ActivationCause, anchor: Range | Element): void;
  /** The pointer left the reference it activated, or focus left it (the card adds its own grace period). */
  onDeactivate(ref: MarkedReference, cause: 'leave' | 'blur'): void;
  /** Marked references that disappeared with the page's own changes (or on a rescan). Optional. */
  onRemoved?(ids: string[]): void;
}

export interface Annotator {
  readonly references: ReadonlyMap<string, MarkedReference>;
  /** The mode in use (inline where the Highlight API is missing). */
  readonly mode: MarkMode;
  /** Switches mode in place (same ids); leaving inline restores the page's DOM exactly. */
  setMode(mode: MarkMode): void;
  /** Keyboard next/previous: scrolls into view, draws the focus highlight, calls onActivate(…, 'keyboard'). */
  move(direction: 1 | -1): MarkedReference | undefined;
  /** Goes to one marked reference as move() does (scrolled into view, focus look, onActivate 'keyboard'). */
  reveal(id: string): MarkedReference | undefined;
  /** Resolves when no marking pass is running or queued (changes still being batched are not waited for). */
  idle(): Promise<void>;
  /** Restores the page exactly and stops everything; also runs when the signal aborts. */
  destroy(): void;
}
