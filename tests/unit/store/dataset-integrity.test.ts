/**
 * The background's check of the bundled dataset before it is loaded: every way the bundle can be broken is named
 * (missing, bad manifest, truncated, hash mismatch, not gzip, bad JSON, schema version) with a plain sentence, and
 * a sound bundle comes back as its dataset. The bytes are what lib/dataset/bundle.ts writes for a small dataset.
 */
import { gzipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodeDataset } from '../../../lib/dataset/bundle';
import { sha256Hex } from '../../../lib/dataset/sha256';
import {
  DatasetIntegrityError, describeLoadFailure, INTEGRITY_FAILURES, loadFailureLog, parseManifest, subtleSha256, verifyBundle,
  type BundleManifest, type IntegrityFailure,
} from '../../../lib/store/dataset-integrity';
import { fixtureDataset } from '../../helpers/dataset-fixture';

const dataset = fixtureDataset('v1');
const { bytes, manifest } = encodeDataset(dataset);

/** The kind and message a verify of these bytes fails with. */
async function failure(m: BundleManifest, b: Uint8Array | undefined): Promise<{ kind: IntegrityFailure; message: string }> {
  try {
    await verifyBundle(m, b);
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetIntegrityError);
    const e = error as DatasetIntegrityError;
    return { kind: e.kind, message: e.message };
  }
  throw new Error('verifyBundle accepted a broken bundle');
}

/** A bundle of other JSON text, with a manifest that matches its bytes (so only the content is wrong). */
function bundleOf(json: string): { m: BundleManifest; b: Uint8Array } {
  const raw = strToU8(json);
  const b = gzipSync(raw, { mtime: 0 });
  return { m: { ...manifest, bytes: b.length, jsonBytes: raw.length, sha256: sha256Hex(b) }, b };
}

describe('verifyBundle', () => {
  it('the fixture bundle is gzip (the checks below exercise the gzip path)', () => {
    expect(manifest.encoding).toBe('gzip');
  });

  it('returns the dataset of a sound bundle', async () => {
    expect(await verifyBundle(manifest, bytes)).toEqual(dataset);
  });

  it('missing: no bytes at all', async () => {
    expect(await failure(manifest, undefined)).toEqual({ kind: 'missing', message: 'the data file dataset.json.gz is missing from the extension' });
  });

  it('truncated: fewer bytes than the manifest says, with both counts', async () => {
    const cut = bytes.slice(0, Math.floor(bytes.length / 2));
    const f = await failure(manifest, cut);
    expect(f.kind).toBe('truncated');
    expect(f.message).toBe(`the data file dataset.json.gz is truncated: ${cut.length.toLocaleString('en-US')} of ${bytes.length.toLocaleString('en-US')} bytes`);
  });

  it('truncated: a cut gzip under a manifest that gives no size or hash is still caught by the inflation', async () => {
    const { bytes: _b, sha256: _s, jsonBytes: _j, ...bare } = manifest;
    const f = await failure(bare, bytes.slice(0, bytes.length - 100));
    expect(f.kind).toBe('truncated');
  });

  it('hash mismatch: same size, one byte changed; and a file longer than built', async () => {
    const damaged = bytes.slice();
    const at = Math.floor(bytes.length / 2);
    damaged[at] = damaged[at]! ^ 0x55;
    const f = await failure(manifest, damaged);
    expect(f.kind).toBe('hash-mismatch');
    expect(f.message).toMatch(/^the data file dataset\.json\.gz is damaged: its SHA-256 is [0-9a-f]{12}…, the manifest says [0-9a-f]{12}…$/);
    const longer = new Uint8Array(bytes.length + 3);
    longer.set(bytes);
    expect((await failure(manifest, longer)).kind).toBe('hash-mismatch');
  });

  it('not gzip: the file is something else (an HTML error page, plain JSON) of the expected size', async () => {
    const html = strToU8('<!doctype html><title>404</title>'.padEnd(bytes.length, ' '));
    const f = await failure({ ...manifest, sha256: sha256Hex(html) }, html);
    expect(f).toEqual({ kind: 'not-gzip', message: 'the data file dataset.json.gz is not gzip data' });
  });

  it('not gzip: a gzip header over a damaged deflate stream', async () => {
    const b = bytes.slice();
    for (let i = 10; i < 40; i++) b[i] = 0xff;
    const f = await failure({ ...manifest, sha256: sha256Hex(b) }, b);
    expect(['not-gzip', 'truncated']).toContain(f.kind);
    expect(f.message).toMatch(/dataset\.json\.gz/);
  });

  it('bad JSON: the gzip inflates to text that is not JSON, or not a dataset object', async () => {
    const { m, b } = bundleOf('{"schema":2,"version":"v1","documents":[');
    const f = await failure(m, b);
    expect(f.kind).toBe('bad-json');
    expect(f.message).toMatch(/^the data in dataset\.json\.gz is not valid JSON \(/);
    const list = bundleOf('[1,2,3]');
    expect((await failure(list.m, list.b)).kind).toBe('bad-json');
  });

  it('schema version: data of another schema', async () => {
    const { m, b } = bundleOf(JSON.stringify({ ...dataset, schema: 99 }));
    expect(await failure(m, b)).toEqual({ kind: 'schema-version', message: 'the data is of schema version 99; this version of the extension reads 2' });
  });

  it('bad manifest: a manifest that names a path, an unknown encoding or a hash of the wrong shape; data of another version', async () => {
    for (const broken of [{ ...manifest, file: '../x' }, { ...manifest, encoding: 'br' }, { ...manifest, sha256: 'abc' }, null, { file: 'x' }]) {
      expect(() => parseManifest(broken), JSON.stringify(broken)).toThrow(DatasetIntegrityError);
    }
    expect(parseManifest(JSON.parse(JSON.stringify(manifest)))).toEqual(manifest);
    const { m, b } = bundleOf(JSON.stringify({ ...dataset, version: 'v2' }));
    expect((await failure(m, b)).kind).toBe('bad-manifest');
  });

  it('names every kind it can fail with (the list the card and popup word)', () => {
    expect([...INTEGRITY_FAILURES].sort()).toEqual(['bad-json', 'bad-manifest', 'hash-mismatch', 'missing', 'not-gzip', 'schema-version', 'truncated']);
  });
});

describe('subtleSha256', () => {
  it('agrees with the manifest hash written at build', async () => {
    expect(await subtleSha256(bytes)).toBe(manifest.sha256);
  });
});

describe('what a failed load says', () => {
  it('a broken bundle in plain words; any other failure as a failed load', () => {
    expect(describeLoadFailure(new DatasetIntegrityError('truncated', 'the data file x.gz is truncated: 1 of 2 bytes'))).toEqual({
      kind: 'truncated', message: "The bundled dataset can't be read: the data file x.gz is truncated: 1 of 2 bytes.",
    });
    expect(describeLoadFailure(new Error('QuotaExceededError'))).toEqual({ kind: 'load-failed', message: 'The bundled dataset could not be loaded: QuotaExceededError.' });
  });

  it('the log never claims a previous dataset is in use when there is none', () => {
    const error = new DatasetIntegrityError('hash-mismatch', 'damaged');
    expect(loadFailureLog(error, false)).toMatch(/No dataset is loaded/);
    expect(loadFailureLog(error, false)).not.toMatch(/previous|stays in use/i);
    expect(loadFailureLog(error, true)).toMatch(/The previously loaded dataset stays in use/);
    expect(loadFailureLog(new TypeError('Failed to fetch'), false)).toMatch(/^\[vanban-lens\] dataset load failed \(load-failed\)/);
  });
});
