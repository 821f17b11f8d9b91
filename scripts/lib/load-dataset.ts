/**
 * Node-side access to the bundled dataset (public/dataset/) for command-line tools: load it, and resolve
 * detected references against it with the same pure resolver the extension uses.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Reference } from '../../lib/detector/types';
import { decodeDataset, MANIFEST_FILE, type DatasetManifest } from '../../lib/dataset/bundle';
import type { Dataset } from '../../lib/records/schema';
import { siteTable } from '../../lib/dataset/sites-file';
import { createDocumentIndex, type DocumentIndex } from '../../lib/resolver/document-index';
import type { Resolution, ResolveContext } from '../../lib/resolver/resolve';
import { readPageMentions } from '../../lib/resolver/page-mentions';

const DEFAULT_DIR = resolve(import.meta.dirname, '../../public/dataset');

/** Reads public/dataset/ (or `dir`): the manifest, then the file it names. Throws with a plain message if missing. */
export function loadDataset(dir: string = DEFAULT_DIR): Dataset {
  let manifest: DatasetManifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as DatasetManifest;
  } catch (e) {
    throw new Error(`No dataset manifest in ${dir} (run npm run dataset): ${(e as Error).message}`);
  }
  const dataset = decodeDataset(readFileSync(join(dir, manifest.file)), manifest.encoding);
  if (dataset.version !== manifest.version) throw new Error(`Dataset ${dir}: manifest version ${manifest.version} does not match the data (${dataset.version})`);
  return dataset;
}

const indexes = new WeakMap<Dataset, DocumentIndex>();

/**
 * Resolves the references of one page against a dataset. `ctx.site` is looked up in the dataset's site table
 * unless the caller passes its own `sites`; codes cited in full among `refs` are the page's codes unless the caller
 * passes `pageCodes`. Results are in the order of `refs`.
 */
export function resolveAll(refs: readonly Reference[], dataset: Dataset, ctx: ResolveContext = {}): Resolution[] {
  let index = indexes.get(dataset);
  if (!index) { index = createDocumentIndex(dataset.documents); indexes.set(dataset, index); }
  const pageCodes = refs.filter((r) => r.code && !r.inferred).map((r) => r.code as string);
  const context: ResolveContext = { sites: siteTable(dataset.sites), pageCodes, ...ctx };
  // The page read as a whole, as the dataset build and the extension's reader read it.
  return readPageMentions(refs).map((ref) => (index as DocumentIndex).resolve(ref, context));
}
