/**
 * Properties of the detector over generated text (fast-check; seeds vary per run, a failure prints its seed and
 * the shrunk input): it never throws, every reference's offsets lie within the text in order and its raw is the
 * text between them; a code reads the same wherever it is put among other words, in NFC or NFD; and an invisible
 * character (soft hyphen, zero-width space or joiner) inside a code, or a non-breaking space inside its number,
 * either leaves the same code or no code at all: never another one (a number is never cut in two).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detector/detect';
import type { Reference } from '../../../lib/detector/types';

/** Moderate run counts: the suite runs on two shared cores in CI. */
const RUNS = 300;

const PARTY_TYPES = ['NQ', 'CT', 'KL', 'QĐ', 'HD', 'KH', 'TB', 'BC', 'QC', 'CTr'];
const PARTY_ISSUERS = ['TW', 'BTCTW', 'VPTW', 'BCĐTW', 'TU', 'HU', 'ĐU', 'QUTW', 'UBKTTW'];
const STATE_FORMS = ['NĐ-CP', 'QĐ-TTg', 'TT-BTC', 'NQ-CP', 'TTLT-BNV-VPCP', 'QĐ-UBND', 'TT-BGDĐT', 'NQ-HĐND'];
const WRITTEN = ['17-KH/TW', '35-CT/TW', '26-HD/BTCTW', '100/2019/NĐ-CP', '749/QĐ-TTg', '80/2015/QH13', '560/NQ-UBTVQH15', '367-QĐ/TWĐTN-VP', '4912/UBND-NC', '55/2005/TTLT-BNV-VPCP', '19-2017/NQ-CP', '05-CT/TW', '1/1990/QH14'];

const number = fc.integer({ min: 1, max: 99_999 }).map(String);
const partyCode = fc.tuple(number, fc.constantFrom(...PARTY_TYPES), fc.constantFrom(...PARTY_ISSUERS)).map(([n, t, i]) => `${n}-${t}/${i}`);
const stateCode = fc.tuple(number, fc.integer({ min: 1990, max: 2025 }), fc.constantFrom(...STATE_FORMS)).map(([n, y, f]) => `${n}/${y}/${f}`);
const writtenCode = fc.oneof(fc.constantFrom(...WRITTEN), partyCode, stateCode);

/** Words and pieces of news prose around a code (our own, generic), including type words, "số", dates and numbers. */
const WORDS = [
  'theo', 'của', 'Bộ Chính trị', 'Ban Bí thư', 'ngày 7-7-2023', 'năm 2020', 'về', 'việc', 'thực hiện', 'các cấp ủy',
  'Chỉ thị', 'Nghị quyết số', 'Quyết định', 'Kế hoạch số', 'Luật', 'khóa XII', 'Hà Nội', 'tỉnh', '5', '2021-2025', '12,5',
  ',', '.', ';', ':', '(', ')', '"', '–', 'và', 'đã', 'ban hành', 'Thông tư', 'số', 'được', 'Chính phủ', 'Tỉnh ủy', '30/4',
];
const prose = fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }).map((ws) => ws.join(' '));

const INVISIBLE = ['\u00AD', '\u200B', '\u200C', '\u200D'];

/** The code a written code reads as on its own (its normalized form), which every context must keep. */
function alone(code: string): string {
  const refs = detect(code);
  expect(refs, code).toHaveLength(1);
  expect(refs[0]!.code, code).toBeDefined();
  return refs[0]!.code!;
}

function checkOffsets(text: string, refs: Reference[]): void {
  let last = 0;
  for (const r of refs) {
    expect(Number.isInteger(r.start) && Number.isInteger(r.end)).toBe(true);
    expect(r.start).toBeGreaterThanOrEqual(0);
    expect(r.end).toBeGreaterThan(r.start);
    expect(r.end).toBeLessThanOrEqual(text.length);
    expect(r.raw).toBe(text.slice(r.start, r.end));
    expect(r.start).toBeGreaterThanOrEqual(last);
    last = r.start;
  }
}

