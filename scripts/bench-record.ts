/**
 * npm run bench:record — how fast the record page of the most-cited document opens, in Chromium with the built
 * extension (run `npm run build` first), against a blank extension page opened the same way in the same run
 * (alternated, so the machine's load falls on both alike).
 *
 * Two figures per page, medians over ROUNDS navigations in one tab, the service worker warm and the dataset loaded:
 * - in the page: from navigation start to the frame that first shows the record (the page's own performance mark,
 *   set in the next animation frame after it renders the document with its fields, relations, neighbours and
 *   graph list; the citing articles follow, with a mark of their own, reported too); for the blank page, to its
 *   load event;
 * - from outside: from page.goto() to the moment a requestAnimationFrame poll sees the record's heading
 *   (the blank page: its load), DevTools round trips included alike.
 * Target: the record ≤ 150 ms after navigation (the in-page figure).
 *
 * `npm run bench:record -- --synthetic`: the same on a copy of the build carrying the 50,000-document synthetic
 * dataset of bench:data instead of the bundled one (its most-cited document has tens of thousands of citing
 * articles: what the page costs at that scale).
 */
import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import path from 'node:path';
import { DEFAULT_EXTENSION, launchChromiumWithExtension } from './harness/chromium';
import { snapshotBuild } from './harness/build-copy';
import { generateDataset } from './harness/synthetic-dataset';
import { waitForDataset } from './harness/lookup';
import type { Dataset } from '../lib/records/schema';

const SYNTHETIC = process.argv.includes('--synthetic');
const ROUNDS = Number(process.env.ROUNDS ?? (SYNTHETIC ? 10 : 30));
const TARGET_MS = 150;

/** The document cited by the most articles. */
function mostCited(dataset: Dataset): { id: string; articles: number } {
  const by = new Map<string, Set<string>>();
  for (const m of dataset.mentions) if (m.documentId) (by.get(m.documentId) ?? by.set(m.documentId, new Set()).get(m.documentId)!).add(m.articleId);
  const [id, set] = [...by].sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]))[0]!;
  return { id, articles: set.size };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

