// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startReader, type PageContext } from '@/lib/page/reader';
import { LookupError, type LookupClient } from '@/lib/lookup/client';
import type { AnnotatorOptions, MarkedReference } from '@/lib/annotator/annotate';
import type { Reference } from '@/lib/detector/types';
import { detect as realDetect } from '@/lib/detector/detect';
import type { Resolution } from '@/lib/resolver/resolve';
import { ct35, ct35Ambiguous, kh17, kh17Doc, kh17Resolved, ref, tVi } from '../card/fixtures';

let abort: AbortController;
let options: AnnotatorOptions;
const annotator = { references: new Map(), mode: 'highlight' as const, setMode: vi.fn(), move: vi.fn(), reveal: vi.fn(), idle: async () => {}, destroy: vi.fn() };
const fakeAnnotate = (o: AnnotatorOptions) => {
  options = o;
  return annotator;
};

function lookup(overrides: Partial<LookupClient> = {}): LookupClient {
  return {
    resolve: vi.fn(async (refs: Reference[]) => refs.map((r) => (r.code === '17-KH/TW' ? kh17Resolved : ct35Ambiguous))),
    document: vi.fn(async (id) => (id === kh17Doc.id ? kh17Doc : undefined)),
    relatedArticles: vi.fn(async () => ({ items: [{ id: 'a1', url: 'https://bao.vn/1', outlet: 'Báo A', title: 'Bài một', date: '2024-01-02' }], total: 5 })),
    card: vi.fn(async (id: string) =>
      id === kh17Doc.id
        ? { document: kh17Doc, articles: { items: [{ id: 'a1', url: 'https://bao.vn/1', outlet: 'Báo A', title: 'Bài một', date: '2024-01-02' }], total: 5 }, related: [] }
        : undefined),
    sameCodeOtherTerms: vi.fn(async () => []),
    search: vi.fn(async () => []),
    citingArticles: vi.fn(async () => undefined),
    byCode: vi.fn(async () => []),
    ...overrides,
  };
}

const marked = (id: string, ref = kh17): MarkedReference => ({ id, ref, range: document.createRange() });
/** The card's closed shadow root, caught as it is attached (the page has no way to it). */
let cardRoot: ShadowRoot | undefined;
const shadowText = () => cardRoot?.querySelector('[role="dialog"]')?.textContent ?? '';

beforeEach(() => {
  abort = new AbortController();
  document.body.innerHTML = '<p id="a" tabindex="0">17-KH/TW</p>';
});
afterEach(() => abort.abort());

function start(client: LookupClient, page: PageContext | (() => PageContext) = { pageDate: '2024-07-01', site: 'baotest.vn' }, copy?: (text: string) => Promise<boolean>) {
  const attach = Element.prototype.attachShadow;
  const spy = vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    return (cardRoot = attach.call(this, init));
  });
  try {
    return startReaderWith(client, page, copy);
  } finally {
    spy.mockRestore();
  }
}

function startReaderWith(client: LookupClient, page: PageContext | (() => PageContext), copy?: (text: string) => Promise<boolean>) {
  return startReader({ signal: abort.signal, mode: 'highlight', dwellMs: 300, annotate: fakeAnnotate, detect: () => [], lookup: client, t: tVi, lang: 'vi', page, copy });
}

