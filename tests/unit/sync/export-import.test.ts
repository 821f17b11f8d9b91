import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { parse as parseCsv } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportAs } from '@/lib/sync/export';
import { exportItem, type ExportItem } from '@/lib/sync/export/export-item';
import { CSV_COLUMNS } from '@/lib/sync/export/csv';
import { ImportError, matchInputs, parseImportFile, type Matcher } from '@/lib/sync/export/import-file';
import { createClock } from '@/lib/sync/hlc';
import { liveReferences, saveReference, type SavedState } from '@/lib/sync/merge';
import { SavedStore } from '@/lib/sync/saved-store';
import { realisticLibrary } from '../../../scripts/harness/saved-library';
import { ManualScheduler, MemoryArea } from '../../helpers/sync-area';

const NOW = Date.UTC(2026, 11, 1, 9);

/** The dataset's facts per id, from data/documents.tsv (what the lookup would answer). */
const DOCS = new Map(
  readFileSync(resolve(import.meta.dirname, '../../../data/documents.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split('\t'))
    .map((c) => [c[0]!, { code: c[1]!, typeName: c[4] || undefined, issuer: c[7] || undefined, date: c[8] || undefined, title: c[12] || undefined }] as const),
);

/** Matches by code and date (here over the TSV): the document of that code and date, or the only one of that code. */
const matcher: Matcher = async (queries) =>
  queries.map((q) => {
    const same = [...DOCS].filter(([, d]) => d.code === q.code);
    return (same.find(([, d]) => q.date && d.date === q.date) ?? (same.length === 1 ? same[0] : undefined))?.[0];
  });

function library(count: number): { state: SavedState; items: ExportItem[] } {
  let state: SavedState = new Map();
  let clock = createClock('e1');
  const inputs = realisticLibrary(count, 21);
  // The hard cases: quotes, commas, line breaks, TeX specials, a formula, braces in an address.
  inputs[0] = { ...inputs[0]!, note: 'Ghi chú "quan trọng", dòng 1\ndòng 2; 50% & $ # _ {x} \\ ~ ^', tags: ['cán bộ', 'đất đai'], url: 'https://baotest.vn/bài?a=1&b={2}#đoạn' };
  inputs[1] = { ...inputs[1]!, note: '=HYPERLINK("x")', tags: [] };
  for (const input of inputs) ({ state, clock } = saveReference(state, clock, input, input.savedAt));
  const items = liveReferences(state).map((ref) => exportItem(ref, ref.docId ? DOCS.get(ref.docId) : undefined));
  return { state, items };
}

/**
 * The exported CSV read back by csv-parse (an independent RFC 4180 parser from npm, not ours), from the UTF-8 bytes a
 * spreadsheet would get: the byte-order mark is taken off by the parser (bom), quotes, commas and line breaks in cells
 * are its to undo.
 */
function readCsv(text: string): string[][] {
  const bytes = Buffer.from(text, 'utf8');
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(bytes, { bom: true, relax_column_count: false, record_delimiter: '\r\n' }) as string[][];
}

const strip = <T extends Record<string, unknown>>(o: T) => {
  const { _graph, ...rest } = o as T & { _graph?: unknown };
  return rest;
};

describe('export', () => {
  const { items } = library(60);
  const tricky = items.find((x) => x.ref.note.startsWith('Ghi chú "quan'))!;
  const known = items.find((x) => x.ref.docId && x.title && x.issuer && x.date?.length === 10)!;

  it('CSV: UTF-8 with BOM, every field back as written by csv-parse (a formula made text)', () => {
    const text = exportAs('csv', items, NOW);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = readCsv(text);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(items.length + 1);
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    const row = rows[items.indexOf(tricky) + 1]!;
    expect(row[col('note')]).toBe(tricky.ref.note);
    expect(row[col('tags')]).toBe('cán bộ; đất đai');
    expect(row[col('page_url')]).toBe(tricky.ref.url);
    const krow = rows[items.indexOf(known) + 1]!;
    expect([krow[col('code')], krow[col('title')], krow[col('issuer')], krow[col('date')]]).toEqual([known.ref.code, known.title, known.issuer, known.date]);
    const formula = rows.find((r) => r[col('note')]!.includes('HYPERLINK'))!;
    expect(formula[col('note')]).toBe(`'=HYPERLINK("x")`);
  });

  it('CSL-JSON: read by citation-js as legislation with title, number, issued, authority, URL and note', async () => {
    const cite = await Cite.async(exportAs('csl', items, NOW));
    const data = cite.data.map(strip) as Array<Record<string, unknown>>;
    expect(data).toHaveLength(items.length);
    const k = data[items.indexOf(known)]!;
    const [y, m, d] = known.date!.split('-').map(Number);
    expect(k).toMatchObject({ type: 'legislation', title: known.title, number: known.ref.code, authority: known.issuer, URL: known.ref.url, issued: { 'date-parts': [[y, m, d]] } });
    expect(data[items.indexOf(tricky)]).toMatchObject({ note: tricky.ref.note, keyword: 'cán bộ, đất đai', URL: tricky.ref.url });
  });

  it('RIS: read by citation-js; GOVDOC with title, code, year, issuing body, page address, note and tags', async () => {
    const text = exportAs('ris', items, NOW);
    expect(text.split('\r\n').filter((l) => l === 'TY  - GOVDOC')).toHaveLength(items.length);
    const cite = await Cite.async(text, { forceType: '@ris/file' });
    const data = cite.data as Array<Record<string, unknown>>;
    expect(data).toHaveLength(items.length);
    const k = data[items.indexOf(known)]!;
    expect(k).toMatchObject({ title: known.title, number: known.ref.code, URL: known.ref.url, author: [{ literal: known.issuer }] });
    expect((k.issued as { 'date-parts': number[][] })['date-parts'][0]![0]).toBe(Number(known.date!.slice(0, 4)));
    const t = data[items.indexOf(tricky)]!;
    // RIS is one line per value: the note's line break becomes a space.
    expect(t.note).toBe(tricky.ref.note.replace('\n', ' '));
    expect(t.keyword).toBe('cán bộ,đất đai');
  });

  it('BibTeX: @misc read by citation-js, Vietnamese letters as UTF-8, TeX specials escaped and read back', async () => {
    const text = exportAs('bibtex', items, NOW);
    expect(text.match(/^@misc\{/gm)).toHaveLength(items.length);
    expect(text).toContain(known.title!); // UTF-8, not TeX accent macros
    const cite = await Cite.async(text, { forceType: '@biblatex/text' });
    const data = cite.data as Array<Record<string, unknown>>;
    expect(data).toHaveLength(items.length);
    const k = data[items.indexOf(known)]!;
    const [y, m, d] = known.date!.split('-').map(Number);
    // citation-js maps no "number" for @misc: the field is checked in the text.
    expect(k).toMatchObject({ title: known.title, publisher: known.issuer, URL: known.ref.url, issued: { 'date-parts': [[y, m, d]] } });
    expect(text).toContain(`number = {${known.ref.code}}`);
    const t = data[items.indexOf(tricky)]!;
    expect(t.note).toBe(tricky.ref.note.replace('\n', ' '));
    expect(t.URL).toBe(tricky.ref.url.replace('{', '%7B').replace('}', '%7D'));
    expect(t.keyword).toBe('cán bộ,đất đai');
  });
});

describe('import', () => {
  it("the library's own JSON comes back as the same library, with no duplicates on a second import", async () => {
    const { state, items } = library(80);
    const parsed = parseImportFile(exportAs('json', items, NOW), NOW);
    expect(parsed.format).toBe('library');
    const scheduler = new ManualScheduler(NOW);
    const store = await SavedStore.open({ storage: { local: new MemoryArea() }, scheduler, newNode: () => 'i1' });
    expect(await store.saveMany(await matchInputs(parsed.inputs, matcher))).toEqual({ added: 80, updated: 0 });
    const strip = (r: { key: string; note: string; tags: string[]; url: string; docId?: string; code: string; savedAt: number }) => [r.key, r.note, r.tags, r.url, r.docId, r.code, r.savedAt];
    expect(store.list().map(strip).sort()).toEqual(liveReferences(state).map(strip).sort());
    expect(await store.saveMany(parsed.inputs)).toEqual({ added: 0, updated: 80 });
  });

  it('CSL-JSON (ours or a reference manager’s): matched to dataset documents by code and date, the rest kept as unknown codes', async () => {
    const { items } = library(40);
    const parsed = parseImportFile(exportAs('csl', items, NOW), NOW);
    const inputs = await matchInputs(parsed.inputs, matcher);
    const keys = new Set(items.map((x) => x.ref.key));
    const { state } = inputs.reduce((acc, input) => saveReference(acc.state, acc.clock, input, NOW), { state: new Map() as SavedState, clock: createClock('i2') });
    // Known documents found again by code and date: the same keys as the exported references.
    const knownKeys = items.filter((x) => x.ref.docId && x.date).map((x) => x.ref.key);
    for (const x of items.filter((x) => x.ref.docId && x.date)) expect(state.has(x.ref.key), `${x.ref.docId} ${x.date}`).toBe(true);
    expect([...state.keys()].filter((k) => keys.has(k)).length).toBeGreaterThanOrEqual(knownKeys.length);
    // A Zotero-style item: a decree the dataset may not hold, author as the issuing body, no address.
    const zotero = JSON.stringify([
      { id: 'http://zotero.org/users/1/items/ABC', type: 'bill', title: 'Nghị định 100/2019/NĐ-CP quy định xử phạt vi phạm hành chính', author: [{ literal: 'Chính phủ' }], issued: { 'date-parts': [['2019', '12', '30']] }, note: 'Đã đọc', keyword: 'giao thông; xử phạt' },
      { id: 'x2', type: 'legislation', title: 'Chỉ thị về công tác cán bộ', number: '9999-CT/TW', issued: { raw: '2031-02-03' } },
    ]);
    const z = await matchInputs(parseImportFile(zotero, NOW).inputs, matcher);
    expect(z[0]).toMatchObject({ code: '100/2019/NĐ-CP', url: '', note: 'Đã đọc', tags: ['giao thông', 'xử phạt'], page: { date: '2019-12-30', issuer: 'Chính phủ' } });
    expect(z[1]).toMatchObject({ code: '9999-CT/TW', page: { date: '2031-02-03', title: 'Chỉ thị về công tác cán bộ' } });
    expect(z[1]!.docId).toBeUndefined();
    // A number with a letter after it keeps its letter, in the number field and in a title.
    const lettered = JSON.stringify([
      { type: 'legislation', number: '30a/2008/NQ-CP', issued: { 'date-parts': [[2008, 12, 27]] } },
      { type: 'legislation', title: 'Nghị quyết số 30a/2008/NQ-CP về chương trình giảm nghèo' },
    ]);
    expect(parseImportFile(lettered, NOW).inputs.map((x) => x.code)).toEqual(['30a/2008/NQ-CP', '30a/2008/NQ-CP']);
  });

  it.each([
    ['not JSON', '{"a":', /not JSON/],
    ['an item without a code', JSON.stringify([{ type: 'legislation', number: '35-CT/TW' }, { type: 'book', title: 'Sách' }]), /item 2, field "number": no document code/],
    ['a bad date', JSON.stringify([{ number: '35-CT/TW' }, { number: '1-CT/TW' }, { number: '2-CT/TW', issued: { 'date-parts': [['x']] } }]), /item 3, field "issued"/],
    ['a newer library version', JSON.stringify({ format: 'vanban-lens/saved-references', version: 9, references: [] }), /version 9/],
    ['a library item with tags that are not texts', JSON.stringify({ format: 'vanban-lens/saved-references', version: 1, references: [{ code: '35-CT/TW', url: 'https://a.vn', savedAt: '2026-01-01T00:00:00Z', tags: [1] }] }), /item 1, field "tags"/],
    ['something else', JSON.stringify({ hello: 1 }), /neither/],
    ['a script address', JSON.stringify([{ number: '35-CT/TW', URL: 'javascript:alert(1)' }]), /item 1, field "URL": must be an http or https address/],
  ])('a malformed file (%s) is refused with the item and field, and the library is left as it was', async (_name, text, error) => {
    const scheduler = new ManualScheduler(NOW);
    const local = new MemoryArea();
    const store = await SavedStore.open({ storage: { local }, scheduler, newNode: () => 'i3' });
    await store.saveMany(realisticLibrary(5, 2));
    const before = JSON.stringify(await local.get(null));
    const attempt = async () => store.saveMany(await matchInputs(parseImportFile(text, NOW).inputs, matcher));
    await expect(attempt()).rejects.toThrow(ImportError);
    await expect(attempt()).rejects.toThrow(error);
    expect(JSON.stringify(await local.get(null))).toBe(before);
  });
});

describe('matching imported items to dataset documents', () => {
  it('by code however typed and a compatible date; several or none is no match', async () => {
    const { documentMatcher } = await import('@/lib/sync/export/match-documents');
    const match = documentMatcher([
      { id: '35-CT/TW@2014-05-30', code: '35-CT/TW', date: '2014-05-30' },
      { id: '35-CT/TW@2019-05-30', code: '35-CT/TW', date: '2019-05-30' },
      { id: '100/2019/NĐ-CP', code: '100/2019/NĐ-CP', date: '2019-12-30' },
      { id: '01-CT/TW@khóa-XII', code: '01-CT/TW' },
    ]);
    expect(
      match([
        { code: '35-CT/TW', date: '2019-05-30' },
        { code: '35 - CT/TƯ', date: '2014' },
        { code: '35-CT/TW' },
        { code: '35-CT/TW', date: '2024-06-14' },
        { code: '100/2019/NÐ-CP' },
        { code: '01-CT/TW' },
        { code: '9-CT/TW' },
      ]),
    ).toEqual(['35-CT/TW@2019-05-30', '35-CT/TW@2014-05-30', undefined, undefined, '100/2019/NĐ-CP', '01-CT/TW@khóa-XII', undefined]);
  });
});
