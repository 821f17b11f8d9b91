/**
 * The annotator and the detector bundled into one page script (window.__vbl = { annotate, detect }), for the
 * real-browser annotator tests and the page benchmark, which run them on pages without the extension.
 */
import { build } from 'esbuild';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export async function bundleAnnotator(target: string, options: { minify?: boolean } = {}): Promise<string> {
  const out = await build({
    stdin: {
      contents:
        "import { annotate } from './lib/annotator/annotate.ts';\n" +
        "import { detect } from './lib/detector/detect.ts';\n" +
        '(window as any).__vbl = { annotate, detect };\n',
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
