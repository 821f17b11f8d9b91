/**
 * Data benchmark (`npm run bench:data`): a generated dataset of 50,000 documents and 1,000,000 mentions
 * (scripts/harness/synthetic-dataset.ts; never shipped) loaded into IndexedDB and queried, first in Node with fake-indexeddb, then in real
 * Chromium with the built extension (.output/chrome-mv3; run `npx wxt build` first).
 *
 * The Chromium run uses the product's own path end to end: a copy of the built extension whose bundled dataset
 * (dataset/manifest.json + data file) is the generated one, loaded by the service worker on install, and
 * queried from an extension page with the same runtime messages the content script sends. No benchmark-only
 * code is in the extension. Baselines in the same run: a naive linear-scan resolver (Node) and the round trip of
 * the cheapest message (Chromium).
 *
 * Options: --documents N --mentions N --skip-node --skip-chromium --batches N
 */
import 'fake-indexeddb/auto';
import { rm, writeFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Dataset } from '../lib/records/schema';
import type { Reference } from '../lib/detector/types';
import { LookupService } from '../lib/lookup/service';
import { LOOKUP_CHANNEL, type LookupRequest, type LookupResponse } from '../lib/lookup/messages';
import { resolveReference } from '../lib/resolver/resolve';
import { codeKey } from '../lib/keys/code-key';
import { buildRecords } from '../lib/store/record-builder';
import { DATA_STORES } from '../lib/store/db';
import { snapshotBuild } from './harness/build-copy';
import { DEFAULT_EXTENSION, launchChromiumWithExtension } from './harness/chromium';
import { sendLookup, waitForDataset } from './harness/lookup';
import { draws, generateDataset, seededRandom, SYNTHETIC_SEED } from './harness/synthetic-dataset';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const N_DOCS = opt('documents', 50_000);
const N_MENTIONS = opt('mentions', 1_000_000);
const N_BATCHES = opt('batches', 40);
const BATCH = 200;
const TARGETS = { loadMs: 10_000, resolveP50: 20, cardP50: 5, searchP50: 20 };

// ---------- generation: scripts/harness/synthetic-dataset.ts (seeded, deterministic) ----------

// One random stream: the dataset first, then the reference batches and the ids drawn from it.
const rand = seededRandom(SYNTHETIC_SEED);
const { pick } = draws(rand);

/** Batches of 200 references as pages send them: known codes with and without context, reused codes, unknown codes, bare names. */
function referenceBatches(dataset: Dataset, count: number): Reference[][] {
  const docs = dataset.documents;
  const batches: Reference[][] = [];
  for (let b = 0; b < count; b++) {
    const batch: Reference[] = [];
    for (let i = 0; i < BATCH; i++) {
      const d = pick(docs);
      const base: Reference = { raw: d.code, code: d.code, start: i * 40, end: i * 40 + d.code.length, family: d.family, number: d.number, type: { abbr: d.typeAbbr, name: d.typeName }, issuer: { abbr: d.issuerAbbr }, inferred: false };
      const roll = rand();
      if (roll < 0.4) batch.push({ ...base, date: d.date });
      else if (roll < 0.6) batch.push({ ...base, term: d.term, issuerName: d.issuer });
      else if (roll < 0.8) batch.push(base);
      else if (roll < 0.9) batch.push({ ...base, code: `${9000 + i}-CT/TW`, raw: `${9000 + i}-CT/TW`, number: String(9000 + i), family: 'party', type: { abbr: 'CT' }, issuer: { abbr: 'TW' } });
      else batch.push({ raw: `${d.typeName} ${d.number}`, start: i * 40, end: i * 40 + 12, family: d.family, number: d.number, type: { abbr: d.typeAbbr, name: d.typeName }, issuer: {}, inferred: true });
    }
    batches.push(batch);
  }
  return batches;
}

