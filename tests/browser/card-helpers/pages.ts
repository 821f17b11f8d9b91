/**
 * Test pages for the card's real-browser tests: the two seed articles turned into HTML at run time (never
 * committed: article text stays in ../shared), the project's own demo page, and small pages of our own writing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SEEDS_DIR as SHARED_SEEDS_DIR } from '../../helpers/seeds';

// Beside the clone (../shared/seeds), wherever the clone is; VBL_SEEDS overrides.
export const SEEDS_DIR = process.env.VBL_SEEDS ?? SHARED_SEEDS_DIR;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The seed articles as pages (first line as the headline, each further line a paragraph). Empty when absent. */
export function seedPages(): Array<{ name: string; html: string; text: string }> {
  if (!existsSync(SEEDS_DIR)) return [];
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const text = readFileSync(path.join(SEEDS_DIR, file), 'utf8');
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

/**
 * A private copy of a built extension: other work may rebuild .output while a test runs, and a browser must
 * not see its extension's files change under it.
 */
export async function snapshotBuild(dir: string): Promise<string> {
  const { cp, mkdtemp } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const source = path.resolve(dir);
  if (!existsSync(path.join(source, 'manifest.json'))) throw new Error(`no built extension at ${source}: run \`npx wxt build\` first`);
  const target = await mkdtemp(path.join(tmpdir(), 'vbl-ext-'));
  await cp(source, target, { recursive: true });
  return target;
}
