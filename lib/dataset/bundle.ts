/**
 * The bundled dataset on disk (public/dataset/): canonical JSON, gzip-compressed with fflate when that pays off,
 * and a small manifest naming the file, its encoding, the version, and the file's size and SHA-256 (checked by the
 * build, scripts/lib/bundle-check.ts, and by the background before it loads, lib/store/dataset-integrity.ts).
 * Pure: works in Node and in the background.
 */
import { gunzipSync, gzipSync, strFromU8, strToU8 } from 'fflate';
import type { Dataset } from '../records/schema';
import { sha256Hex } from './sha256';

export const MANIFEST_FILE = 'manifest.json';

export interface DatasetManifest {
  schema: number;
  version: string;
  /** File name inside public/dataset/. */
  file: string;
  encoding: 'gzip' | 'identity';
  /** Size of the file as written, and of the JSON inside it. */
  bytes: number;
  jsonBytes: number;
  /** Lower-case hex SHA-256 of the file as written: the build and the background check the file against it. */
  sha256: string;
  counts: { documents: number; articles: number; mentions: number; sites: number; coCitations: number };
}

/** Canonical JSON: keys in insertion order as the build writes them, no whitespace. */
export function datasetJson(dataset: Dataset): string {
  return JSON.stringify(dataset);
}

/** Encodes the dataset; gzip (level 9, no timestamp, so the bytes are stable) when it saves at least a fifth. */
export function encodeDataset(dataset: Dataset): { bytes: Uint8Array; manifest: DatasetManifest } {
  const json = strToU8(datasetJson(dataset));
  const gz = gzipSync(json, { level: 9, mtime: 0 });
  const useGzip = gz.length <= json.length * 0.8;
  const bytes = useGzip ? gz : json;
  return {
    bytes,
    manifest: {
      schema: dataset.schema, version: dataset.version,
      file: useGzip ? 'dataset.json.gz' : 'dataset.json', encoding: useGzip ? 'gzip' : 'identity',
      bytes: bytes.length, jsonBytes: json.length, sha256: sha256Hex(bytes),
      counts: {
        documents: dataset.documents.length, articles: dataset.articles.length, mentions: dataset.mentions.length,
        sites: dataset.sites.length, coCitations: dataset.coCitations.length,
      },
    },
  };
}

/** Decodes the bytes named by a manifest back into the dataset. */
export function decodeDataset(bytes: Uint8Array, encoding: DatasetManifest['encoding']): Dataset {
  const json = encoding === 'gzip' ? gunzipSync(bytes) : bytes;
  return JSON.parse(strFromU8(json)) as Dataset;
}
