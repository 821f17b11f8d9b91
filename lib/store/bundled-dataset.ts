/**
 * Reads the dataset bundled with the extension (public/dataset/, served from the extension's own origin: no
 * network). The build writes a small manifest.json naming the data file, its encoding, the version, its size and
 * its SHA-256 (see lib/dataset/bundle.ts), so a version check reads a few hundred bytes; the data file is checked
 * against the manifest before it is used (lib/store/dataset-integrity.ts), and a missing or broken file fails with
 * a DatasetIntegrityError that says what is wrong.
 */
import { browser } from 'wxt/browser';
import type { Dataset } from '../records/schema';
import { DatasetIntegrityError, parseManifest, verifyBundle, type BundleManifest } from './dataset-integrity';

export type { BundleManifest } from './dataset-integrity';

export const BUNDLED_DATASET_DIR = '/dataset/';

function url(name: string): string {
  return browser.runtime.getURL(`${BUNDLED_DATASET_DIR}${name}` as never);
}

/** The file's bytes, or undefined when the extension does not have it (fetch of a missing file fails). */
async function fetchBytes(name: string): Promise<Uint8Array | undefined> {
  try {
    const response = await fetch(url(name));
    if (!response.ok) return undefined;
    return new Uint8Array(await response.arrayBuffer());
  } catch {
    return undefined;
  }
}

export async function readBundledManifest(): Promise<BundleManifest> {
  const bytes = await fetchBytes('manifest.json');
  if (!bytes) throw new DatasetIntegrityError('missing', 'the dataset manifest (dataset/manifest.json) is missing from the extension');
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new DatasetIntegrityError('bad-manifest', 'the dataset manifest (dataset/manifest.json) is not JSON');
  }
  return parseManifest(value);
}

/** The bundled dataset, checked against its manifest (size, SHA-256, gzip, JSON, schema) before it is returned. */
export async function readBundledDataset(manifest?: BundleManifest): Promise<Dataset> {
  const m = manifest ?? (await readBundledManifest());
  return verifyBundle(m, await fetchBytes(m.file));
}
