// @vitest-environment happy-dom
/**
 * From the card to the record: a "Full record" link for the chosen document, the list of every document sharing a
 * reused code while the reader has not chosen, related documents as links, incoming relations worded from the
 * card's document ("implements this document", not "related"). Clicks go through onOpenRecord (a page cannot
 * open extension pages itself).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { Card } from '@/components/card/Card';
import { buildCardModel } from '@/lib/card/model';
import { ct35, ct35Ambiguous, kh17, kh17Doc, kh17Resolved, tEn, tVi } from './fixtures';
import { mount } from './mount';

afterEach(() => {
  document.body.innerHTML = '';
});

const recordLink = (target: { id: string } | { code: string }) => `ext://x/record.html?${'id' in target ? `id=${encodeURIComponent(target.id)}` : `code=${encodeURIComponent(target.code)}`}`;
const related = [
  { document: { ...kh17Doc, id: '1-HD/X', code: '1-HD/X', typeName: 'Hướng dẫn', title: 'hướng dẫn thử' }, why: 'relation' as const, kind: 'implements-by' },
  { document: { ...kh17Doc, id: '2-NQ/X', code: '2-NQ/X', typeName: 'Nghị quyết' }, why: 'co-citation' as const, strength: 3 },
];

describe('card → record', () => {
  it('links the chosen document to its full record and related documents to theirs', () => {
    const onOpen = vi.fn();
    const model = buildCardModel({ ref: kh17, resolution: kh17Resolved, details: { document: kh17Doc, related } });
    const root = mount(<Card t={tVi} model={model} recordLink={recordLink} onOpenRecord={onOpen} />);
    const full = root.querySelector<HTMLAnchorElement>('a.full-record')!;
    expect(full.textContent).toBe('Hồ sơ đầy đủ');
    expect(full.getAttribute('href')).toBe('ext://x/record.html?id=17-KH%2FTW%402023-07-07');
    full.click();
    expect(onOpen).toHaveBeenLastCalledWith({ id: '17-KH/TW@2023-07-07' }, false);
    const rel = [...root.querySelectorAll<HTMLAnchorElement>('.rel-head a')];
    expect(rel.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Hướng dẫn số 1-HD/X', 'ext://x/record.html?id=1-HD%2FX'],
      ['Nghị quyết số 2-NQ/X', 'ext://x/record.html?id=2-NQ%2FX'],
    ]);
    rel[0]!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true }));
    expect(onOpen).toHaveBeenLastCalledWith({ id: '1-HD/X' }, true);
    // The incoming relation is said from this document's side.
    expect(root.textContent).toContain('thực hiện văn bản này');
    // The link comes after the facts and before the related lists: Tab order follows reading order.
    const focusables = [...root.querySelectorAll('a[href], button')];
    expect(focusables.indexOf(full)).toBeLessThan(focusables.indexOf(rel[0]!));
  });

  it('while a reused code is undecided, the link lists every document of the code; once chosen, that one’s record', () => {
    const root = mount(<Card t={tEn} model={buildCardModel({ ref: ct35, resolution: ct35Ambiguous, lang: 'en' })} recordLink={recordLink} onOpenRecord={() => {}} />);
    const link = root.querySelector<HTMLAnchorElement>('a.full-record')!;
    expect(link.textContent).toBe('Every document numbered 35-CT/TW');
    expect(link.getAttribute('href')).toBe('ext://x/record.html?code=35-CT%2FTW');
    render(<Card t={tEn} model={buildCardModel({ ref: ct35, resolution: ct35Ambiguous, selected: 1, lang: 'en' })} recordLink={recordLink} onOpenRecord={() => {}} />, root);
    expect(root.querySelector('a.full-record')!.getAttribute('href')).toBe('ext://x/record.html?id=35-CT%2FTW%402019-05-30');
    expect(root.querySelector('a.full-record')!.textContent).toBe('Full record');
  });

  it('without the record callbacks the card shows no record links (as before)', () => {
    const root = mount(<Card t={tVi} model={buildCardModel({ ref: kh17, resolution: kh17Resolved, details: { document: kh17Doc, related } })} />);
    expect(root.querySelector('a.full-record')).toBeNull();
    expect(root.querySelector('.rel-head a')).toBeNull();
  });
});
