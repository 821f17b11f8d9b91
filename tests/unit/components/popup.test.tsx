// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { Popup, type PopupProps, type PopupState } from '@/components/Popup';
import { translatorFrom } from '@/lib/i18n/t';
import vi_ from '../../../public/_locales/vi/messages.json';

const t = translatorFrom(vi_);
const base: PopupState = {
  host: 'baotest.vn',
  access: 'default',
  allSites: false,
  enabled: true,
  mode: 'highlight',
  defaultMode: 'highlight',
  dwellMs: 300,
  shortcuts: { next: 'Alt+Shift+J', previous: 'Alt+Shift+K' },
};

function mount(state: Partial<PopupState>) {
  const handlers = {
    onToggleSite: vi.fn(),
    onEnableHere: vi.fn(),
    onEnableAll: vi.fn(),
    onRevokeHere: vi.fn(),
    onRevokeAll: vi.fn(),
    onMode: vi.fn(),
    onDefaultMode: vi.fn(),
    onDwell: vi.fn(),
    onRetryDataset: vi.fn(),
  } satisfies Omit<PopupProps, 't' | 'state'>;
  const root = document.createElement('div');
  document.body.append(root);
  render(<Popup t={t} state={{ ...base, ...state }} {...handlers} />, root);
  return { root, handlers };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Popup', () => {
  it('says when a newer bundle cannot be read while the data loaded before still answers', () => {
    const { root } = mount({ dataset: { ready: true, documents: 10, articles: 5, newUnreadable: 'integrity_kind_truncated' } });
    expect(root.textContent).toContain('Dữ liệu: 10 văn bản, 5 bài viết.');
    expect(root.textContent).toContain('Dữ liệu mới không đọc được (tệp dữ liệu bị cắt cụt, thiếu phần cuối); tiện ích vẫn dùng dữ liệu đã nạp trước đó.');
  });

  it('says the data cannot be read, what failed, and offers to try again', () => {
    const { root, handlers } = mount({ dataset: { ready: false, error: 'x', unreadable: 'integrity_kind_hash_mismatch' } });
    const alert = root.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('Dữ liệu không đọc được: tệp dữ liệu bị hỏng, mã kiểm tra không khớp.');
    const retry = [...alert.querySelectorAll('button')].find((b) => b.textContent === 'Thử lại')!;
    retry.click();
    expect(handlers.onRetryDataset).toHaveBeenCalledTimes(1);
    expect(root.textContent).not.toContain('Đang nạp dữ liệu');
  });


  it('turns a default site off and chooses its mode', () => {
    const { root, handlers } = mount({});
    expect(root.textContent).toContain('baotest.vn');
    expect(root.textContent).toContain('Đang bật trên trang này');
    const toggle = root.querySelector<HTMLInputElement>('input[role="switch"]')!;
    toggle.checked = false;
    toggle.dispatchEvent(new Event('change', { bubbles: true }));
    expect(handlers.onToggleSite).toHaveBeenCalledWith(false);
    const inline = root.querySelector<HTMLInputElement>('input[name="mode-here"][value="inline"]')!;
    inline.checked = true;
    inline.dispatchEvent(new Event('change', { bubbles: true }));
    expect(handlers.onMode).toHaveBeenCalledWith('inline');
    expect(root.textContent).toContain('Alt+Shift+J');
  });

  it('offers “bật trên trang này” and all sites where the extension does not run yet', () => {
    const { root, handlers } = mount({ host: 'example.com', access: 'none', enabled: true });
    expect(root.querySelector('input[role="switch"]')).toBeNull();
    const buttons = [...root.querySelectorAll('button')];
    buttons.find((b) => b.textContent === 'Bật trên trang này')!.click();
    buttons.find((b) => b.textContent === 'Bật trên mọi trang')!.click();
    expect(handlers.onEnableHere).toHaveBeenCalled();
    expect(handlers.onEnableAll).toHaveBeenCalled();
  });

  it('says so on pages no extension may touch, and shows a refused permission', () => {
    const { root } = mount({ host: undefined, problem: 'popupPermissionRefused' });
    expect(root.textContent).toContain('chỉ chạy trên các trang web');
    expect(root.querySelector('[role="alert"]')!.textContent).toContain('chưa cho phép');
  });

  it('ignores an emptied or unreadable dwell box and keeps a typed dwell inside the accepted range', () => {
    const { root, handlers } = mount({ dwellMs: 300, dwellRange: { min: 50, max: 3000 } });
    const box = root.querySelector<HTMLInputElement>('input[type="number"]')!;
    const type = (value: string) => {
      box.value = value;
      box.dispatchEvent(new Event('change', { bubbles: true }));
    };
    type('');
    expect(handlers.onDwell).not.toHaveBeenCalled();
    expect(box.value).toBe('300');
    type('abc');
    expect(handlers.onDwell).not.toHaveBeenCalled();
    type('0');
    expect(handlers.onDwell).toHaveBeenLastCalledWith(50);
    type('99999');
    expect(handlers.onDwell).toHaveBeenLastCalledWith(3000);
    type('450.4');
    expect(handlers.onDwell).toHaveBeenLastCalledWith(450);
    expect(handlers.onDwell).toHaveBeenCalledTimes(3);
  });
});
