// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startReader } from '@/lib/card/reader';
import { LookupError, type LookupClient } from '@/lib/lookup/client';
import type { AnnotatorOptions, MarkedReference } from '@/lib/annotator/annotate';
import type { Reference } from '@/lib/detector/types';
import type { Resolution } from '@/lib/resolver/resolve';
import { ct35, ct35Ambiguous, kh17, kh17Doc, kh17Resolved, tVi } from './fixtures';

let abort: AbortController;
let options: AnnotatorOptions;
const annotator = { references: new Map(), mode: 'highlight' as const, setMode: vi.fn(), move: vi.fn(), idle: async () => {}, destroy: vi.fn() };
const fakeAnnotate = (o: AnnotatorOptions) => {
  options = o;
  return annotator;
};

function lookup(overrides: Partial<LookupClient> = {}): LookupClient {
  return {
    resolve: vi.fn(async (refs: Reference[]) => refs.map((r) => (r.code === '17-KH/TW' ? kh17Resolved : ct35Ambiguous))),
    document: vi.fn(async (id) => (id === kh17Doc.id ? kh17Doc : undefined)),
    relatedArticles: vi.fn(async () => ({ items: [{ id: 'a1', url: 'https://bao.vn/1', outlet: 'Báo A', title: 'Bài một', date: '2024-01-02' }], total: 5 })),
    relatedDocuments: vi.fn(async () => []),
    sameCodeOtherTerms: vi.fn(async () => []),
    search: vi.fn(async () => []),
    ...overrides,
  };
}

const marked = (id: string, ref = kh17): MarkedReference => ({ id, ref, range: document.createRange() });
const shadowText = () => document.querySelector('vanban-lens-card')?.shadowRoot?.querySelector('[role="dialog"]')?.textContent ?? '';

beforeEach(() => {
  abort = new AbortController();
  document.body.innerHTML = '<p id="a" tabindex="0">17-KH/TW</p>';
});
afterEach(() => abort.abort());

function start(client: LookupClient) {
  return startReader({ signal: abort.signal, mode: 'highlight', dwellMs: 300, annotate: fakeAnnotate, detect: () => [], lookup: client, t: tVi, lang: 'vi', page: { pageDate: '2024-07-01', site: 'baotest.vn' } });
}

describe('reader', () => {
  it('resolves each pass in one batch with the page context, and the card opens with the batch’s answer', async () => {
    const client = lookup();
    const reader = start(client);
    expect(options.isOwnUi?.(reader.cardElement)).toBe(true);
    options.onFound([marked('m1'), marked('m2', ct35)]);
    expect(client.resolve).toHaveBeenCalledTimes(1);
    expect(client.resolve).toHaveBeenCalledWith([kh17, ct35], { pageDate: '2024-07-01', site: 'baotest.vn' });
    await vi.waitFor(() => expect(client.document).toHaveBeenCalledWith(kh17Doc.id)); // prefetched
    options.onActivate(marked('m1'), 'hover', document.getElementById('a')!);
    expect(shadowText()).toContain('Kế hoạch số 17-KH/TW');
    expect(shadowText()).toContain('Bộ Chính trị');
    await vi.waitFor(() => expect(shadowText()).toContain('Bài một'));
  });

  it('shows a loading card until the batch answers, then fills it in', async () => {
    let answer!: (value: Resolution[]) => void;
    const client = lookup({ resolve: vi.fn(() => new Promise<Resolution[]>((r) => (answer = r))) });
    start(client);
    options.onFound([marked('m1')]);
    options.onActivate(marked('m1'), 'focus', document.getElementById('a')!);
    expect(shadowText()).toContain('Đang tra cứu');
    answer([kh17Resolved]);
    await vi.waitFor(() => expect(shadowText()).toContain('Bộ Chính trị'));
  });

  it('asks again while the background is still loading its data', async () => {
    vi.useFakeTimers();
    try {
      const resolve = vi
        .fn<LookupClient['resolve']>()
        .mockRejectedValueOnce(new LookupError('not-ready', 'loading'))
        .mockResolvedValueOnce([kh17Resolved]);
      start(lookup({ resolve }));
      options.onFound([marked('m1')]);
      await vi.advanceTimersByTimeAsync(500);
      expect(resolve).toHaveBeenCalledTimes(2);
      options.onActivate(marked('m1'), 'hover', document.getElementById('a')!);
      expect(shadowText()).toContain('Bộ Chính trị');
    } finally {
      vi.useRealTimers();
    }
  });

  it('closes the card of a reference the page removed, and the mode switch goes to the annotator', () => {
    const reader = start(lookup());
    options.onFound([marked('m1')]);
    options.onActivate(marked('m1'), 'hover', document.getElementById('a')!);
    expect(shadowText()).not.toBe('');
    options.onRemoved?.(['m1']);
    expect(shadowText()).toBe('');
    reader.setMode('inline');
    expect(annotator.setMode).toHaveBeenCalledWith('inline');
  });
});
