/**
 * Is the bundled dataset readable? The background checks the bundle's bytes against its manifest before loading
 * them (size, SHA-256 with crypto.subtle, gzip, complete inflation, JSON, schema version), so a broken bundle fails
 * with a named kind and a sentence that says what is wrong ("the data file is truncated: 1,000 of 258,121 bytes"),
 * never a bare "Failed to fetch". The build runs the same check over public/dataset (scripts/lib/bundle-check.ts).
 * Pure apart from crypto.subtle, Blob and DecompressionStream, which the background and Node both have.
 */
import { DATASET_SCHEMA, type Dataset } from '../records/schema';

/** What can be wrong with the bundle, most basic first. */
export const INTEGRITY_FAILURES = ['missing', 'bad-manifest', 'truncated', 'hash-mismatch', 'not-gzip', 'bad-json', 'schema-version'] as const;
export type IntegrityFailure = (typeof INTEGRITY_FAILURES)[number];
/** A load that failed for another reason (IndexedDB refused a write, …). */
export type LoadFailureKind = IntegrityFailure | 'load-failed';

/** The fields of the bundle's manifest (public/dataset/manifest.json, written by lib/dataset/bundle.ts). */
export interface BundleManifest {
  schema: number;
  version: string;
  /** File name inside the dataset folder. */
  file: string;
  encoding: 'gzip' | 'identity';
  /** Size of the file as written, the JSON inside it, and the file's SHA-256 (lower-case hex); checked when given. */
  bytes?: number;
  jsonBytes?: number;
  sha256?: string;
}

export class DatasetIntegrityError extends Error {
  constructor(
    readonly kind: IntegrityFailure,
    message: string,
  ) {
    super(message);
    this.name = 'DatasetIntegrityError';
  }
}

/** Checks a parsed manifest's shape; DatasetIntegrityError 'bad-manifest' when it is not one. */
export function parseManifest(value: unknown): BundleManifest {
  const m = value as Partial<BundleManifest> | null;
  const bad = (why: string) => new DatasetIntegrityError('bad-manifest', `the dataset manifest is malformed: ${why}`);
  if (!m || typeof m !== 'object') throw bad('not an object');
  if (typeof m.version !== 'string' || !m.version) throw bad('no version');
  if (typeof m.file !== 'string' || !m.file || /[/\\]|^\.\.?$/.test(m.file)) throw bad('no file name, or a path');
  if (m.encoding !== 'gzip' && m.encoding !== 'identity') throw bad(`unknown encoding ${JSON.stringify(m.encoding)}`);
  for (const key of ['bytes', 'jsonBytes'] as const) {
    if (m[key] !== undefined && !(Number.isInteger(m[key]) && (m[key] as number) >= 0)) throw bad(`${key} is not a size`);
  }
  if (m.sha256 !== undefined && !(typeof m.sha256 === 'string' && /^[0-9a-f]{64}$/.test(m.sha256))) throw bad('sha256 is not 64 hex digits');
  return m as BundleManifest;
}

/** Lower-case hex SHA-256 through the platform's crypto.subtle. */
export async function subtleSha256(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * The dataset in `bytes` (the file the manifest names; undefined when it could not be read), checked against the
 * manifest step by step; DatasetIntegrityError naming the first thing that is wrong.
 */
export async function verifyBundle(manifest: BundleManifest, bytes: Uint8Array | undefined): Promise<Dataset> {
  const file = manifest.file;
  if (!bytes) throw new DatasetIntegrityError('missing', `the data file ${file} is missing from the extension`);
  if (manifest.bytes !== undefined && bytes.length < manifest.bytes) {
    throw new DatasetIntegrityError('truncated', `the data file ${file} is truncated: ${count(bytes.length)} of ${count(manifest.bytes)} bytes`);
  }
  if (manifest.bytes !== undefined && bytes.length > manifest.bytes) {
    throw new DatasetIntegrityError('hash-mismatch', `the data file ${file} is not the one built: ${count(bytes.length)} bytes, the manifest says ${count(manifest.bytes)}`);
  }
  const gzip = manifest.encoding === 'gzip';
  if (gzip && !(bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08)) {
    throw new DatasetIntegrityError('not-gzip', `the data file ${file} is not gzip data`);
  }
  if (manifest.sha256 !== undefined) {
    const actual = await subtleSha256(bytes);
    if (actual !== manifest.sha256) {
      throw new DatasetIntegrityError('hash-mismatch', `the data file ${file} is damaged: its SHA-256 is ${actual.slice(0, 12)}…, the manifest says ${manifest.sha256.slice(0, 12)}…`);
    }
  }
  let json: Uint8Array = bytes;
  if (gzip) {
    try {
      json = await gunzip(bytes);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      const ended = /truncat|unexpected end|incomplete|premature|not complete/i.test(why);
      throw new DatasetIntegrityError(ended ? 'truncated' : 'not-gzip', ended ? `the data file ${file} is truncated: its gzip data ends early` : `the gzip data in ${file} is damaged (${why})`);
    }
  }
  if (manifest.jsonBytes !== undefined && json.length !== manifest.jsonBytes) {
    throw new DatasetIntegrityError('truncated', `the data in ${file} is incomplete: ${count(json.length)} of ${count(manifest.jsonBytes)} bytes of JSON`);
  }
  let dataset: Dataset;
  try {
    dataset = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json)) as Dataset;
  } catch (error) {
    throw new DatasetIntegrityError('bad-json', `the data in ${file} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!dataset || typeof dataset !== 'object' || Array.isArray(dataset)) throw new DatasetIntegrityError('bad-json', `the data in ${file} is not a dataset object`);
  if (dataset.schema !== DATASET_SCHEMA) {
    throw new DatasetIntegrityError('schema-version', `the data is of schema version ${String(dataset.schema)}; this version of the extension reads ${DATASET_SCHEMA}`);
  }
  if (dataset.version !== manifest.version) {
    throw new DatasetIntegrityError('bad-manifest', `the data is version ${String(dataset.version)}, the manifest says ${manifest.version}`);
  }
  return dataset;
}

/** Inflates gzip bytes with the platform's DecompressionStream (checks the CRC and length; fails on a cut stream). */
async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The kind of a load failure, and a plain sentence saying what failed. */
export function describeLoadFailure(error: unknown): { kind: LoadFailureKind; message: string } {
  if (error instanceof DatasetIntegrityError) return { kind: error.kind, message: `The bundled dataset can't be read: ${error.message}.` };
  const why = error instanceof Error ? error.message : String(error);
  return { kind: 'load-failed', message: `The bundled dataset could not be loaded: ${why.replace(/\.$/, '')}.` };
}

/** The log line for a failed load: says whether an earlier dataset still answers (never claims one when there is none). */
export function loadFailureLog(error: unknown, previousInUse: boolean): string {
  const { kind, message } = describeLoadFailure(error);
  return `[vanban-lens] dataset load failed (${kind}). ${message} ${previousInUse ? 'The previously loaded dataset stays in use.' : 'No dataset is loaded: cards say the data cannot be read.'}`;
}
