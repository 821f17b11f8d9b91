/**
 * The build's check of public/dataset (run from wxt.config.ts before every build): a bundle as written passes; a
 * truncated, damaged or missing data file, or a manifest without size and hash, fails with a plain message.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBundle } from '../../../scripts/lib/bundle-check';

const repo = join(import.meta.dirname, '../../..');
const source = join(repo, 'public/dataset');
const manifest = JSON.parse(readFileSync(join(source, 'manifest.json'), 'utf8')) as { file: string; bytes: number; version: string };
const dir = join(repo, '.tmp', `bundle-check-${process.pid}`);

function copy(): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(source, dir, { recursive: true });
  return dir;
}

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('checkBundle (the build step)', () => {
  it('passes the committed bundle and returns its dataset', async () => {
    const dataset = await checkBundle(copy());
    expect(dataset.version).toBe(manifest.version);
  });

  it('fails a truncated gzip, saying how many bytes are there', async () => {
    truncateSync(join(copy(), manifest.file), 100_000);
    await expect(checkBundle(dir)).rejects.toThrow(/is broken: the data file dataset\.json\.gz is truncated: 100,000 of [\d,]+ bytes\. Run `npm run dataset`/);
  });

  it('fails a damaged gzip of the right size by its SHA-256', async () => {
    const file = join(copy(), manifest.file);
    const bytes = readFileSync(file);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = bytes[at]! ^ 0xff;
    writeFileSync(file, bytes);
    await expect(checkBundle(dir)).rejects.toThrow(/is damaged: its SHA-256 is/);
  });

  it('fails a missing data file and a manifest without size and hash', async () => {
    rmSync(join(copy(), manifest.file));
    await expect(checkBundle(dir)).rejects.toThrow(/dataset\.json\.gz is missing/);
    const m = JSON.parse(readFileSync(join(copy(), 'manifest.json'), 'utf8'));
    delete m.sha256;
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
    await expect(checkBundle(dir)).rejects.toThrow(/does not give the data file's size and SHA-256/);
  });
});