describe('reader', () => {
  it.each([
    [true, 'Đã chép.'],
    [false, 'Không chép được'],
  ])('says what copying did (copied: %s), from the copy function’s answer only', async (ok, said) => {
    const copy = vi.fn(async () => ok);
    start(lookup(), undefined, copy);
    options.onFound([marked('m1')]);
    options.onActivate(marked('m1'), 'hover', document.getElementById('a')!);
    await vi.waitFor(() => expect(cardRoot!.querySelector('.copy')).not.toBeNull());
    cardRoot!.querySelector<HTMLButtonElement>('.copy')!.click();
    await vi.waitFor(() => expect(shadowText()).toContain(said));
    expect(copy).toHaveBeenCalledWith(expect.stringMatching(/^Kế hoạch số 17-KH\/TW/));
  });

  it('says copying failed when no copy function is given or it throws', async () => {
    start(lookup(), undefined, async () => {
      throw new Error('no clipboard');
    });
    options.onFound([marked('m1')]);
    options.onActivate(marked('m1'), 'hover', document.getElementById('a')!);
    await vi.waitFor(() => expect(cardRoot!.querySelector('.copy')).not.toBeNull());
    cardRoot!.querySelector<HTMLButtonElement>('.copy')!.click();
    await vi.waitFor(() => expect(shadowText()).toContain('Không chép được'));
  });

  it('resolves each pass in one batch with the page context, and the card opens with the batch’s answer', async () => {
    const client = lookup();
    const reader = start(client);
    expect(options.isOwnUi?.(reader.cardElement)).toBe(true);
    options.onFound([marked('m1'), marked('m2', ct35)]);
    expect(client.resolve).toHaveBeenCalledTimes(1);
    expect(client.resolve).toHaveBeenCalledWith([kh17, ct35], { pageDate: '2024-07-01', site: 'baotest.vn', pageCodes: ['17-KH/TW', '35-CT/TW'] });
    await vi.waitFor(() => expect(client.card).toHaveBeenCalledWith(kh17Doc.id, { articles: 4 })); // prefetched, in one message; one more than the card shows, since the page being read is left out
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

  it('says at once that the data cannot be read, with what failed, and tries again when asked (no waiting for retries)', async () => {
    vi.useFakeTimers();
    try {
      const resolve = vi
        .fn<LookupClient['resolve']>()
        .mockRejectedValueOnce(new LookupError('unreadable', 'the data file dataset.json.gz is truncated', 'truncated'))
        .mockResolvedValueOnce([kh17Resolved]);
      const reload = vi.fn(async () => ({ ready: true }));
      start(lookup({ resolve, reload }));
      options.onFound([marked('m1')]);
      options.onActivate(marked('m1'), 'hover', document.getElementById('a')!);
      await vi.advanceTimersByTimeAsync(0);
      expect(shadowText()).toContain('Dữ liệu không đọc được');
      expect(shadowText()).toContain('tệp dữ liệu bị cắt cụt, thiếu phần cuối');
      expect(shadowText()).not.toContain('Đang tra cứu');
      // Nothing is asked again by itself: the answer will not change without a retry.
      await vi.advanceTimersByTimeAsync(30_000);
      expect(resolve).toHaveBeenCalledTimes(1);
      const button = cardRoot!.querySelector<HTMLButtonElement>('.retry')!;
      expect(button.textContent).toBe('Thử lại');
      button.click();
      await vi.advanceTimersByTimeAsync(0);
      expect(reload).toHaveBeenCalledTimes(1);
      expect(resolve).toHaveBeenCalledTimes(2);
      expect(shadowText()).toContain('Bộ Chính trị');
      expect(shadowText()).not.toContain('Dữ liệu không đọc được');
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

  it('reads the page’s context again for every batch: a single-page site’s new article resolves by its own date', () => {
    const client = lookup();
    let article = { pageDate: '2020-03-01', site: 'baotest.vn' };
    start(client, () => article);
    options.onFound([marked('m1', ct35)]);
    // The site changes article in place (pushState) and the annotator marks the new text.
    article = { pageDate: '2024-09-01', site: 'baotest.vn' };
    options.onFound([marked('m2', ct35)]);
    expect(vi.mocked(client.resolve).mock.calls.map((call) => call[1].pageDate)).toEqual(['2020-03-01', '2024-09-01']);
  });

  it('gives the detector one memory per page, so a later block\'s short form is confirmed by an earlier block\'s code', () => {
    startReader({ signal: abort.signal, mode: 'highlight', dwellMs: 300, annotate: fakeAnnotate, detect: realDetect, lookup: lookup(), t: tVi, lang: 'vi', page: {} });
    // The annotator reads the page block by block, calling the detector for each.
    expect(options.detect('Theo Nghị định 86/2015/NĐ-CP của Chính phủ, học phí tăng.').map((r) => r.raw)).toEqual(['86/2015/NĐ-CP']);
    expect(options.detect('Đây là điểm mới mà Nghị định 86 chưa quy định.').map((r) => r.raw)).toEqual(['Nghị định 86']);
    // Another page read afresh remembers nothing of this one.
    startReader({ signal: abort.signal, mode: 'highlight', dwellMs: 300, annotate: fakeAnnotate, detect: realDetect, lookup: lookup(), t: tVi, lang: 'vi', page: {} });
    expect(options.detect('Đây là điểm mới mà Nghị định 86 chưa quy định.')).toEqual([]);
  });

  it('sends the codes the page cites in full, so a short name prefers the one spelled out on the page', () => {
    const client = lookup();
    start(client);
    const nd100 = ref({ raw: 'Nghị định 100', number: '100', family: 'state', type: { name: 'Nghị định' }, inferred: true });
    const full = ref({ raw: '100/2019/NĐ-CP', code: '100/2019/NĐ-CP', number: '100', family: 'state', type: { abbr: 'NĐ' }, issuer: { abbr: 'CP' } });
    options.onFound([marked('m1', full), marked('m2', nd100)]);
    expect(vi.mocked(client.resolve).mock.calls[0]![1].pageCodes).toEqual(['100/2019/NĐ-CP']);
    // Codes the page no longer shows (removed by the page) are not sent with later batches.
    options.onRemoved?.(['m1']);
    options.onFound([marked('m3', nd100)]);
    expect(vi.mocked(client.resolve).mock.calls[1]![1].pageCodes).toBeUndefined();
  });

  it('asks again when a card whose lookup failed is opened, and clears the error once it answers', async () => {
    const resolve = vi
      .fn<LookupClient['resolve']>()
      .mockRejectedValueOnce(new Error('background gone'))
      .mockRejectedValueOnce(new Error('background gone'))
      .mockResolvedValue([kh17Resolved]);
    start(lookup({ resolve }));
    options.onFound([marked('m1')]);
    await vi.waitFor(() => expect(resolve).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 0));
    const anchor = document.getElementById('a')!;
    // Opened after the failure: asked again at once; it fails again and the card says so.
    options.onActivate(marked('m1'), 'hover', anchor);
    expect(resolve).toHaveBeenCalledTimes(2);
    await vi.waitFor(() => expect(shadowText()).toContain('Chưa tra cứu được'));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(shadowText()).toBe('');
    // Opened again: the error is cleared, the lookup asked again, and this time the answer shows.
    options.onActivate(marked('m1'), 'hover', anchor);
    expect(resolve).toHaveBeenCalledTimes(3);
    expect(shadowText()).not.toContain('Chưa tra cứu được');
    await vi.waitFor(() => expect(shadowText()).toContain('đúng số hiệu')); // the resolved card's reason
  });

  it('words the reason carefully when the page date was only written in the page’s text', async () => {
    const client = lookup();
    start(client, () => ({ pageDate: '2024-07-01', pageDateFrom: 'text', site: 'baotest.vn' }));
    options.onFound([marked('m1', ct35)]);
    await vi.waitFor(() => expect(client.resolve).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 0));
    options.onActivate(marked('m1', ct35), 'hover', document.getElementById('a')!);
    expect(shadowText()).toContain('ngày ghi ở đầu bài (01/7/2024');
    expect(shadowText()).not.toContain('ngày của trang');
    // Until the reader picks, the heading is the page's code and the citation what the page says.
    expect(shadowText()).toContain('Chép trích dẫn (theo trang này)');
  });
});
