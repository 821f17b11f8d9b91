/**
 * The annotator and the detector bundled into one page script (window.__vbl = { annotate, detect }), for the
 * real-browser annotator tests and the page benchmark, which run them on pages without the extension.
 *
 * `expose` adds named exports of other modules to window.__vbl, for tests of the annotator's parts, e.g.
 * `{ highlightedAt: 'lib/annotator/highlight-hit-test.ts' }` (export name → module path from the project root).
 */
import { build } from 'esbuild';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export async function bundleAnnotator(
  target: string,
  options: { minify?: boolean; expose?: Record<string, string> } = {},
): Promise<string> {
  const extra = Object.entries(options.expose ?? {});
  const out = await build({
    stdin: {
      contents:
        "import { annotate } from './lib/annotator/annotate.ts';\n" +
        "import { detect } from './lib/detector/detect.ts';\n" +
        extra.map(([name, file], i) => `import { ${name} as __expose${i} } from ${JSON.stringify(`./${file}`)};\n`).join('') +
        `(window as any).__vbl = { annotate, detect${extra.map(([name], i) => `, ${name}: __expose${i}`).join('')} };\n`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    minify: options.minify ?? false,
    write: false,
    format: 'iife',
    target,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}
