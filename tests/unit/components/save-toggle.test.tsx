// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { SaveToggle } from '@/components/saved/SaveButton';
import { translatorFrom } from '@/lib/i18n/t';
import vi_ from '../../../public/_locales/vi/messages.json';

const t = translatorFrom(vi_);
afterEach(() => {
  document.body.innerHTML = '';
});

describe('SaveToggle (the record page’s save slot)', () => {
  it('is a "Lưu" button pressed while saved, follows saves made elsewhere, and says what it did', async () => {
    let saved = false;
    let changed = () => {};
    const onToggle = vi.fn(async () => ((saved = !saved), saved ? ('saved' as const) : ('removed' as const)));
    const root = document.createElement('div');
    document.body.append(root);
    render(<SaveToggle t={t} isSaved={() => saved} subscribe={(l) => ((changed = l), () => {})} onToggle={onToggle} />, root);
    const button = root.querySelector('button')!;
    expect(button.textContent).toContain('Lưu');
    expect(button.getAttribute('aria-pressed')).toBe('false');
    button.click();
    await vi.waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('true'));
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Đã lưu vào thư viện');
    // Removed in another tab.
    await vi.waitFor(() => expect(changed).not.toBe(undefined));
    saved = false;
    changed();
    await vi.waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('false'));
  });
});