const SEARCHES = ['chi thi 35', 'nghi quyet 57', 'ke hoach 17 kh tw', 'Quy định 102', 'thông tư tài chính', 'chuyen doi so', 'nghị định 100 2019', 'ket luan 21', 'huong dan 26 btctw', 'phong chong tham nhung'];

// ---------- measuring ----------

/** Runs in the extension page (kept as source text so the bundler adds nothing to it): times each group of requests. */
const TIME_IN_PAGE = `async ([channel, groups]) => {
  const times = [];
  for (const group of groups) {
    const t = performance.now();
    const out = await Promise.all(group.map((request) => chrome.runtime.sendMessage({ channel, request })));
    times.push(performance.now() - t);
    for (const r of out) if (!r || !r.ok) throw new Error(JSON.stringify(r && r.error));
  }
  return times;
}`;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * (s.length - 1)))]!;
};
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const verdict = (value: number, target: number) => `${value <= target ? 'meets' : 'MISSES'} target ${target} ms (${(value / target).toFixed(2)}× of target)`;

interface Figures {
  loadMs: number;
  size: string;
  resolveP50: number;
  resolveP99: number;
  articlesP50: number;
  cardP50: number;
  searchP50: number;
  baselineLabel: string;
  baselineP50: number;
}

function hotAndRandomIds(dataset: Dataset, n: number): string[] {
  const counts = new Map<string, number>();
  for (const m of dataset.mentions) if (m.documentId) counts.set(m.documentId, (counts.get(m.documentId) ?? 0) + 1);
  const hot = [...counts].sort((a, b) => b[1] - a[1]).slice(0, n / 2).map(([id]) => id);
  const random = Array.from({ length: n / 2 }, () => pick(dataset.documents).id);
  return [...hot, ...random];
}

function report(where: string, f: Figures) {
  console.log(`\n== ${where} ==`);
  console.log(`load (${N_DOCS.toLocaleString('en')} documents, ${N_MENTIONS.toLocaleString('en')} mentions): ${ms(f.loadMs)} — ${verdict(f.loadMs, TARGETS.loadMs)}`);
  console.log(`IndexedDB size: ${f.size}`);
  console.log(`resolve, batch of ${BATCH}: p50 ${ms(f.resolveP50)}, p99 ${ms(f.resolveP99)} — ${verdict(f.resolveP50, TARGETS.resolveP50)}`);
  console.log(`relatedArticles (page of 20): p50 ${ms(f.articlesP50)} — ${verdict(f.articlesP50, TARGETS.cardP50)}`);
  console.log(`card data (card: document + 20 citing articles + related documents, and sameCodeOtherTerms, in parallel): p50 ${ms(f.cardP50)} — ${verdict(f.cardP50, TARGETS.cardP50)}`);
  console.log(`search: p50 ${ms(f.searchP50)} — ${verdict(f.searchP50, TARGETS.searchP50)}`);
  const ratio = f.baselineP50 / f.resolveP50;
  console.log(`baseline, ${f.baselineLabel}: p50 ${ms(f.baselineP50)}; baseline ÷ batch resolve = ${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(2)}`);
}

async function timeEach<T>(items: T[], fn: (item: T) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (const item of items) {
    const t = performance.now();
    await fn(item);
    times.push(performance.now() - t);
  }
  return times;
}

