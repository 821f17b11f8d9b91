/**
 * Saved-references benchmark (`npm run bench:saved`): export of 1,000 realistic references in every format, and
 * import of the 1,000-item CSL-JSON and library JSON (parse, match, save into the store), each timed as the
 * median of several runs by CPU time, against a same-run baseline: JSON.stringify + JSON.parse of the same
 * references. The target: each under a second.
 */
import { exportAs } from '../lib/sync/export';
import { exportItem } from '../lib/sync/export/export-item';
import type { ExportFormat } from '../lib/sync/export/export-item';
import { matchInputs, parseImportFile } from '../lib/sync/export/import-file';
import { createClock } from '../lib/sync/hlc';
import { liveReferences, saveReference, type SavedState } from '../lib/sync/merge';
import { SavedStore } from '../lib/sync/saved-store';
import { encodeItems } from '../lib/sync/sync-items';
import { realisticLibrary } from './harness/saved-library';

const RUNS = 7;
const NOW = Date.UTC(2026, 11, 1);

function cpuMs(fn: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.cpuUsage();
    fn();
    const d = process.cpuUsage(start);
    times.push((d.user + d.system) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}
async function cpuMsAsync(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.cpuUsage();
    await fn();
    const d = process.cpuUsage(start);
    times.push((d.user + d.system) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

const memory = () => {
  const data = new Map<string, unknown>();
  return {
    get: async (keys: string[] | null) => Object.fromEntries([...data].filter(([k]) => !keys || keys.includes(k))),
    set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => data.set(k, v)),
    remove: async (keys: string[]) => void keys.forEach((k) => data.delete(k)),
  };
};
const scheduler = { now: () => NOW, setTimeout: () => 0, clearTimeout: () => {} };

let state: SavedState = new Map();
let clock = createClock('bench');
for (const input of realisticLibrary(1000)) ({ state, clock } = saveReference(state, clock, input, input.savedAt));
const refs = liveReferences(state);
const items = refs.map((ref) => exportItem(ref, ref.page ? undefined : { title: 'Chỉ thị về tăng cường công tác cán bộ', typeName: 'Chỉ thị', issuer: 'Bộ Chính trị', date: '2019-05-30' }));
const match = async (qs: Array<{ code: string }>) => qs.map(() => undefined);

const baseline = cpuMs(() => JSON.parse(JSON.stringify(refs)));
console.log(`baseline JSON.stringify+parse of 1000 references: ${baseline.toFixed(1)} ms`);
for (const format of ['csv', 'json', 'csl', 'ris', 'bibtex'] as ExportFormat[]) {
  const ms = cpuMs(() => exportAs(format, items, NOW));
  console.log(`export ${format.padEnd(6)} 1000: ${ms.toFixed(1)} ms (${(ms / baseline).toFixed(1)}× baseline)`);
}
for (const format of ['csl', 'json'] as ExportFormat[]) {
  const text = exportAs(format, items, NOW);
  const ms = await cpuMsAsync(async () => {
    const store = await SavedStore.open({ storage: { local: memory() }, scheduler, newNode: () => 'b' });
    await store.saveMany(await matchInputs(parseImportFile(text, NOW).inputs, match));
  });
  console.log(`import ${format.padEnd(6)} 1000 (parse, match, save): ${ms.toFixed(1)} ms (${(ms / baseline).toFixed(1)}× baseline)`);
}
const enc = cpuMs(() => encodeItems(state.values()));
console.log(`encode 1000 for storage.sync: ${enc.toFixed(1)} ms (${(enc / baseline).toFixed(1)}× baseline)`);
