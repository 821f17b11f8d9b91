// What a page says about itself (lib/page/page-context): its date, from metadata or written near the top.
import { describe, expect, it } from 'vitest';
import { findPageDate, pageDate } from '@/lib/page/page-context';

describe('page date', () => {
  it('reads article metadata first, then a date written near the top', async () => {
    const { Window } = await import('happy-dom');
    const win = new Window();
    const doc = win.document as unknown as Document;
    doc.body.innerHTML = '<h1>Tin</h1><p>08:02, 05/02/2020</p><p>Theo Chỉ thị 35-CT/TW ngày 30/5/2019 …</p>';
    expect(pageDate(doc)).toBe('2020-02-05');
    doc.head.innerHTML = '<meta property="article:published_time" content="2024-04-12T08:00:00+07:00">';
    expect(pageDate(doc)).toBe('2024-04-12');
    doc.head.innerHTML = '';
    doc.body.innerHTML = '<p>Không có ngày, chỉ có 31/02/2020.</p>';
    expect(pageDate(doc)).toBeUndefined();
  });

  it('never takes a site header’s clock or a script’s text for the article’s date', async () => {
    const { Window } = await import('happy-dom');
    const doc = new Window().document as unknown as Document;
    // No metadata, no <article>: today's date in the site header and in a script, then the article.
    doc.body.innerHTML = `<header><span>Thứ Năm, 25/11/2026</span></header>
      <script>var today = "24/11/2026";</script>
      <h1>Tin</h1><p>08:02, 05/02/2020</p><p>Theo Chỉ thị 35-CT/TW …</p>`;
    expect(findPageDate(doc)).toEqual({ date: '2020-02-05', from: 'text' });
    // Only the clock, nothing under a headline: no date rather than the clock's.
    doc.body.innerHTML = '<header><span>25/11/2026</span></header><script>"24/11/2026"</script><p>Theo Chỉ thị 35-CT/TW …</p>';
    expect(pageDate(doc)).toBeUndefined();
    // In an article: its own header's date line counts, a script inside it does not.
    doc.body.innerHTML = '<div class="top">25/11/2026</div><article><script>"24/11/2026"</script><header>05/02/2020</header><p>…</p></article>';
    expect(findPageDate(doc)).toEqual({ date: '2020-02-05', from: 'text' });
    doc.body.innerHTML = '<div>25/11/2026</div><main><style>.x{}</style><p>Hà Nội, 12/3/2021</p></main>';
    expect(pageDate(doc)).toBe('2021-03-12');
    doc.body.innerHTML = '<div>25/11/2026</div><div itemprop="articleBody"><p>Ngày 7/7/2023</p></div>';
    expect(pageDate(doc)).toBe('2023-07-07');
    // Metadata is the page's own word.
    doc.head.innerHTML = '<meta property="article:published_time" content="2024-04-12T08:00:00+07:00">';
    expect(findPageDate(doc)).toEqual({ date: '2024-04-12', from: 'metadata' });
  });
});