async function benchNode(dataset: Dataset, batches: Reference[][], ids: string[]): Promise<void> {
  const dbName = `bench-${Date.now()}`;
  const service = new LookupService({ source: async () => dataset, dbName });
  const t0 = performance.now();
  await service.ensureDataset();
  const loadMs = performance.now() - t0;
  const ask = async (request: LookupRequest) => {
    const r = (await service.respond({ channel: LOOKUP_CHANNEL, request }, { id: 'self' }, 'self')) as LookupResponse;
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value;
  };
  // Size: the records as stored, serialized (fake-indexeddb keeps objects in memory, not bytes).
  const records = buildRecords(dataset, 1);
  let bytes = 0;
  for (const store of DATA_STORES) for (const r of records[store] as unknown[]) bytes += JSON.stringify(r).length;

  // The background reads the documents into memory and builds the search index right after a load.
  const tIndex = performance.now();
  await service.warm();
  const indexMs = performance.now() - tIndex;
  const resolveTimes = await timeEach(batches, (refs) => ask({ op: 'resolve', refs, page: { pageDate: '2024-01-01' } }));
  const articleTimes = await timeEach(ids, (id) => ask({ op: 'relatedArticles', id, page: 0, pageSize: 20 }));
  // Card data: the card operation (document, 20 citing articles, related documents) and the same code in other terms.
  const cardTimes = await timeEach(ids, (id) => Promise.all([ask({ op: 'card', id, articles: 20 }), ask({ op: 'sameCodeOtherTerms', id })]));
  const searchTimes = await timeEach([...SEARCHES, ...SEARCHES, ...SEARCHES], (query) => ask({ op: 'search', query, limit: 20 }));

  // Baseline: resolving by scanning every document for the code (no index), same resolver.
  const byScan = (refs: Reference[]) => refs.map((ref) => {
    const key = ref.code ? codeKey(ref.code) : undefined;
    return resolveReference(ref, key ? dataset.documents.filter((d) => codeKey(d.code) === key) : [], { pageDate: '2024-01-01' });
  });
  const baseline = await timeEach(batches.slice(0, 10), async (refs) => byScan(refs));
  report('Node 20, fake-indexeddb', {
    loadMs, size: `≈ ${mb(bytes)} (stored records as JSON)`,
    resolveP50: pct(resolveTimes, 0.5), resolveP99: pct(resolveTimes, 0.99),
    articlesP50: pct(articleTimes, 0.5), cardP50: pct(cardTimes, 0.5), searchP50: pct(searchTimes, 0.5),
    baselineLabel: 'resolve by linear scan of the documents (no index)', baselineP50: pct(baseline, 0.5),
  });
  console.log(`documents read into memory and search index built in ${ms(indexMs)} (once per worker start, in the background)`);
  await service.close();
  // A restarted worker answers its first batch from the index records while memory fills.
  const restarted = new LookupService({ source: async () => dataset, dbName });
  const coldTimes = await timeEach(batches.slice(1, 4), (refs) => restarted.handle({ op: 'resolve', refs, page: {} }));
  console.log(`resolve right after a worker restart (from the index records, memory not yet filled): ${coldTimes.map(ms).join(', ')}`);
  await restarted.close();
}

async function dirSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? await dirSize(p) : (await stat(p)).size;
  }
  return total;
}

