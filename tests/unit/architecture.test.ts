/**
 * The layers' import rules (imports flow one way only), checked on the source: a new import that breaks a rule
 * fails here with the file and the import.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function files(dir: string): string[] {
  const abs = join(ROOT, dir);
  return readdirSync(abs).flatMap((name) => {
    const p = join(abs, name);
    if (statSync(p).isDirectory()) return files(relative(ROOT, p));
    return /\.(ts|tsx)$/.test(name) ? [relative(ROOT, p)] : [];
  });
}

interface Import {
  file: string;
  spec: string;
  typeOnly: boolean;
  /** Repository-relative target for local imports ("lib/detector/types"), or the package name. */
  target: string;
}

function imports(file: string): Import[] {
  const src = readFileSync(join(ROOT, file), 'utf8');
  const out: Import[] = [];
  for (const m of src.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
    const spec = m[3]!;
    let target = spec;
    if (spec.startsWith('@/')) target = spec.slice(2);
    else if (spec.startsWith('.')) target = relative(ROOT, resolve(ROOT, dirname(file), spec));
    out.push({ file, spec, typeOnly: Boolean(m[2]), target });
  }
  return out;
}

/** The layer a repository path belongs to: lib/<layer>, components, entrypoints; packages by name. */
const layerOf = (target: string) => {
  const m = /^lib\/([^/]+)/.exec(target);
  if (m) return m[1]!;
  if (target.startsWith('components')) return 'components';
  if (target.startsWith('entrypoints')) return 'entrypoints';
  return undefined;
};

/** For each layer, the layers and packages it may import (value or type). */
const ALLOWED: Record<string, { layers: string[]; packages: RegExp }> = {
  detector: { layers: [], packages: /^$/ },
  // Normalized keys (codes, aliases, places, Party terms): a leaf every other layer may use.
  keys: { layers: [], packages: /^$/ },
  // Record types shared by the dataset, the resolver, the store and the UI.
  records: { layers: ['detector'], packages: /^$/ },
  dataset: { layers: ['detector', 'keys', 'records'], packages: /^fflate$/ },
  resolver: { layers: ['detector', 'keys', 'records'], packages: /^$/ },
  store: { layers: ['detector', 'keys', 'records', 'resolver'], packages: /^(idb|fflate|wxt\/browser)$/ },
  // Search queries and filters (the search page's address, the filters' rules): pure, shared by lookup and pages.
  search: { layers: ['detector', 'keys', 'records'], packages: /^$/ },
  lookup: { layers: ['detector', 'keys', 'records', 'resolver', 'store', 'search', 'sync'], packages: /^wxt\/browser$/ },
  annotator: { layers: ['detector'], packages: /^$/ },
  // Settings stamp their fields with lib/sync's hybrid logical clock (merged per field across browsers).
  settings: { layers: ['sync'], packages: /^wxt\/browser$/ },
  i18n: { layers: [], packages: /^wxt\/browser$/ },
  card: { layers: ['detector', 'keys', 'records', 'resolver', 'dataset', 'lookup', 'i18n', 'components'], packages: /^(preact|@floating-ui\/dom|wxt\/browser)$/ },
  // The record page (an extension page): its address, model and behaviour; cytoscape is loaded here only.
  record: { layers: ['detector', 'keys', 'records', 'resolver', 'lookup', 'i18n', 'card', 'components'], packages: /^(preact|cytoscape|wxt\/browser)$/ },
  page: { layers: ['card', 'record', 'annotator', 'lookup', 'settings', 'i18n', 'detector', 'keys', 'records', 'resolver', 'sync'], packages: /^wxt\/browser$/ },
  // The search page's behaviour: its address, history and lookups (components/search renders it).
  'search-page': { layers: ['search', 'lookup', 'i18n', 'records', 'keys', 'components'], packages: /^(preact|wxt\/browser)$/ },
  // The options page's behaviour: saving settings, permissions, what is stored (components/Options renders it).
  'options-page': { layers: ['settings', 'lookup', 'i18n', 'ui', 'components'], packages: /^(preact|wxt\/browser)$/ },
  // The extension pages' look (theme, language) from the settings.
  ui: { layers: ['settings', 'i18n'], packages: /^$/ },
  components: { layers: [], packages: /^preact(\/hooks)?$/ },
  // Saved references: merge, encoding for storage.sync, export/import. Pure but for one storage adapter file.
  sync: { layers: ['keys'], packages: /^(fflate|wxt\/browser)$/ },
};
/** The one file of lib/sync that may touch the browser's extension API. */
const SYNC_ADAPTER = 'lib/sync/browser-storage.ts';
/** Layers whose code runs in pages or anywhere: never the browser's extension API, never IndexedDB. */
const PURE = ['detector', 'keys', 'records', 'resolver', 'dataset', 'annotator', 'search'];

