/**
 * Inline mode's pacing: how much changed page text the browser renders in a frame's time. Measured per frame
 * as render time per character changed before it. A frame is only ever slowed, never sped up, by what else the
 * machine does (another tab, another process), so the estimate is the lowest of the last few frames: one frame
 * stretched by something else does not shrink the shares that follow (which would only add frames, each with
 * its own fixed cost). Small shares overstate the cost per character (the frame's fixed part), so the estimate
 * errs on the safe side while shares grow.
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
    return ms / Math.min(...this.samples);
  }
}
