// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Card } from '@/components/card/Card';
import { buildCardModel } from '@/lib/card/model';
import { ct35, ct35Ambiguous, kh17, kh17Doc, kh17Resolved, ref, tEn, tVi, unknownRef } from './fixtures';
import { mount } from './mount';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Card', () => {
  it('shows the document in Vietnamese by default', () => {
    const root = mount(<Card t={tVi} model={buildCardModel({ ref: kh17, resolution: kh17Resolved, details: { document: kh17Doc } })} />);
    expect(root.querySelector('h2')!.textContent).toBe('Kế hoạch số 17-KH/TW');
    const dialog = root.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-labelledby')).toBe('vbl-heading');
    expect(root.textContent).toContain('Cơ quan ban hành');
    expect(root.textContent).toContain('Bộ Chính trị');
    expect(root.textContent).toContain('07/7/2023');
    expect(root.textContent).toContain('Nguồn thứ cấp');
    expect(root.querySelector('.citation')!.textContent).toBe('Kế hoạch số 17-KH/TW ngày 07/7/2023 của Bộ Chính trị');
    const link = root.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://example.vn/nguon-17');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('speaks English when the browser does', () => {
    const root = mount(<Card t={tEn} model={buildCardModel({ ref: kh17, resolution: kh17Resolved, lang: 'en' })} />);
    expect(root.textContent).toContain('Issued by');
    expect(root.textContent).toContain('7 July 2023');
    expect(root.querySelector('.copy')!.textContent).toBe('Copy citation');
  });

  it('renders page text as text, never as HTML', () => {
    const root = mount(<Card t={tVi} model={buildCardModel({ ref: unknownRef, resolution: { status: 'unresolved', candidates: [] } })} />);
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(root.textContent).toContain('Theo trang này');
    expect(root.textContent).toContain('cấp tỉnh (tỉnh ủy, thành ủy)');
    expect(root.textContent).toContain('chưa có trong dữ liệu');
  });

  it('offers every candidate of a reused code and reports the choice', () => {
    const onSelect = vi.fn();
    const root = mount(<Card t={tVi} model={buildCardModel({ ref: ct35, resolution: ct35Ambiguous })} onSelectCandidate={onSelect} />);
    const choices = [...root.querySelectorAll<HTMLButtonElement>('.choice')];
    expect(choices.map((c) => c.getAttribute('aria-pressed'))).toEqual(['true', 'false']);
    expect(root.textContent).toContain('ứng với 2 văn bản');
    expect(root.querySelector('.why')!.textContent).toContain('văn bản gần nhất trước ngày của trang (01/7/2024)');
    choices[1]!.click();
    expect(onSelect).toHaveBeenCalledWith(1);
  });

  it('copies the citation and closes through callbacks', () => {
    const onCopy = vi.fn();
    const onClose = vi.fn();
    const root = mount(
      <Card t={tVi} model={buildCardModel({ ref: kh17, resolution: kh17Resolved })} onCopy={onCopy} onClose={onClose} copyState="copied" />,
    );
    root.querySelector<HTMLButtonElement>('.copy')!.click();
    expect(onCopy).toHaveBeenCalledWith('Kế hoạch số 17-KH/TW ngày 07/7/2023 của Bộ Chính trị');
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Đã chép.');
    root.querySelector<HTMLButtonElement>('.close')!.click();
    expect(onClose).toHaveBeenCalled();
  });

  it('says why a reused Party code names several documents, and a state short name, in Vietnamese and English', () => {
    const party = mount(<Card t={tVi} model={buildCardModel({ ref: ct35, resolution: ct35Ambiguous })} />);
    expect(party.querySelector('.choices .note')!.textContent).toContain('văn bản của Đảng được đánh số lại mỗi khóa');
    const nd100 = ref({ raw: 'Nghị định 100', number: '100', family: 'state', type: { name: 'Nghị định' }, proseType: 'Nghị định', inferred: true });
    const resolution = {
      status: 'ambiguous' as const,
      candidates: [
        { id: 'a', code: '100/2019/NĐ-CP', date: '2019-12-30', issuer: 'Chính phủ', score: 0.5, reasons: [] },
        { id: 'b', code: '100/2016/NĐ-CP', date: '2016-07-01', issuer: 'Chính phủ', score: 0.5, reasons: [] },
      ],
    };
    const state = mount(<Card t={tVi} model={buildCardModel({ ref: nd100, resolution })} />);
    expect(state.querySelector('.choices .note')!.textContent).toContain('văn bản nhà nước được đánh số lại mỗi năm');
    expect(state.querySelector('.choices .note')!.textContent).not.toContain('mỗi khóa');
    // The heading and the citation are the page's words, not the top candidate's code.
    expect(state.querySelector('h2')!.textContent).toBe('Nghị định số 100');
    expect(state.querySelector('.citation')!.textContent).toBe('Nghị định số 100');
    expect(state.querySelector('.copy')!.textContent).toBe('Chép trích dẫn (theo trang này)');
    const en = mount(<Card t={tEn} model={buildCardModel({ ref: nd100, resolution, lang: 'en' })} />);
    expect(en.querySelector('.choices .note')!.textContent).toContain('state documents are numbered afresh every year');
  });

  it('links the official full text (“Toàn văn” / “Full text”) with the portal’s name, and names the sources', () => {
    const doc = { ...kh17Doc, officialUrl: 'https://tulieuvankien.dangcongsan.vn/van-ban/17', sources: [{ url: 'https://tulieuvankien.dangcongsan.vn/van-ban/17' }, { url: 'https://nhandan.vn/bai-17' }] };
    const root = mount(<Card t={tVi} model={buildCardModel({ ref: kh17, resolution: kh17Resolved, details: { document: doc } })} />);
    const full = root.querySelector<HTMLAnchorElement>('.full-text a')!;
    expect(full.textContent).toBe('Toàn văn');
    expect(full.getAttribute('href')).toBe('https://tulieuvankien.dangcongsan.vn/van-ban/17');
    expect(full.getAttribute('rel')).toBe('noopener noreferrer');
    expect(root.querySelector('.full-text')!.textContent).toContain('Tư liệu văn kiện Đảng');
    expect([...root.querySelectorAll('.sources a')].map((a) => a.textContent)).toEqual(['Tư liệu văn kiện Đảng', 'Nhân Dân']);
    const en = mount(<Card t={tEn} model={buildCardModel({ ref: kh17, resolution: kh17Resolved, details: { document: doc }, lang: 'en' })} />);
    expect(en.querySelector('.full-text a')!.textContent).toBe('Full text');
    const none = mount(<Card t={tVi} model={buildCardModel({ ref: kh17, resolution: kh17Resolved, details: { document: kh17Doc } })} />);
    expect(none.querySelector('.full-text')).toBeNull();
  });

  it('says “no public address recorded” rather than a bare confidence badge', () => {
    const model = buildCardModel({ ref: kh17, resolution: kh17Resolved, details: { document: { ...kh17Doc, sources: [{ url: 'law-text:x.txt' }] } } });
    const root = mount(<Card t={tVi} model={model} />);
    expect(root.querySelector('.sources')!.textContent).toContain('Nguồn thứ cấp');
    expect(root.querySelector('.sources')!.textContent).toContain('Nguồn:');
    expect(root.querySelector('.sources')!.textContent).toContain('không có địa chỉ công khai');
    expect(root.querySelector('.sources a')).toBeNull();
    const bare = mount(<Card t={tEn} model={buildCardModel({ ref: kh17, resolution: kh17Resolved, details: { document: { ...kh17Doc, sources: [] } } })} />);
    expect(bare.querySelector('.sources')!.textContent).toContain('no public address recorded');
  });
});
