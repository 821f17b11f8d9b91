// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { Library, type LibraryProps } from '@/components/library/Library';
import type { LibraryState } from '@/components/library/types';
import { translatorFrom } from '@/lib/i18n/t';
import { buildRows, EMPTY_QUERY, facets } from '@/lib/sync/library-view';
import vi_ from '../../../public/_locales/vi/messages.json';

const t = translatorFrom(vi_);
afterEach(() => {
  document.body.innerHTML = '';
});

const rows = buildRows(
  [
    { key: 'a', docId: 'd1', code: '35-CT/TW', url: 'https://baotest.vn/a', pageTitle: 'Bài A', savedAt: Date.UTC(2026, 10, 3), note: 'Đọc lại', tags: ['cán bộ'] },
    { key: 'b', code: '77/UBND-KT', url: '', savedAt: Date.UTC(2026, 10, 2), note: '', tags: [], page: { issuer: 'UBND tỉnh Bình Định' } },
  ],
  { d1: { typeName: 'Chỉ thị', issuer: 'Bộ Chính trị', date: '2019-05-30', title: 'Về tăng cường' } },
  { b: 'quota' },
);

function mount(state: Partial<LibraryState>, over: Partial<LibraryProps> = {}) {
  const props: LibraryProps = {
    t,
    state: { loading: false, total: rows.length, rows, facets: facets(rows), query: EMPTY_QUERY, selected: [], sync: { sync: 'on', notSynced: { quota: 1 }, bytes: 2048 }, ...state },
    recordHref: (id) => `record.html?id=${encodeURIComponent(id)}`,
    formatDate: (iso) => iso,
    onQuery: vi.fn(), onSelect: vi.fn(), onEdit: vi.fn(), onSaveEdit: vi.fn(), onDelete: vi.fn(), onUndo: vi.fn(), onExport: vi.fn(), onImport: vi.fn(),
    ...over,
  };
  const root = document.createElement('div');
  document.body.append(root);
  render(<Library {...props} />, root);
  return { root, props };
}

describe('Library', () => {
  it('explains how to save when empty', () => {
    const { root } = mount({ total: 0, rows: [] });
    expect(root.textContent).toContain('Chưa lưu văn bản nào');
    expect(root.textContent).toContain('bấm "Lưu"');
  });

  it('lists references with counts, sync status, the record link and why one is not synced', () => {
    const { root } = mount({});
    expect(root.querySelector('.counts')!.textContent).toBe('2 văn bản đã lưu');
    expect(root.querySelector('[data-why="quota"]')!.textContent).toContain('hết dung lượng');
    const items = root.querySelectorAll('li.item');
    expect(items).toHaveLength(2);
    expect(items[0]!.querySelector('a[href^="record.html"]')!.getAttribute('href')).toBe('record.html?id=d1');
    expect(items[0]!.querySelector('a[href="https://baotest.vn/a"]')!.getAttribute('rel')).toBe('noopener noreferrer');
    expect(items[1]!.textContent).toContain('chưa đồng bộ: hết dung lượng');
    expect(items[1]!.textContent).toContain('Số hiệu chưa có trong dữ liệu');
  });

  it('says plainly when sync is off', () => {
    const { root } = mount({ sync: { sync: 'off', notSynced: {}, bytes: 0 } });
    expect(root.querySelector('[data-sync="off"]')!.textContent).toContain('chỉ có trên trình duyệt này');
  });

  it('deletes one, offers undo, selects and exports', async () => {
    const { root, props } = mount({ undo: { count: 1 }, selected: ['a'] });
    root.querySelector<HTMLButtonElement>('button[aria-label="Xoá Chỉ thị 35-CT/TW"]')!.click();
    expect(props.onDelete).toHaveBeenCalledWith(['a']);
    const undo = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Hoàn tác')!;
    // Focus is on Undo once a deletion is shown (the deleted row is gone).
    await vi.waitFor(() => expect(document.activeElement).toBe(undo));
    undo.click();
    expect(props.onUndo).toHaveBeenCalled();
    const select = root.querySelector<HTMLSelectElement>('.export select')!;
    select.value = 'ris';
    select.dispatchEvent(new Event('change'));
    expect(props.onExport).toHaveBeenCalledWith('ris', ['a']);
  });
});
