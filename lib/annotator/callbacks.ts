/** Calls back into the extension: its errors are reported, never left to break marking. */
import type { ActivationCause, AnnotatorOptions, MarkedReference } from './types';

export interface Callbacks {
  found(batch: MarkedReference[]): void;
  activate(ref: MarkedReference, cause: ActivationCause, anchor: Range | Element): void;
  deactivate(ref: MarkedReference, cause: 'leave' | 'blur'): void;
  removed(ids: string[]): void;
}

function call<A extends unknown[]>(fn: ((...args: A) => void) | undefined, ...args: A): void {
  if (!fn) return;
  try {
    fn(...args);
  } catch (e) {
    console.error('[vanban-lens] annotator callback:', e);
  }
}

/** The options' callbacks, each read when it is called and guarded (onRemoved may be missing). */
export function guardCallbacks(options: AnnotatorOptions): Callbacks {
  return {
    found: (batch) => call(options.onFound, batch),
    activate: (ref, cause, anchor) => call(options.onActivate, ref, cause, anchor),
    deactivate: (ref, cause) => call(options.onDeactivate, ref, cause),
    removed: (ids) => call(options.onRemoved, ids),
  };
}
