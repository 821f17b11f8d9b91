/**
 * storage.sync's write rate, kept below Chrome's limits with room for the settings' own writes: a sliding window
 * of this browser's writes per minute and per hour. Pure.
 */
import { SYNC_LIMITS } from './quota';

const MINUTE = 60_000;
const HOUR = 3_600_000;

export interface RateLimits {
  perMinute: number;
  perHour: number;
}

/** A sixth below Chrome's limits: the settings write to storage.sync too. */
export const SAVED_WRITE_LIMITS: RateLimits = {
  perMinute: Math.floor((SYNC_LIMITS.MAX_WRITE_OPERATIONS_PER_MINUTE * 5) / 6),
  perHour: Math.floor((SYNC_LIMITS.MAX_WRITE_OPERATIONS_PER_HOUR * 5) / 6),
};

export class WriteRate {
  private times: number[] = [];
  constructor(private readonly limits: RateLimits = SAVED_WRITE_LIMITS) {}

  /** When `ops` more writes may start (now, or the earliest time the windows allow). */
  nextAllowed(now: number, ops = 1): number {
    this.times = this.times.filter((t) => t > now - HOUR);
    const inMinute = this.times.filter((t) => t > now - MINUTE);
    let at = now;
    if (inMinute.length + ops > this.limits.perMinute) at = Math.max(at, inMinute[inMinute.length + ops - this.limits.perMinute - 1]! + MINUTE);
    if (this.times.length + ops > this.limits.perHour) at = Math.max(at, this.times[this.times.length + ops - this.limits.perHour - 1]! + HOUR);
    return at;
  }

  record(now: number): void {
    this.times.push(now);
  }
}
