/**
 * Inline mode: page text changed per rendered frame, so that no frame's layout runs long. Starts at
 * INLINE_CHARS_PER_FRAME, then follows the measured render time of each frame towards FRAME_RENDER_MS.
 *
 * Every block that gets a wrapper is laid out again (its text shaped anew), whatever the pacing: that work is
 * the same as one synchronous pass would cause. What pacing adds is a fixed cost per rendered frame (pre-paint
 * walks, paint, commit: about 3-4 ms on a 2 MB page), so each frame carries more than a 60 Hz frame's worth,
 * while leaving room under the 50 ms long-task line for a machine busy with other work (a frame stretched to
 * twice its time still stays under it).
 */
import { RenderCost } from './render-cost';

const INLINE_CHARS_PER_FRAME = 8_000;
const MIN_CHARS_PER_FRAME = 2_000;
const MAX_CHARS_PER_FRAME = 256_000;
const FRAME_RENDER_MS = 24;
/** At most this many times the last share, however cheap its frame was. */
const MAX_GROWTH = 2;

export class InlinePacing {
  /** Page text to change before letting the browser render a frame. */
  charsPerFrame = INLINE_CHARS_PER_FRAME;
  /** Render time of each frame against the text it changed. */
  private cost = new RenderCost();

  /**
   * A frame was rendered in `renderMs` after `share` characters of text changed: learn how much text this page
   * and machine lay out in a frame's time (see RenderCost); shares grow at most twofold per frame and shrink at
   * most by half.
   */
  rendered(share: number, renderMs: number): void {
    this.cost.add(share, renderMs);
    const { charsPerFrame } = this;
    const next = Math.min(Math.max(this.cost.charsFor(FRAME_RENDER_MS), charsPerFrame / 2), charsPerFrame * MAX_GROWTH);
    this.charsPerFrame = Math.round(Math.min(MAX_CHARS_PER_FRAME, Math.max(MIN_CHARS_PER_FRAME, next)));
  }
}