/** Source without comments. */
const code = (f: string) => readFileSync(join(ROOT, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');

const all = ['lib', 'components', 'entrypoints'].flatMap(files).flatMap(imports);

describe('import rules between layers', () => {
  it('finds the layers it checks', () => {
    const layers = new Set(all.map((i) => layerOf(i.file)));
    for (const l of ['detector', 'keys', 'records', 'dataset', 'resolver', 'store', 'lookup', 'annotator', 'card', 'record', 'page', 'components', 'entrypoints']) expect(layers).toContain(l);
  });

  it.each(Object.keys(ALLOWED))('%s imports only what its layer may', (layer) => {
    const rule = ALLOWED[layer]!;
    const bad = all
      .filter((i) => layerOf(i.file) === layer)
      .filter((i) => {
        const target = layerOf(i.target);
        if (target === layer) return false;
        if (target) {
          // Components take their props' types from lib; values (behaviour) come in as props only.
          if (layer === 'components' && i.typeOnly) return false;
          return !rule.layers.includes(target);
        }
        if (i.spec.startsWith('.') || i.spec.startsWith('@/')) return true; // outside lib/components/entrypoints
        return !rule.packages.test(i.spec);
      })
      .map((i) => `${i.file}: ${i.spec}`);
    expect(bad).toEqual([]);
  });

  it('keeps components free of lib/card, even its types (lib/card renders them: no cycle)', () => {
    const bad = all.filter((i) => layerOf(i.file) === 'components' && layerOf(i.target) === 'card').map((i) => `${i.file}: ${i.spec}`);
    expect(bad).toEqual([]);
  });

  it('keeps the browser API and IndexedDB out of the pure layers', () => {
    const offenders = PURE.flatMap((l) => files(`lib/${l}`)).filter((f) => /\bbrowser\.|\bchrome\.|indexedDB|from 'idb'/.test(code(f)));
    expect(offenders).toEqual([]);
  });

  it('keeps the browser API in lib/sync to its storage adapter', () => {
    const offenders = files('lib/sync').filter((f) => f !== SYNC_ADAPTER && /\bbrowser\.|\bchrome\.|indexedDB|from 'wxt\/browser'/.test(readFileSync(join(ROOT, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')));
    expect(offenders).toEqual([]);
  });

  it('keeps the detector free of the DOM', () => {
    const offenders = files('lib/detector').filter((f) => /\b(document|window|Node|HTMLElement|Range)\b\./.test(code(f)));
    expect(offenders).toEqual([]);
  });

  it('never lets the product depend on ../shared or Node modules', () => {
    const bad = all.filter((i) => i.spec.includes('shared/') || i.spec.startsWith('node:')).map((i) => `${i.file}: ${i.spec}`);
    expect(bad).toEqual([]);
  });

  it('keeps IndexedDB in one place (lib/store)', () => {
    const users = all.filter((i) => i.spec === 'idb').map((i) => layerOf(i.file));
    expect(new Set(users)).toEqual(new Set(['store']));
  });
});

describe('scripts and tests', () => {
  it('scripts never import tests/ (tests may import scripts/harness)', () => {
    const scriptFiles = (dir: string): string[] =>
      readdirSync(join(ROOT, dir)).flatMap((name) => {
        const p = join(dir, name);
        if (statSync(join(ROOT, p)).isDirectory()) return scriptFiles(p);
        return /\.(ts|tsx|mjs|js)$/.test(name) ? [p] : [];
      });
    const sources = scriptFiles('scripts');
    expect(sources).toContain(join('scripts', 'harness', 'chromium.ts'));
    const bad = sources.flatMap((file) =>
      [...readFileSync(join(ROOT, file), 'utf8').matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)]
        .map((m) => m[1]!)
        .filter((spec) => (spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), spec)) : spec).split('/')[0] === 'tests')
        .map((spec) => `${file}: ${spec}`),
    );
    expect(bad).toEqual([]);
  });
});

/** Every own source file's local imports (relative and '@/'), resolved to repository paths, type-only ones too. */
function importGraph(): Map<string, Set<string>> {
  const walk = (dir: string): string[] =>
    readdirSync(join(ROOT, dir)).flatMap((name) => {
      const p = join(dir, name);
      if (statSync(join(ROOT, p)).isDirectory()) return walk(p);
      return /\.(ts|tsx|mts|mjs)$/.test(name) && !/\.d\.m?ts$/.test(name) ? [p] : [];
    });
  const sources = ['lib', 'components', 'entrypoints', 'scripts', 'tests'].flatMap(walk);
  const known = new Set(sources);
  const resolveSpec = (from: string, spec: string): string | undefined => {
    const base = spec.startsWith('@/') ? spec.slice(2) : spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(from), spec)) : undefined;
    if (base === undefined) return undefined;
    for (const ext of ['', '.ts', '.tsx', '.mts', '.mjs', '/index.ts']) if (known.has(base + ext)) return base + ext;
    return undefined;
  };
  const graph = new Map<string, Set<string>>();
  for (const file of sources) {
    const out = new Set<string>();
    const src = readFileSync(join(ROOT, file), 'utf8');
    for (const m of src.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) {
      const to = resolveSpec(file, (m[1] ?? m[2] ?? m[3])!);
      if (to && to !== file) out.add(to);
    }
    graph.set(file, out);
  }
  return graph;
}

