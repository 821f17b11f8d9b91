/**
 * npm run dataset [CORPUS_DIR]: validates data/, derives articles, mentions and co-citations from the corpus and
 * the seed articles, resolves every mention, and writes public/dataset/ plus data/build-report.md.
 * Corpus default: ../shared/data/corpus next to the repository. A bad data row fails the build with file:line.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { encodeDataset, MANIFEST_FILE } from '../lib/dataset/bundle';
import { buildDataset } from './lib/dataset-build';

const repo = resolve(import.meta.dirname, '..');
const corpusDir = resolve(process.argv[2] ?? join(repo, '../shared/data/corpus'));
const outDir = join(repo, 'public/dataset');

const result = buildDataset({ dataDir: join(repo, 'data'), corpusDir, seedsDir: resolve(corpusDir, '../../seeds') });
if (result.errors.length || !result.dataset || !result.report) {
  console.error(`Dataset build failed (${result.errors.length} problem${result.errors.length === 1 ? '' : 's'}):`);
  for (const e of result.errors) console.error(`  ${e}`);
  process.exit(1);
}
const { bytes, manifest } = encodeDataset(result.dataset);
mkdirSync(outDir, { recursive: true });
for (const f of readdirSync(outDir)) if (/^dataset\.json(\.gz)?$/.test(f) && f !== manifest.file) rmSync(join(outDir, f));
writeFileSync(join(outDir, manifest.file), bytes);
writeFileSync(join(outDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
writeFileSync(join(repo, 'data/build-report.md'), result.report);
const head = result.report.split('\n').filter((l) => l.startsWith('- ')).slice(0, 6).join('\n');
console.log(`Dataset ${manifest.version}: ${manifest.file} ${manifest.bytes} bytes (JSON ${manifest.jsonBytes})\n${head}`);
