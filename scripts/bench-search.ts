/**
 * Search benchmark (`npm run bench:search`): what a keystroke on the search page costs on the 50,000-document
 * synthetic dataset (scripts/harness/synthetic-dataset.ts). Every prefix of a set of typed queries (codes in
 * their variants, type + number, title words with and without accents, with and without filters) is asked as
 * the search page asks it (the `find` operation: one page of 50 with the total), first in Node (fake-indexeddb,
 * the lookup service in process), then in real Chromium with a copy of the built extension whose bundled dataset
 * is the synthetic one (run `npx wxt build` first), timed inside an extension page.
 *
 * Target: p95 ≤ 16 ms per keystroke (one frame). Baselines in the same run: Node, the same keystrokes on a
 * minisearch index of the same fields (what the search used before the posting index: prefix on the last word,
 * all words, then the filters on its hits); Chromium, the round trip of the cheapest message. Node figures are
 * given in CPU time as well as wall time (the machine is shared; CPU time is what the code costs).
 *
 * Options: --documents N --mentions N --skip-node --skip-chromium
 */
import 'fake-indexeddb/auto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Dataset } from '../lib/records/schema';
import { LookupService } from '../lib/lookup/service';
import { LOOKUP_CHANNEL, type LookupRequest, type LookupResponse } from '../lib/lookup/messages';
import { snapshotBuild } from './harness/build-copy';
import { DEFAULT_EXTENSION, launchChromiumWithExtension } from './harness/chromium';
import { sendLookup, waitForDataset } from './harness/lookup';
import { generateDataset } from './harness/synthetic-dataset';
import MiniSearch from 'minisearch';
import { aliasKey, foldAccents } from '../lib/keys/alias-key';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const N_DOCS = opt('documents', 50_000);
const N_MENTIONS = opt('mentions', 200_000);
const TARGET_P95 = 16;
const PAGE = 50;

/** What a user types, one query per entry; each is asked at every keystroke (every prefix). */
const TYPED: Array<{ q: string; filters?: Record<string, unknown> }> = [
  { q: '35-CT/TW' },
  { q: '35/CT-TW' },
  { q: '35 CT TW' },
  { q: '100/2019/NĐ-CP' },
  { q: 'chi thi 35' },
  { q: 'nghị quyết 57' },
  { q: 'chuyen doi so' },
  { q: 'phòng, chống tham nhũng' },
  { q: 'chi thi dai hoi dang bo' },
  { q: 'cong tac can bo', filters: { family: 'party', term: 'XIII' } },
  { q: 'thong tu tai chinh', filters: { family: 'state', yearFrom: 2015, yearTo: 2020 } },
  { q: 'kinh te', filters: { cited: true } },
  { q: 'ke hoach 17 kh tw' },
  { q: '', filters: { type: 'Chỉ thị', issuer: 'Bộ Chính trị' } },
];

function keystrokes(): LookupRequest[] {
  const out: LookupRequest[] = [];
  for (const { q, filters = {} } of TYPED) {
    if (q === '') out.push({ op: 'find', q, filters, offset: 0, limit: PAGE } as LookupRequest);
    for (let n = 1; n <= q.length; n++) out.push({ op: 'find', q: q.slice(0, n), filters, offset: 0, limit: PAGE } as LookupRequest);
  }
  return out;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * (s.length - 1)))]!;
};
const ms = (x: number) => `${x.toFixed(2)} ms`;
const line = (label: string, times: number[]) =>
  `${label}: n ${times.length}, p50 ${ms(pct(times, 0.5))}, p95 ${ms(pct(times, 0.95))}, max ${ms(Math.max(...times))}`;
const verdict = (p95: number) => `${p95 <= TARGET_P95 ? 'meets' : 'MISSES'} target p95 ≤ ${TARGET_P95} ms (${(p95 / TARGET_P95).toFixed(2)}× of target)`;

/** The baseline: minisearch over the same fields, the way the search ran before the posting index. */
function minisearchBaseline(dataset: Dataset) {
  const words = (text: string) => aliasKey(text).split(' ').filter(Boolean);
  const index = new MiniSearch<{ id: string; head: string; aliases: string; title: string }>({
    fields: ['head', 'aliases', 'title'],
    tokenize: (text, field) => (field === 'head' ? foldAccents(text).split(/[^a-z0-9]+/).filter(Boolean) : words(text)),
    searchOptions: { tokenize: words, boost: { head: 3, aliases: 2, title: 1 }, prefix: (t, i, all) => i === all.length - 1 && t.length >= 2, combineWith: 'AND' },
  });
  index.addAll(dataset.documents.map((d) => ({ id: d.id, head: `${d.typeName} ${d.code} ${d.term ?? ''}`, aliases: d.aliases.join(' '), title: d.title ?? '' })));
  const byId = new Map(dataset.documents.map((d) => [d.id, d]));
  return (q: string, filters: Record<string, unknown>) => {
    const hits = index.search(q).filter((h) => {
      const d = byId.get(String(h.id))!;
      return (!filters.family || d.family === filters.family) && (!filters.term || d.term === filters.term);
    });
    return { total: hits.length, items: hits.slice(0, PAGE) };
  };
}

/** Wall and CPU time of one call (CPU: this process's user + system time, in ms). */
async function timed(fn: () => unknown): Promise<[number, number]> {
  const c = process.cpuUsage();
  const t = performance.now();
  await fn();
  const wall = performance.now() - t;
  const cpu = process.cpuUsage(c);
  return [wall, (cpu.user + cpu.system) / 1000];
}

