/**
 * Test doubles for the saved store: a storage.sync that enforces Chrome's limits as Chrome does (bytes of key plus
 * JSON value in UTF-8, per item and in all, item count, writes per minute and per hour; a refused write changes
 * nothing), shared by several "browsers" the way sync delivers one browser's items to another; a plain local area;
 * and a scheduler whose time the test moves.
 */
import { SYNC_LIMITS, itemBytes } from '@/lib/sync/quota';
import type { Scheduler, StorageArea } from '@/lib/sync/storage-area';

export class MemoryArea implements StorageArea {
  data = new Map<string, unknown>();
  sets = 0;
  async get(keys: string[] | null): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this.data) if (!keys || keys.includes(k)) out[k] = structuredClone(v);
    return out;
  }
  async set(items: Record<string, unknown>): Promise<void> {
    this.sets++;
    for (const [k, v] of Object.entries(items)) this.data.set(k, structuredClone(v));
  }
  async remove(keys: string[]): Promise<void> {
    for (const k of keys) this.data.delete(k);
  }
}

/** Chrome's storage.sync limits, enforced; `listeners` hear every change (as storage.onChanged would). */
export class ChromeSyncArea extends MemoryArea {
  private writes: number[] = [];
  listeners: Array<() => void> = [];
  refused: string[] = [];
  constructor(private readonly clock: () => number) {
    super();
  }
  bytesInUse(): number {
    let n = 0;
    for (const [k, v] of this.data) n += itemBytes(k, v);
    return n;
  }
  private countWrite(): void {
    const now = this.clock();
    this.writes = this.writes.filter((t) => t > now - 3_600_000);
    if (this.writes.filter((t) => t > now - 60_000).length >= SYNC_LIMITS.MAX_WRITE_OPERATIONS_PER_MINUTE) this.refuse('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
    if (this.writes.length >= SYNC_LIMITS.MAX_WRITE_OPERATIONS_PER_HOUR) this.refuse('This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.');
    this.writes.push(now);
  }
  private refuse(message: string): never {
    this.refused.push(message);
    throw new Error(message);
  }
  override async set(items: Record<string, unknown>): Promise<void> {
    this.countWrite();
    const next = new Map(this.data);
    for (const [k, v] of Object.entries(items)) {
      if (itemBytes(k, v) > SYNC_LIMITS.QUOTA_BYTES_PER_ITEM) this.refuse('QUOTA_BYTES_PER_ITEM quota exceeded');
      next.set(k, structuredClone(v));
    }
    if (next.size > SYNC_LIMITS.MAX_ITEMS) this.refuse('MAX_ITEMS quota exceeded');
    let bytes = 0;
    for (const [k, v] of next) bytes += itemBytes(k, v);
    if (bytes > SYNC_LIMITS.QUOTA_BYTES) this.refuse('QUOTA_BYTES quota exceeded');
    this.data = next;
    this.sets++;
    for (const l of this.listeners) l();
  }
  override async remove(keys: string[]): Promise<void> {
    this.countWrite();
    await super.remove(keys);
    for (const l of this.listeners) l();
  }
}

/** Time moved by the test; due timers run in order. */
export class ManualScheduler implements Scheduler {
  private t: number;
  private timers = new Map<number, { at: number; fn: () => void }>();
  private next = 1;
  constructor(start: number) {
    this.t = start;
  }
  now = () => this.t;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.next++;
    this.timers.set(id, { at: this.t + Math.max(0, ms), fn });
    return id;
  };
  clearTimeout = (handle: unknown) => {
    this.timers.delete(handle as number);
  };
  /** Moves time forward by `ms`, running each timer due on the way (and letting its promises settle). */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      await settle();
      const due = [...this.timers].filter(([, x]) => x.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.t = Math.max(this.t, due[1].at);
      due[1].fn();
      await settle();
    }
    this.t = end;
    await settle();
  }
  pending(): number {
    return this.timers.size;
  }
}

export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
}
