/**
 * The build's check of the bundled dataset (public/dataset/): the file the manifest names is there, has the
 * manifest's byte count and SHA-256, inflates completely, parses as JSON and is of this extension's schema and the
 * manifest's version; the same check the background runs before loading (lib/store/dataset-integrity.ts). Run by
 * wxt.config.ts before every build, so a truncated or damaged gzip fails the build with a plain message.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatasetIntegrityError, parseManifest, verifyBundle } from '../../lib/store/dataset-integrity';
import type { Dataset } from '../../lib/records/schema';

export const MANIFEST_NAME = 'manifest.json';

/** Checks the bundle in `dir`; resolves to the dataset, or rejects with a message that says what is wrong and what to do. */
export async function checkBundle(dir: string): Promise<Dataset> {
  const fail = (why: string) => new Error(`The bundled dataset in ${dir} is broken: ${why}. Run \`npm run dataset\` to write it again.`);
  const manifestPath = join(dir, MANIFEST_NAME);
  if (!existsSync(manifestPath)) throw fail(`there is no ${MANIFEST_NAME}`);
  let manifest;
  try {
    manifest = parseManifest(JSON.parse(readFileSync(manifestPath, 'utf8')));
  } catch (error) {
    throw fail(error instanceof DatasetIntegrityError ? error.message : `${MANIFEST_NAME} is not JSON (${(error as Error).message})`);
  }
  if (manifest.bytes === undefined || manifest.sha256 === undefined) throw fail(`${MANIFEST_NAME} does not give the data file's size and SHA-256`);
  const file = join(dir, manifest.file);
  try {
    return await verifyBundle(manifest, existsSync(file) ? new Uint8Array(readFileSync(file)) : undefined);
  } catch (error) {
    throw fail(error instanceof Error ? error.message : String(error));
  }
}
