/**
 * Reads the dataset bundled with the extension (public/dataset/, served from the extension's own origin: no
 * network). Gzip-compressed files are recognised by their magic bytes and inflated with the browser's own
 * DecompressionStream.
 */
import { browser } from 'wxt/browser';
import type { Dataset } from '../dataset/schema';

/** Path of the bundled dataset inside the extension. */
export const BUNDLED_DATASET_PATH = '/dataset/dataset.json';

export async function readBundledDataset(path: string = BUNDLED_DATASET_PATH): Promise<Dataset> {
  const url = browser.runtime.getURL(path as never);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`bundled dataset ${path}: HTTP ${response.status}`);
  return decodeDataset(new Uint8Array(await response.arrayBuffer()));
}

/** JSON text, or gzip-compressed JSON text, to a dataset object. */
export async function decodeDataset(bytes: Uint8Array): Promise<Dataset> {
  let data = bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
    data = new Uint8Array(await new Response(stream).arrayBuffer());
  }
  return JSON.parse(new TextDecoder().decode(data)) as Dataset;
}
