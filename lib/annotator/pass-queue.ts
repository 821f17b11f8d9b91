/**
 * Marking passes, one at a time: the first reads the whole page; later ones read only the blocks the page added
 * or changed, merged while a pass runs. A failed pass costs its blocks their marks, not the annotator.
 */
import type { MutationBatch } from './mutation-watch';
import { Aborted } from './scheduler';

export interface PassWork {
  roots: Set<Node>;
  removed: boolean;
  first: boolean;
}

export class PassQueue {
  private pending: PassWork | null;
  private running = false;
  /** While held (the page is loading), work is queued and merged but no pass starts. */
  private held = false;
  private idleWaiters: Array<() => void> = [];

  /**
   * @param doc the first pass reads all of it
   * @param signal no pass starts after it aborts (the running one stops at its next slice)
   */
  constructor(
    doc: Document,
    private readonly signal: AbortSignal,
    private readonly pass: (work: PassWork) => Promise<void>,
  ) {
    this.pending = { roots: new Set<Node>([doc]), removed: false, first: true };
  }

  /** Blocks to read again, in the next pass (started unless one is running). */
  enqueue(batch: MutationBatch, first: boolean): void {
    if (this.signal.aborted) return;
    if (!this.pending) this.pending = { roots: new Set(), removed: false, first };
    for (const r of batch.roots) this.pending.roots.add(r);
    this.pending.removed ||= batch.removed;
    void this.pump();
  }

  /** No pass starts until release() (the one running, if any, goes on). */
  hold(): void {
    this.held = true;
  }

  /** Starts the passes queued while held. */
  release(): void {
    if (!this.held) return;
    this.held = false;
    void this.pump();
  }

  /** Runs the passes queued (the first, at the start), unless held. */
  async pump(): Promise<void> {
    if (this.running || this.held) return;
    this.running = true;
    try {
      while (this.pending && !this.signal.aborted && !this.held) {
        const work = this.pending;
        this.pending = null;
        try {
          await this.pass(work);
        } catch (e) {
          if (e instanceof Aborted) break;
          // A failed pass costs its blocks their marks, not the annotator: later passes still run.
          console.error('[vanban-lens] annotator:', e);
        }
      }
    } finally {
      this.running = false;
      if (!this.pending || this.signal.aborted) this.wake();
    }
  }

  /** Resolves when no pass is running or queued. */
  idle(): Promise<void> {
    if (!this.running && !this.pending) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Drops the queued work and resolves idle() (the annotator's end). */
  clear(): void {
    this.pending = null;
    this.wake();
  }

  private wake(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((w) => w());
  }
}
