/**
 * Hybrid logical clock (Kulkarni et al.): a timestamp that follows the wall clock where it can and never runs
 * backwards, so an edit made after seeing another edit is ordered after it even when the two browsers' clocks
 * disagree by hours. Pure: the wall time is passed in.
 *
 * Written as a fixed-width string that sorts as the clock does: 9 base-36 digits of milliseconds, 3 of counter,
 * then the browser's node id (which breaks ties, so two different edits never compare equal).
 */

export interface Hlc {
  /** Milliseconds since the epoch (the largest wall time this clock has seen). */
  wall: number;
  /** Events within the same millisecond. */
  count: number;
  /** This browser's id (short, [0-9a-z]). */
  node: string;
}

const WALL_DIGITS = 9;
const COUNT_DIGITS = 3;
const MAX_COUNT = 36 ** COUNT_DIGITS - 1;
const NODE = /^[0-9a-z]{1,16}$/;

export function isNodeId(node: string): boolean {
  return NODE.test(node);
}

/** A new clock for a browser; `wall` 0 until its first event. */
export function createClock(node: string): Hlc {
  if (!isNodeId(node)) throw new Error(`node id must be 1–16 characters [0-9a-z], not ${JSON.stringify(node)}`);
  return { wall: 0, count: 0, node };
}

/** The clock after a local event (save, edit, delete) at wall time `now`. */
export function tick(clock: Hlc, now: number): Hlc {
  const wall = Math.max(clock.wall, Math.floor(now));
  return bump({ wall, count: wall === clock.wall ? clock.count + 1 : 0, node: clock.node });
}

/** The clock after seeing a timestamp written elsewhere, at wall time `now`: past both. */
export function receive(clock: Hlc, remote: Hlc, now: number): Hlc {
  const wall = Math.max(clock.wall, remote.wall, Math.floor(now));
  let count = 0;
  if (wall === clock.wall && wall === remote.wall) count = Math.max(clock.count, remote.count) + 1;
  else if (wall === clock.wall) count = clock.count + 1;
  else if (wall === remote.wall) count = remote.count + 1;
  return bump({ wall, count, node: clock.node });
}

/** Past the counter's range the clock moves to the next millisecond (never wraps). */
function bump(h: Hlc): Hlc {
  return h.count > MAX_COUNT ? { wall: h.wall + 1, count: 0, node: h.node } : h;
}

export function formatHlc(h: Hlc): string {
  return h.wall.toString(36).padStart(WALL_DIGITS, '0') + h.count.toString(36).padStart(COUNT_DIGITS, '0') + h.node;
}

export function parseHlc(text: string): Hlc | undefined {
  const m = /^([0-9a-z]{9})([0-9a-z]{3})([0-9a-z]{1,16})$/.exec(text);
  if (!m) return undefined;
  return { wall: parseInt(m[1]!, 36), count: parseInt(m[2]!, 36), node: m[3]! };
}

/** Orders two formatted timestamps: wall time, then counter, then node id. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The wall time a formatted timestamp carries (ms), or NaN. */
export function hlcWall(text: string): number {
  return /^[0-9a-z]{9}/.test(text) ? parseInt(text.slice(0, WALL_DIGITS), 36) : NaN;
}