/** Strongly connected components with more than one node (Tarjan). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
      else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do { w = stack.pop()!; onStack.delete(w); component.push(w); } while (w !== v);
      if (component.length > 1) out.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

/** The unit of a file: lib/<folder>, or the top folder (components, entrypoints, scripts, tests). */
const unitOf = (file: string) => /^lib\/[^/]+/.exec(file)?.[0] ?? file.split('/')[0]!;

describe('no import cycles', () => {
  const graph = importGraph();

  it('reads the whole project', () => {
    expect(graph.size).toBeGreaterThan(150);
    expect([...graph.keys()].some((f) => f.startsWith('scripts/harness/'))).toBe(true);
  });

  it('between files', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('between layers and top folders (lib/<layer>, components, entrypoints, scripts, tests)', () => {
    const units = new Map<string, Set<string>>();
    for (const [file, targets] of graph) {
      const from = unitOf(file);
      if (!units.has(from)) units.set(from, new Set());
      for (const t of targets) if (unitOf(t) !== from) units.get(from)!.add(unitOf(t));
    }
    expect(cycles(units)).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself)', () => {
    const g = new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])], ['d', new Set(['a'])]]);
    expect(cycles(g)).toEqual([['a', 'b', 'c']]);
  });
});

describe('the product never imports scripts or tests', () => {
  it('lib, components and entrypoints import nothing from scripts/ or tests/', () => {
    const graph = importGraph();
    const bad = [...graph].flatMap(([file, targets]) =>
      /^(lib|components|entrypoints)\//.test(file) ? [...targets].filter((t) => /^(scripts|tests)\//.test(t)).map((t) => `${file} → ${t}`) : [],
    );
    expect(bad).toEqual([]);
  });
});
