/**
 * The annotator's lifetime: from annotate() until destroy() or the caller's signal aborts, whichever comes
 * first, once. Every part that touches the page takes `signal`, aborted at the end, and cleans up with it.
 */
export class Lifetime {
  private readonly controller = new AbortController();
  /** Aborted when the annotator ends. */
  readonly signal = this.controller.signal;
  private outer: AbortSignal | null = null;
  private onEnd: () => void = () => {};
  private done = false;

  /** True once the annotator has ended (or was started with an aborted signal). */
  get ended(): boolean {
    return this.done;
  }

  /**
   * Ends with the caller's signal. Returns false when it has aborted already: the annotator is over before it
   * began (the caller then stops what it set up; `onEnd` is not run).
   */
  follow(outer: AbortSignal, onEnd: () => void): boolean {
    if (outer.aborted) {
      this.done = true;
      return false;
    }
    this.outer = outer;
    this.onEnd = onEnd;
    outer.addEventListener('abort', this.end);
    return true;
  }

  /** Ends once (later calls do nothing): stops following the caller's signal and runs `onEnd`. */
  readonly end = (): void => {
    if (this.done) return;
    this.done = true;
    this.outer?.removeEventListener('abort', this.end);
    this.onEnd();
  };

  /** Aborts `signal`: every listener, observer and timer the parts set up goes. */
  abort(): void {
    this.controller.abort();
  }
}