let ext = DEFAULT_EXTENSION;
let dataset: Dataset;
if (SYNTHETIC) {
  // A copy of the build with the synthetic dataset in place of the bundled one (the product is unchanged).
  dataset = generateDataset(50_000, 1_000_000);
  ext = await snapshotBuild(DEFAULT_EXTENSION, 'vbl-bench-record-');
  await rm(path.join(ext, 'dataset'), { recursive: true, force: true });
  await mkdir(path.join(ext, 'dataset'));
  const json = Buffer.from(JSON.stringify(dataset));
  const gz = gzipSync(json, { level: 6 });
  await writeFile(path.join(ext, 'dataset', 'dataset.json.gz'), gz);
  await writeFile(path.join(ext, 'dataset', 'manifest.json'), JSON.stringify({ schema: dataset.schema, version: dataset.version, file: 'dataset.json.gz', encoding: 'gzip', bytes: gz.length, jsonBytes: json.length }));
} else {
  dataset = JSON.parse(gunzipSync(readFileSync(path.join(ext, 'dataset', 'dataset.json.gz'))).toString('utf8')) as Dataset;
}
const top = mostCited(dataset);
const chromium = await launchChromiumWithExtension({ extensionPath: ext });
try {
  const page = await chromium.openExtensionPage('offscreen.html');
  await waitForDataset(page, 300_000);
  const base = `chrome-extension://${chromium.extensionId}`;
  const recordUrl = `${base}/record.html?id=${encodeURIComponent(top.id)}`;
  const blankUrl = `${base}/offscreen.html`;

  async function openRecord(): Promise<{ inPage: number; outside: number; articles: number }> {
    const t0 = performance.now();
    await page.goto(recordUrl, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.querySelector('article.record h1'), undefined, { polling: 'raf', timeout: 10_000 });
    const outside = performance.now() - t0;
    const [inPage, articles] = await page.evaluate(async () => {
      // (No named inner functions: the page gets this function's source as it is.)
      for (let i = 0; i < 200 && performance.getEntriesByName('vbl-record-articles').length === 0; i++) await new Promise((r) => requestAnimationFrame(r));
      return [performance.getEntriesByName('vbl-record-rendered')[0]?.startTime ?? Number.NaN, performance.getEntriesByName('vbl-record-articles')[0]?.startTime ?? Number.NaN];
    });
    return { inPage, outside, articles };
  }
  async function openBlank(): Promise<{ inPage: number; outside: number }> {
    const t0 = performance.now();
    await page.goto(blankUrl, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.readyState === 'complete', undefined, { polling: 'raf', timeout: 10_000 });
    const outside = performance.now() - t0;
    const inPage = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
    return { inPage, outside };
  }

  // Warm-up: the worker's documents in memory, the page's code in the cache. The first open is reported too: the
  // document's citing articles are then read and counted for the first time.
  const first = await openRecord();
  await openBlank();
  for (let i = 0; i < 2; i++) {
    await openRecord();
    await openBlank();
  }
  const record: Array<{ inPage: number; outside: number; articles: number }> = [];
  const blank: Array<{ inPage: number; outside: number }> = [];
  for (let i = 0; i < ROUNDS; i++) {
    if (i % 2) {
      blank.push(await openBlank());
      record.push(await openRecord());
    } else {
      record.push(await openRecord());
      blank.push(await openBlank());
    }
  }
  const r = { inPage: median(record.map((x) => x.inPage)), outside: median(record.map((x) => x.outside)) };
  const b = { inPage: median(blank.map((x) => x.inPage)), outside: median(blank.map((x) => x.outside)) };
  console.log(`${SYNTHETIC ? 'synthetic dataset (50,000 documents, 1,000,000 mentions): ' : ''}record page of the most-cited document: ${top.id} (${top.articles} citing articles), ${ROUNDS} rounds, medians`);
  console.log(`  in the page, navigation start → record shown: ${ms(r.inPage)} (p90 ${ms([...record.map((x) => x.inPage)].sort((a, c) => a - c)[Math.floor(ROUNDS * 0.9)]!)})`);
  console.log(`  … and its first page of citing articles shown: ${ms(median(record.map((x) => x.articles)))}`);
  console.log(`  first open of the run (its citing articles read for the first time): record ${ms(first.inPage)}, articles ${ms(first.articles)}`);
  console.log(`  blank extension page, navigation start → load: ${ms(b.inPage)}`);
  console.log(`  from outside (goto → seen on screen): record ${ms(r.outside)}, blank ${ms(b.outside)}`);
  console.log(`  record − blank: ${ms(r.inPage - b.inPage)} in the page, ${ms(r.outside - b.outside)} from outside; record ÷ blank ${(r.inPage / b.inPage).toFixed(2)}×`);
  console.log(`  target ≤ ${TARGET_MS} ms after navigation: ${r.inPage <= TARGET_MS ? 'met' : 'NOT met'}`);
  // What the page waits for: each of its lookups alone, from a blank extension page (medians of 10).
  await page.goto(blankUrl);
  const alone = async (request: Record<string, unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      times.push(
        await page.evaluate(async (req) => {
          const t0 = performance.now();
          await (globalThis as any).chrome.runtime.sendMessage({ channel: 'vanban-lens/lookup', request: req });
          return performance.now() - t0;
        }, request),
      );
    }
    return ms(median(times));
  };
  console.log(
    `  its lookups alone: card ${await alone({ op: 'card', id: top.id, articles: 1 })}, sameCodeOtherTerms ${await alone({ op: 'sameCodeOtherTerms', id: top.id })}, ` +
      `citingArticles (first page) ${await alone({ op: 'citingArticles', id: top.id, page: 0, pageSize: 20 })}, status (cheapest) ${await alone({ op: 'status' })}`,
  );
  await page.close();
} finally {
  await chromium.close();
  if (SYNTHETIC) await rm(ext, { recursive: true, force: true });
}
