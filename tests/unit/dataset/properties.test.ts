/**
 * Properties of the dataset's importers and bundle over generated input (fast-check):
 * - TSV: what formatTsv writes, parseTsv reads back, cell for cell (tabs and line breaks inside cells as spaces);
 *   data/documents.tsv's rows written again by formatTsv parse to the same documents;
 * - documents.tsv: malformed input never throws, and a malformed line among good rows is reported at its line
 *   and changes none of the documents the good rows give;
 * - bundle: encode then check and decode gives the dataset back; any cut or any changed byte is refused with a
 *   named DatasetIntegrityError, never read as another dataset.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeDataset, encodeDataset } from '../../../lib/dataset/bundle';
import { parseDocuments } from '../../../lib/dataset/documents-file';
import { formatTsv, parseTsv } from '../../../lib/dataset/tsv';
import { DatasetIntegrityError, verifyBundle } from '../../../lib/store/dataset-integrity';
import { doc, fixtureDataset } from '../../helpers/dataset-fixture';

const RUNS = 200;
const repo = join(import.meta.dirname, '../../..');
const documentsText = readFileSync(join(repo, 'data/documents.tsv'), 'utf8');
const documentsTable = parseTsv(documentsText);
const documentLines = documentsText.split('\n');
const headerLine = documentLines[0]!;
/** The file's row lines (not comments or blank lines). */
const rowLines = documentLines.slice(1).filter((l) => l.trim() !== '' && !l.startsWith('#'));

/** What a cell becomes once written: tabs and line breaks as one space, trimmed (formatTsv's rule). */
const written = (v: string) => v.replace(/[\t\r\n]+/g, ' ').trim();

describe('TSV round trip', () => {
  it('parseTsv reads back what formatTsv writes, for any cells', () => {
    const name = fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !/[\t\r\n]/.test(s) && s.trim() === s && s !== '');
    const table = fc.uniqueArray(name, { minLength: 1, maxLength: 6 }).chain((header) =>
      fc.tuple(
        fc.constant(header),
        fc.array(fc.tuple(...header.map(() => fc.string({ unit: 'grapheme', maxLength: 20 }))), { maxLength: 8 }),
      ),
    );
    fc.assert(
      fc.property(table, ([header, rows]) => {
        // A line whose first cell is empty-looking or starts with '#' is a comment or blank: not a row.
        const kept = rows.filter((cells) => {
          const line = cells.map(written).join('\t');
          return line.trim() !== '' && !line.startsWith('#');
        });
        const records = rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));
        const parsed = parseTsv(formatTsv(header, records));
        expect(parsed.header).toEqual(header);
        expect(parsed.shapeErrors).toEqual([]);
        expect(parsed.rows.map((r) => header.map((h) => r.cells[h]))).toEqual(kept.map((cells) => cells.map(written)));
      }),
      { numRuns: RUNS },
    );
  });

  it('documents.tsv rows written again by formatTsv give the same documents', () => {
    const subset = fc.subarray(documentsTable.rows, { minLength: 1, maxLength: 25 });
    fc.assert(
      fc.property(subset, (rows) => {
        const original = [headerLine, ...rows.map((r) => documentLines[r.line - 1]!)].join('\n') + '\n';
        const again = formatTsv(documentsTable.header, rows.map((r) => r.cells));
        expect(parseDocuments(again).documents).toEqual(parseDocuments(original).documents);
      }),
      { numRuns: 100 },
    );
  });
});

describe('documents.tsv with malformed input', () => {
  it('never throws on any text, with or without the header', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ maxLength: 300 }).map((s) => `${headerLine}\n${s.replace(/\|/g, '\t')}`));
    fc.assert(
      fc.property(text, (s) => {
        const { documents, errors } = parseDocuments(s);
        expect(Array.isArray(documents) && Array.isArray(errors)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('a malformed line among good rows is reported at its line and changes none of the other documents', () => {
    // Any line: random cells joined by tabs (any count, so both shape errors and bad values are tried).
    const garbage = fc
      .array(fc.string({ maxLength: 30 }).map((s) => s.replace(/[\t\r\n]/g, ' ')), { minLength: 1, maxLength: 30 })
      .map((cells) => cells.join('\t'))
      .filter((line) => line.trim() !== '' && !line.startsWith('#'));
    const input = fc.tuple(fc.subarray(rowLines, { minLength: 1, maxLength: 20 }), garbage, fc.nat());
    fc.assert(
      fc.property(input, ([rows, bad, at]) => {
        const where = at % (rows.length + 1);
        const clean = parseDocuments([headerLine, ...rows].join('\n') + '\n');
        const mixed = [...rows.slice(0, where), bad, ...rows.slice(where)];
        const out = parseDocuments([headerLine, ...mixed].join('\n') + '\n');
        expect(out.documents).toEqual(clean.documents);
        expect(out.errors.some((e) => e.line === where + 2), `${bad} at line ${where + 2}`).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('bundle round trip', () => {
  const text = fc.string({ unit: 'grapheme', maxLength: 40 });
  const dataset = fc
    .array(fc.tuple(fc.integer({ min: 1, max: 999 }), text, text), { maxLength: 30 })
    .map((rows) => {
      const base = fixtureDataset('v-prop');
      const extra = rows.map(([n, title, issuer], i) => doc({ id: `${n}-CT/TW@gen-${i}`, code: `${n}-CT/TW`, title, issuer }));
      return { ...base, documents: [...base.documents, ...extra] };
    });

  it('encode, check and decode give the dataset back', async () => {
    await fc.assert(
      fc.asyncProperty(dataset, async (ds) => {
        const { bytes, manifest } = encodeDataset(ds);
        expect(decodeDataset(bytes, manifest.encoding)).toEqual(ds);
        expect(await verifyBundle(manifest, bytes)).toEqual(ds);
      }),
      { numRuns: 100 },
    );
  });

  it('any cut or any changed byte is refused with a named kind, never read as a dataset', async () => {
    await fc.assert(
      fc.asyncProperty(dataset, fc.nat(), fc.integer({ min: 1, max: 255 }), fc.boolean(), async (ds, at, xor, cut) => {
        const { bytes, manifest } = encodeDataset(ds);
        const i = at % bytes.length;
        let broken: Uint8Array;
        if (cut) {
          broken = bytes.slice(0, i);
        } else {
          broken = bytes.slice();
          broken[i] = broken[i]! ^ xor;
        }
        const error = await verifyBundle(manifest, broken).then(() => undefined, (e: unknown) => e);
        expect(error).toBeInstanceOf(DatasetIntegrityError);
        expect((error as DatasetIntegrityError).kind).toBe(cut ? 'truncated' : i < 3 && manifest.encoding === 'gzip' ? 'not-gzip' : 'hash-mismatch');
      }),
      { numRuns: 100 },
    );
  });
});
