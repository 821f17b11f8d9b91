// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { SearchPage } from '@/components/search/SearchPage';
import { translatorFrom } from '@/lib/i18n/t';
import { doc } from '../../helpers/dataset-fixture';
import vi_ from '../../../public/_locales/vi/messages.json';

const t = translatorFrom(vi_);
afterEach(() => {
  document.body.innerHTML = '';
});

describe('search results and the saved library', () => {
  it('marks the results whose document is saved', () => {
    const items = [
      { document: doc({ id: '35-CT/TW@2019-05-30', code: '35-CT/TW', title: 'Về tiếp công dân' }), score: 1, cited: 2 },
      { document: doc({ id: '35-CT/TW@2024-06-14', code: '35-CT/TW', title: 'Về đại hội' }), score: 1, cited: 0 },
    ];
    const root = document.createElement('div');
    document.body.append(root);
    const noop = vi.fn();
    render(
      <SearchPage
        t={t}
        lang="vi"
        state={{ query: { q: '35-CT/TW', filters: {} }, status: 'ready', result: { items, total: 2 } }}
        recordHref={(id) => `record.html?id=${id}`}
        codeHref={(c) => `record.html?code=${c}`}
        searchHref={(q) => `search.html?q=${q}`}
        examples={[]}
        onText={noop}
        onSubmit={noop}
        onFilters={noop}
        onMore={noop}
        isSaved={(id) => id === '35-CT/TW@2019-05-30'}
      />,
      root,
    );
    const results = [...root.querySelectorAll('li.result')];
    expect(results).toHaveLength(2);
    expect(results[0]!.querySelector('[data-saved]')?.textContent).toContain('Đã lưu');
    expect(results[1]!.querySelector('[data-saved]')).toBeNull();
  });
});
