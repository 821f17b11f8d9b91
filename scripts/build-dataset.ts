/**
 * npm run dataset [CORPUS_DIR] [--seeds DIR]: validates data/, derives articles, mentions and co-citations from the
 * corpus and the seed articles, resolves every mention, and writes public/dataset/ plus data/build-report.md.
 * Defaults: corpus ../shared/data/corpus and seeds ../shared/seeds next to the repository.
 * A bad data row fails the build with file:line and the reason (exit code 1).
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { encodeDataset, MANIFEST_FILE } from '../lib/dataset/bundle';
import { buildDataset } from './lib/dataset-build';

const repo = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const seedsAt = args.indexOf('--seeds');
const seedsDir = resolve(seedsAt >= 0 && args[seedsAt + 1] ? (args.splice(seedsAt, 2)[1] as string) : join(repo, '../shared/seeds'));
if (args.some((a) => a.startsWith('-')) || args.length > 1) {
  console.error('Usage: npm run dataset [CORPUS_DIR] [--seeds DIR]');
  process.exit(2);
}
const corpusDir = resolve(args[0] ?? join(repo, '../shared/data/corpus'));
const outDir = join(repo, 'public/dataset');

const result = buildDataset({ dataDir: join(repo, 'data'), corpusDir, seedsDir });
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
