/**
 * Test pages for the real-browser tests: the two seed articles turned into HTML at run time (never committed:
 * article text stays in ../shared), the project's own demo page, and small pages of our own writing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readSeed, SEEDS_DIR } from './seeds';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Every seed article (SEEDS_DIR/*.txt, by name) as a page: first line as the headline, each further line a
 * paragraph. Throws when there are none, so the tests over them fail instead of running over no pages.
 */
export function seedPages(): Array<{ name: string; html: string; text: string }> {
  const files = existsSync(SEEDS_DIR) ? readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort() : [];
  if (files.length === 0) throw new Error(`no seed articles in ${SEEDS_DIR}: ../shared/seeds must be beside the clone (or set VBL_SEEDS)`);
  return files.map((file) => {
    const text = readSeed(file);
    const [title = '', ...rest] = text.split('\n');
    const body = rest
      .filter((line) => line.trim())
      .map((line) => `<p>${escape(line)}</p>`)
      .join('\n');
    return { name: file.replace(/\.txt$/, ''), text, html: page(escape(title), `<article><h1>${escape(title)}</h1>\n${body}</article>` ) };
  });
}

export const demoHtml = () => readFileSync(path.resolve('demo/index.html'), 'utf8');

export function page(title: string, body: string, head = ''): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;
}

/** A head script that rewrites whatever is copied on the page (and counts the copy events it sees in `copies`). */
export const COPY_HIJACKER = `<script>
  window.copies = 0;
  document.addEventListener('copy', (e) => {
    window.copies++;
    e.clipboardData.setData('text/plain', 'HIJACKED https://evil.example/');
    e.preventDefault();
  }, true);
</script>`;

/**
 * A page whose article text is inside a custom element's open shadow root (made by the page's own script): the
 * element is #host, the paragraph #in-shadow.
 */
export function shadowArticlePage(sentence: string): string {
  return page(
    'Tin',
    `<p>Tin trong trang.</p><news-body id="host"></news-body>
  <script>
    customElements.define('news-body', class extends HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: 'open' }).innerHTML = '<style>p{font-size:18px}</style><p id="in-shadow">${sentence}</p>';
      }
    });
  </script>`,
  );
}