async function benchChromium(dataset: Dataset, batches: Reference[][], ids: string[]): Promise<void> {
  const ext = await snapshotBuild(DEFAULT_EXTENSION, 'vbl-bench-ext-');
  try {
    await rm(path.join(ext, 'dataset'), { recursive: true, force: true });
    const json = Buffer.from(JSON.stringify(dataset));
    const gz = gzipSync(json, { level: 6 });
    await writeFile(path.join(ext, 'dataset', 'dataset.json.gz'), gz).catch(async () => {
      await (await import('node:fs/promises')).mkdir(path.join(ext, 'dataset'));
      await writeFile(path.join(ext, 'dataset', 'dataset.json.gz'), gz);
    });
    await writeFile(path.join(ext, 'dataset', 'manifest.json'), JSON.stringify({ schema: dataset.schema, version: dataset.version, file: 'dataset.json.gz', encoding: 'gzip', bytes: gz.length, jsonBytes: json.length }));
    // A blank extension page to send messages from (the copy only; the product is unchanged).
    await writeFile(path.join(ext, 'bench.html'), '<!doctype html><meta charset="utf-8"><title>bench</title>');
    console.log(`\nChromium: bundled data file ${mb(gz.length)} gzip (${mb(json.length)} JSON)`);

    const t0 = performance.now();
    const chromium = await launchChromiumWithExtension({ extensionPath: ext });
    const tStarted = performance.now();
    try {
      const page = await chromium.openExtensionPage('bench.html');
      const status = await waitForDataset(page, 300_000, 25);
      const loadWall = performance.now() - tStarted;
      const ask = async (request: LookupRequest) => {
        const r = await sendLookup(page, request);
        if (!r.ok) throw new Error(JSON.stringify(r.error));
        return r.value;
      };
      // Time inside the page, so the figures are the extension's own round trips (no Node ↔ browser hop).
      const timeInPage = (requests: LookupRequest[][]) =>
        page.evaluate(`(${TIME_IN_PAGE})(${JSON.stringify([LOOKUP_CHANNEL, requests])})`) as Promise<number[]>;
      const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
      await ask({ op: 'search', query: 'warm up', limit: 1 }); // the search index is built after load; wait for it
      await ask({ op: 'resolve', refs: batches[0]!, page: {} });
      const resolveTimes = await timeInPage(batches.map((refs) => [{ op: 'resolve', refs, page: { pageDate: '2024-01-01' } }]));
      const articleTimes = await timeInPage(ids.map((id) => [{ op: 'relatedArticles', id, page: 0, pageSize: 20 }]));
      const cardTimes = await timeInPage(ids.map((id) => [
        { op: 'card', id, articles: 20 }, { op: 'sameCodeOtherTerms', id },
      ]));
      const searchTimes = await timeInPage([...SEARCHES, ...SEARCHES, ...SEARCHES].map((query) => [{ op: 'search', query, limit: 20 }]));
      const baseline = await timeInPage(Array.from({ length: 40 }, () => [{ op: 'status' } as LookupRequest]));
      const onDisk = await dirSize(path.join(chromium.profileDir, 'Default', 'IndexedDB'));
      report(`Chromium ${chromium.context.browser()?.version() ?? ''} (built extension, service worker)`.replace(' (', ' (').trim(), {
        loadMs: loadWall,
        size: `${mb(usage)} (navigator.storage.estimate), ${mb(onDisk)} on disk`,
        resolveP50: pct(resolveTimes, 0.5), resolveP99: pct(resolveTimes, 0.99),
        articlesP50: pct(articleTimes, 0.5), cardP50: pct(cardTimes, 0.5), searchP50: pct(searchTimes, 0.5),
        baselineLabel: 'round trip of the cheapest message (status)', baselineP50: pct(baseline, 0.5),
      });
      console.log(`load: ${ms(loadWall)} from browser start to dataset ready (fetch, gunzip, parse, write; browser launch ${ms(tStarted - t0)} not counted); of which preparing and writing ${ms(status.loadMs ?? 0)}: ${JSON.stringify(status.loadTimings ?? {})}`);
    } finally {
      await chromium.close();
    }
  } finally {
    await rm(ext, { recursive: true, force: true });
  }
}

async function main() {
  const tGen = performance.now();
  const dataset = generateDataset(N_DOCS, N_MENTIONS, rand);
  const batches = referenceBatches(dataset, N_BATCHES);
  const ids = hotAndRandomIds(dataset, 60);
  console.log(`generated ${dataset.documents.length.toLocaleString('en')} documents, ${dataset.articles.length.toLocaleString('en')} articles, ${dataset.mentions.length.toLocaleString('en')} mentions in ${ms(performance.now() - tGen)}`);
  console.log(`targets (Chromium): load ≤ ${TARGETS.loadMs / 1000} s, batch resolve p50 ≤ ${TARGETS.resolveP50} ms, card data ≤ ${TARGETS.cardP50} ms, search ≤ ${TARGETS.searchP50} ms`);
  if (!args.includes('--skip-node')) await benchNode(dataset, batches, ids);
  if (!args.includes('--skip-chromium')) await benchChromium(dataset, batches, ids);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