async function benchNode(dataset: Dataset, requests: LookupRequest[]) {
  const service = new LookupService({ source: async () => dataset, dbName: `bench-search-${Date.now()}` });
  await service.ensureDataset();
  await service.warm();
  const ask = async (request: LookupRequest) => {
    const r = (await service.respond({ channel: LOOKUP_CHANNEL, request }, { id: 'self' }, 'self')) as LookupResponse;
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value;
  };
  await ask({ op: 'find', q: 'warm', filters: { cited: true }, offset: 0, limit: 1 } as LookupRequest);
  const baseline = minisearchBaseline(dataset);
  // Alternate the two, three rounds each, so a busy machine weighs on both alike.
  const find: number[][] = [[], []];
  const base: number[][] = [[], []];
  for (let round = 0; round < 3; round++) {
    for (const request of requests) {
      const [wall, cpu] = await timed(() => ask(request));
      find[0]!.push(wall);
      find[1]!.push(cpu);
    }
    for (const request of requests) {
      const { q, filters } = request as unknown as { q: string; filters: Record<string, unknown> };
      const [wall, cpu] = await timed(() => baseline(q, filters));
      base[0]!.push(wall);
      base[1]!.push(cpu);
    }
  }
  console.log('\n== Node 20 (lookup service in process, fake-indexeddb) ==');
  console.log(`${line('find, per keystroke, wall', find[0]!)}`);
  console.log(`${line('find, per keystroke, CPU', find[1]!)} — ${verdict(pct(find[1]!, 0.95))}`);
  console.log(`${line('baseline (minisearch, same keystrokes), wall', base[0]!)}`);
  console.log(`${line('baseline (minisearch, same keystrokes), CPU', base[1]!)}`);
  console.log(`find p95 ÷ minisearch p95: wall ${(pct(find[0]!, 0.95) / pct(base[0]!, 0.95)).toFixed(2)}, CPU ${(pct(find[1]!, 0.95) / pct(base[1]!, 0.95)).toFixed(2)}`);
  await service.close();
}

const TIME_IN_PAGE = `async ([channel, requests]) => {
  const times = [];
  for (const request of requests) {
    const t = performance.now();
    const r = await chrome.runtime.sendMessage({ channel, request });
    times.push(performance.now() - t);
    if (!r || !r.ok) throw new Error(JSON.stringify(r && r.error));
  }
  return times;
}`;

async function benchChromium(dataset: Dataset, requests: LookupRequest[]) {
  const ext = await snapshotBuild(DEFAULT_EXTENSION, 'vbl-bench-search-');
  try {
    await rm(path.join(ext, 'dataset'), { recursive: true, force: true });
    await mkdir(path.join(ext, 'dataset'));
    const json = Buffer.from(JSON.stringify(dataset));
    const gz = gzipSync(json, { level: 6 });
    await writeFile(path.join(ext, 'dataset', 'dataset.json.gz'), gz);
    await writeFile(path.join(ext, 'dataset', 'manifest.json'), JSON.stringify({ schema: dataset.schema, version: dataset.version, file: 'dataset.json.gz', encoding: 'gzip', bytes: gz.length, jsonBytes: json.length }));
    await writeFile(path.join(ext, 'bench.html'), '<!doctype html><meta charset="utf-8"><title>bench</title>');
    const chromium = await launchChromiumWithExtension({ extensionPath: ext });
    try {
      const page = await chromium.openExtensionPage('bench.html');
      await waitForDataset(page, 300_000, 50);
      // The index and the citation totals are built on first use: wait for them.
      const warm = await sendLookup(page, { op: 'find', q: 'warm', filters: { cited: true }, offset: 0, limit: 1 });
      if (!warm.ok) throw new Error(JSON.stringify(warm.error));
      const time = (list: unknown[]) => page.evaluate(`(${TIME_IN_PAGE})(${JSON.stringify([LOOKUP_CHANNEL, list])})`) as Promise<number[]>;
      const find: number[] = [];
      const base: number[] = [];
      for (let round = 0; round < 3; round++) {
        find.push(...(await time(requests)));
        base.push(...(await time(requests.map(() => ({ op: 'status' })))));
      }
      console.log(`\n== Chromium ${chromium.context.browser()?.version() ?? ''} (built extension; timed in an extension page, message round trip included) ==`);
      console.log(`${line('find, per keystroke (page of 50 + total + filters)', find)} — ${verdict(pct(find, 0.95))}`);
      console.log(`${line('baseline: status round trip', base)}; find p95 − baseline p95 = ${ms(pct(find, 0.95) - pct(base, 0.95))}`);
    } finally {
      await chromium.close();
    }
  } finally {
    await rm(ext, { recursive: true, force: true });
  }
}

async function main() {
  const dataset = generateDataset(N_DOCS, N_MENTIONS);
  const requests = keystrokes();
  console.log(`${dataset.documents.length.toLocaleString('en')} documents, ${dataset.mentions.length.toLocaleString('en')} mentions; ${requests.length} keystrokes from ${TYPED.length} typed queries, 3 rounds`);
  if (!args.includes('--skip-node')) await benchNode(dataset, requests);
  if (!args.includes('--skip-chromium')) await benchChromium(dataset, requests);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
