import { describe, expect, it, vi } from 'vitest';
import { PassQueue, type PassWork } from '../../../lib/annotator/pass-queue';
import { Aborted } from '../../../lib/annotator/scheduler';

const doc = { nodeName: '#document' } as unknown as Document;
const node = (name: string) => ({ nodeName: name }) as unknown as Node;

/** A queue whose passes wait until released, recording the work each one got. */
function queue(signal = new AbortController().signal) {
  const runs: PassWork[] = [];
  const release: Array<() => void> = [];
  const q = new PassQueue(doc, signal, (work) => {
    runs.push(work);
    return new Promise<void>((resolve) => release.push(resolve));
  });
  return { q, runs, release };
}

describe('PassQueue', () => {
  it('runs the first pass over the whole document, then merges what comes meanwhile into one next pass', async () => {
    const { q, runs, release } = queue();
    void q.pump();
    expect(runs).toEqual([{ roots: new Set([doc]), removed: false, first: true }]);
    const a = node('a');
    const b = node('b');
    q.enqueue({ roots: new Set([a]), removed: false }, false);
    q.enqueue({ roots: new Set([b]), removed: true }, false);
    expect(runs).toHaveLength(1); // one pass at a time
    let idle = false;
    void q.idle().then(() => (idle = true));
    release.shift()!();
    await vi.waitFor(() => expect(runs).toHaveLength(2));
    expect(runs[1]).toEqual({ roots: new Set([a, b]), removed: true, first: false });
    expect(idle).toBe(false);
    release.shift()!();
    await vi.waitFor(() => expect(idle).toBe(true));
    await expect(q.idle()).resolves.toBeUndefined();
  });

  it('a failed pass is reported and later passes still run', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const seen: boolean[] = [];
    const q = new PassQueue(doc, new AbortController().signal, async (work) => {
      seen.push(work.first);
      if (work.first) throw new Error('broken page');
    });
    void q.pump();
    q.enqueue({ roots: new Set([node('a')]), removed: false }, false);
    await q.idle();
    expect(seen).toEqual([true, false]);
    expect(error).toHaveBeenCalledWith('[vanban-lens] annotator:', expect.any(Error));
    error.mockRestore();
  });

  it('after the signal aborts: the running pass ends, idle() resolves, no pass starts any more', async () => {
    const ctrl = new AbortController();
    const passes: number[] = [];
    let fail: (e: unknown) => void = () => {};
    const q = new PassQueue(doc, ctrl.signal, () => {
      passes.push(passes.length);
      return new Promise<void>((_, reject) => (fail = reject));
    });
    void q.pump();
    q.enqueue({ roots: new Set([node('a')]), removed: false }, false);
    const idle = q.idle();
    ctrl.abort();
    fail(new Aborted()); // as runSliced throws at its next slice
    await idle;
    q.enqueue({ roots: new Set([node('b')]), removed: false }, false);
    void q.pump();
    await new Promise((r) => setTimeout(r, 10));
    expect(passes).toEqual([0]); // the work queued before the abort never ran either
  });

  it('clear() drops queued work and resolves idle()', async () => {
    const { q, runs } = queue();
    const idle = q.idle(); // the first pass is queued, not started
    q.clear();
    await idle;
    void q.pump();
    expect(runs).toEqual([]);
  });

  it('while held, starts no pass: work queued meanwhile merges into the first pass, run on release', async () => {
    const { q, runs, release } = queue();
    q.hold();
    void q.pump();
    const a = node('a');
    q.enqueue({ roots: new Set([a]), removed: true }, false);
    expect(runs).toHaveLength(0);
    let idle = false;
    void q.idle().then(() => (idle = true));
    await Promise.resolve();
    expect(idle).toBe(false);
    q.release();
    expect(runs).toEqual([{ roots: new Set([doc, a]), removed: true, first: true }]);
    release.shift()!();
    await vi.waitFor(() => expect(idle).toBe(true));
  });
});