describe('detector properties', () => {
  it('never throws; offsets lie within the text, in order, and raw is the text between them (any string)', () => {
    // Characters codes are made of, mixed with any others: shapes near codes are where rules could go wrong.
    const near = fc.constantFrom(...'0123456789-–/ \u00A0\u00AD\u200BNQCTĐKLHDTWUBPsốSốđịnhChỉthị\u0302\u0301\u031B&.,\n()'.split(''));
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ unit: near, maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 60 }));
    fc.assert(
      fc.property(text, (s) => {
        const refs = detect(s);
        checkOffsets(s, refs);
      }),
      { numRuns: RUNS },
    );
  });

  it('a code reads the same wherever it stands among other words, at the offsets where it was put', () => {
    fc.assert(
      fc.property(prose, writtenCode, prose, (before, code, after) => {
        const want = alone(code);
        const head = before ? `${before} ` : '';
        const text = `${head}${code} ${after}`;
        const refs = detect(text);
        checkOffsets(text, refs);
        const at = refs.find((r) => r.start === head.length);
        expect(at?.code, text).toBe(want);
        expect(at?.raw).toBe(code);
      }),
      { numRuns: RUNS },
    );
  });

  it('NFC and NFD text read the same codes', () => {
    fc.assert(
      fc.property(prose, writtenCode, prose, (before, code, after) => {
        const text = `${before} ${code} ${after}`.normalize('NFC');
        const codes = (s: string) => detect(s).map((r) => r.code ?? `(${r.number})`);
        expect(codes(text.normalize('NFD')), text).toEqual(codes(text));
      }),
      { numRuns: RUNS },
    );
  });

  it('an invisible character inside a code, or a non-breaking space inside its number, reads the same code or none, never another', () => {
    const placed = writtenCode.chain((code) => {
      const digits = /^\d+/.exec(code)![0].length;
      const invisible = fc.tuple(fc.integer({ min: 1, max: code.length - 1 }), fc.constantFrom(...INVISIBLE));
      // A non-breaking space is a visible space: inside the number only (between two of its digits).
      const nbsp = fc.tuple(fc.integer({ min: 1, max: Math.max(1, digits - 1) }), fc.constant('\u00A0'));
      const where = digits > 1 ? fc.oneof(invisible, nbsp) : invisible;
      return fc.tuple(fc.constant(code), where);
    });
    fc.assert(
      fc.property(prose, placed, prose, (before, [code, [at, mark]], after) => {
        const want = alone(code);
        const wantNumber = Number(/^\d+/.exec(want)![0]);
        const head = before ? `${before} ` : '';
        const written = code.slice(0, at) + mark + code.slice(at);
        const text = `${head}${written} ${after}`;
        const refs = detect(text);
        checkOffsets(text, refs);
        const from = head.length;
        const to = from + written.length;
        for (const r of refs.filter((x) => x.start < to && x.end > from)) {
          // Bare references (no code) overlapping the code must read its whole number, not a piece of it.
          if (r.code === undefined) expect(Number(r.number), `${JSON.stringify(text)} → ${r.raw}`).toBe(wantNumber);
          else expect(r.code, JSON.stringify(text)).toBe(want);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('the cases the property found: a number is never cut in two by an invisible character', () => {
    const codesIn = (s: string) => detect(s).map((r) => r.code ?? `(${r.number})`);
    // Soft hyphen and zero-width characters inside the number: not 5-CT/TW, 05-CT/TW, nor Chỉ thị số 3.
    for (const mark of [...INVISIBLE, '\u00A0']) {
      expect(codesIn(`Chỉ thị số 3${mark}5-CT/TW của Bộ Chính trị`), JSON.stringify(mark)).toEqual([]);
      expect(codesIn(`Quyết định 7${mark}49/QĐ-TTg`), JSON.stringify(mark)).toEqual([]);
    }
    // Inside the issuer's digits: not QH1.
    expect(codesIn('Luật số 1/1990/QH1\u00AD4 ngày 30 tháng 6 năm 1990')).toEqual([]);
    // Elsewhere inside a code the invisible character is dropped, the code read whole.
    expect(codesIn('Chỉ thị 35\u00AD-CT/TW và Chỉ thị 35-C\u200BT/TW')).toEqual(['35-CT/TW', '35-CT/TW']);
    // A number after a plain space is another number, as before.
    expect(codesIn('Quyết định số 749/QĐ-TTg')).toEqual(['749/QĐ-TTg']);
  });
});
