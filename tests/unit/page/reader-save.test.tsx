// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startReader } from '@/lib/page/reader';
import type { LookupClient } from '@/lib/lookup/client';
import type { AnnotatorOptions, MarkedReference } from '@/lib/annotator/annotate';
import type { Reference } from '@/lib/detector/types';
import type { SavedRefs } from '@/lib/page/saved-refs';
import { referenceKey } from '@/lib/sync/identity';
import { ct35, ct35Ambiguous, kh17, kh17Doc, kh17Resolved, tVi } from '../card/fixtures';

let abort: AbortController;
let options: AnnotatorOptions;
const annotator = { references: new Map(), mode: 'highlight' as const, setMode: vi.fn(), move: vi.fn(), reveal: vi.fn(), idle: async () => {}, destroy: vi.fn() };
const client: LookupClient = {
  resolve: vi.fn(async (refs: Reference[]) => refs.map((r) => (r.code === '17-KH/TW' ? kh17Resolved : ct35Ambiguous))),
  document: vi.fn(async () => kh17Doc),
  relatedArticles: vi.fn(async () => ({ items: [], total: 0 })),
  card: vi.fn(async () => ({ document: kh17Doc, articles: { items: [], total: 0 }, related: [] })),
  sameCodeOtherTerms: vi.fn(async () => []),
  search: vi.fn(async () => []),
  citingArticles: vi.fn(async () => undefined),
  byCode: vi.fn(async () => []),
};
let cardRoot: ShadowRoot | undefined;
const marked = (id: string, ref = kh17): MarkedReference => ({ id, ref, range: document.createRange() });
const PAGE = { url: 'https://baotest.vn/bai-1.html', title: 'Bài viết thử' };

/** A saved-reference port as the content script's, over a set of keys the test changes "from another tab". */
function fakeSaved() {
  const keys = new Set<string>();
  let changed: () => void = () => {};
  const toggle = vi.fn<SavedRefs['toggle']>(async (key) => {
    if (keys.has(key)) {
      keys.delete(key);
      return 'removed';
    }
    keys.add(key);
    return 'saved';
  });
  const port = (_signal: AbortSignal, onChange: () => void): SavedRefs => {
    changed = onChange;
    return { has: (k) => keys.has(k), toggle };
  };
  return { keys, toggle, port, elsewhere: (key: string) => (keys.add(key), changed()) };
}

beforeEach(() => {
  abort = new AbortController();
  document.body.innerHTML = '<p id="a" tabindex="0">17-KH/TW</p>';
});
afterEach(() => abort.abort());

function start(saved: ReturnType<typeof fakeSaved>) {
  const attach = Element.prototype.attachShadow;
  const spy = vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    return (cardRoot = attach.call(this, init));
  });
  try {
    return startReader({
      signal: abort.signal, mode: 'highlight', dwellMs: 300, annotate: (o) => ((options = o), annotator), detect: () => [], lookup: client,
      t: tVi, lang: 'vi', page: { pageDate: '2024-07-01', site: 'baotest.vn' }, saved: saved.port, location: () => PAGE,
    });
  } finally {
    spy.mockRestore();
  }
}

const saveButton = () => cardRoot!.querySelector<HTMLButtonElement>('button.save');

describe('saving from the card', () => {
  it('a "Lưu" button saves the resolved document with the page, and shows it pressed', async () => {
    const saved = fakeSaved();
    start(saved);
    options.onFound([marked('m1')]);
    options.onActivate(marked('m1'), 'hover', document.getElementById('a')!);
    await vi.waitFor(() => expect(saveButton()).not.toBeNull());
    expect(saveButton()!.textContent).toContain('Lưu');
    expect(saveButton()!.getAttribute('aria-pressed')).toBe('false');
    saveButton()!.click();
    await vi.waitFor(() => expect(saveButton()!.getAttribute('aria-pressed')).toBe('true'));
    const [key, input] = saved.toggle.mock.calls[0]!;
    expect(input).toMatchObject({ docId: kh17Doc.id, code: '17-KH/TW', url: PAGE.url, pageTitle: PAGE.title, pageDate: '2024-07-01' });
    expect(key).toBe(referenceKey(input));
    expect(cardRoot!.textContent).toContain('Đã lưu vào thư viện');
  });

  it('when several documents fit and none is chosen, saves the code with what the page says, never a guess', async () => {
    const saved = fakeSaved();
    start(saved);
    options.onFound([marked('m2', ct35)]);
    options.onActivate(marked('m2', ct35), 'hover', document.getElementById('a')!);
    await vi.waitFor(() => expect(saveButton()).not.toBeNull());
    saveButton()!.click();
    await vi.waitFor(() => expect(saved.toggle).toHaveBeenCalled());
    expect(saved.toggle.mock.calls[0]![1].docId).toBeUndefined();
    expect(saved.toggle.mock.calls[0]![1].code).toBe('35-CT/TW');
  });

  it('S in the card and Alt+Shift+S on the page toggle saving while the card is open', async () => {
    const saved = fakeSaved();
    const reader = start(saved);
    options.onFound([marked('m1')]);
    options.onActivate(marked('m1'), 'keyboard', document.getElementById('a')!);
    await vi.waitFor(() => expect(saveButton()).not.toBeNull());
    saveButton()!.focus();
    saveButton()!.dispatchEvent(new KeyboardEvent('keydown', { key: 's', code: 'KeyS', bubbles: true, composed: true }));
    await vi.waitFor(() => expect(saveButton()!.getAttribute('aria-pressed')).toBe('true'));
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'S', code: 'KeyS', altKey: true, shiftKey: true, bubbles: true }));
    await vi.waitFor(() => expect(saveButton()!.getAttribute('aria-pressed')).toBe('false'));
    expect(saved.toggle).toHaveBeenCalledTimes(2);
    expect(reader.cardElement).toBeDefined();
  });

  it('follows a save made elsewhere (another tab) while the card is open', async () => {
    const saved = fakeSaved();
    start(saved);
    options.onFound([marked('m1')]);
    options.onActivate(marked('m1'), 'hover', document.getElementById('a')!);
    await vi.waitFor(() => expect(saveButton()).not.toBeNull());
    saved.elsewhere(referenceKey({ docId: kh17Doc.id, code: '17-KH/TW', url: PAGE.url }));
    expect(saveButton()!.getAttribute('aria-pressed')).toBe('true');
  });
});
