/**
 * Inline mode's pacing: how much changed page text the browser renders in a frame's time. Measured per frame
 * as render time per character changed before it, and estimated from the last few frames by their lower
 * median: one frame stretched by something else (another tab, another process) does not shrink the shares that
 * follow (which would only add frames, each with its own fixed cost), while a machine that stays busy, or a part
 * of the page that costs more, is followed within a frame or two. Small shares overstate the cost per character
 * (the frame's fixed part), so the estimate errs on the safe side while shares grow.
 */
const WINDOW = 4;

export class RenderCost {
  private samples: number[] = [];

  /** One rendered frame: `chars` of text changed before it, `ms` to render it. */
  add(chars: number, ms: number): void {
    if (!(chars > 0) || !(ms >= 0)) return;
    this.samples.push(Math.max(ms, 1) / chars);
    if (this.samples.length > WINDOW) this.samples.shift();
  }

  /** How many characters fit in a frame rendered in `ms`; Infinity before any frame was measured. */
  charsFor(ms: number): number {
    if (!this.samples.length) return Infinity;
    const sorted = [...this.samples].sort((a, b) => a - b);
    return ms / sorted[(sorted.length - 1) >> 1]!;
  }
}
