/**
 * Reads the dataset bundled with the extension (public/dataset/, served from the extension's own origin: no
 * network). The build writes a small manifest.json naming the data file, its encoding and the version (see
 * lib/dataset/bundle.ts), so a version check reads a few hundred bytes; gzip is inflated with the browser's own
 * DecompressionStream.
 */
import { browser } from 'wxt/browser';
import type { Dataset } from '../records/schema';

export const BUNDLED_DATASET_DIR = '/dataset/';

/** The fields of the bundle manifest the loader needs. */
export interface BundleManifest {
  schema: number;
  version: string;
  file: string;
  encoding: 'gzip' | 'identity';
}

function url(name: string): string {
  return browser.runtime.getURL(`${BUNDLED_DATASET_DIR}${name}` as never);
}

export async function readBundledManifest(): Promise<BundleManifest> {
  const response = await fetch(url('manifest.json'));
  if (!response.ok) throw new Error(`bundled dataset manifest: HTTP ${response.status}`);
  const manifest = (await response.json()) as BundleManifest;
  if (typeof manifest?.version !== 'string' || typeof manifest.file !== 'string' || /[/\\]/.test(manifest.file)) {
    throw new Error('bundled dataset manifest is malformed');
  }
  return manifest;
}

export async function readBundledDataset(manifest?: BundleManifest): Promise<Dataset> {
  const m = manifest ?? (await readBundledManifest());
  const response = await fetch(url(m.file));
  if (!response.ok || !response.body) throw new Error(`bundled dataset ${m.file}: HTTP ${response.status}`);
  const body = m.encoding === 'gzip' ? response.body.pipeThrough(new DecompressionStream('gzip')) : response.body;
  // text() then JSON.parse: measured no slower in the worker than json() or arrayBuffer() + TextDecoder.
  const dataset = JSON.parse(await new Response(body).text()) as Dataset;
  if (dataset.version !== m.version) throw new Error(`bundled dataset is ${dataset.version}, manifest says ${m.version}`);
  return dataset;
}
