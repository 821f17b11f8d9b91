/**
 * Talking to the extension's lookup service from an extension page, exactly as the extension's own scripts do
 * (runtime.sendMessage with a typed lookup message). Shared by the data tests and the data benchmark.
 */
import type { Page } from 'playwright-core';
import { LOOKUP_CHANNEL, type DatasetStatus, type LookupRequest, type LookupResponse } from '../../lib/lookup/messages';

/** Sends one lookup request from an extension page and returns the raw response. */
export function sendLookup(page: Page, request: LookupRequest | Record<string, unknown>): Promise<LookupResponse> {
  return page.evaluate(
    ([channel, req]) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ channel, request: req }),
    [LOOKUP_CHANNEL, request] as const,
  ) as Promise<LookupResponse>;
}

/** Polls the dataset status until it is ready (or throws with the last status after `timeoutMs`). */
export async function waitForDataset(page: Page, timeoutMs = 60_000, intervalMs = 50): Promise<DatasetStatus> {
  const deadline = Date.now() + timeoutMs;
  let last: LookupResponse | undefined;
  while (Date.now() < deadline) {
    last = await sendLookup(page, { op: 'status' }).catch(() => undefined);
    if (last?.ok && (last.value as DatasetStatus).ready) return last.value as DatasetStatus;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`dataset not ready after ${timeoutMs} ms: ${JSON.stringify(last)}`);
}
