import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detector/detect';
import type { MentionRecord } from '../../../lib/records/schema';
import { evaluate, figures, formatReport, judge, kindOf, parseLabels, sameIssuer, type Label } from '../../../scripts/lib/eval-set';
import { runEval } from '../../../scripts/lib/eval-run';

const repo = join(import.meta.dirname, '../../..');
const corpus = join(repo, '../shared/data/corpus');
/** The raw corpus lives beside the clone (../shared, as in CI): these checks run always, and fail without it. */

const tsv = readFileSync(join(repo, 'data/eval/references.tsv'), 'utf8');

describe('the evaluation set (data/eval/references.tsv)', () => {
  const { labels, errors } = parseLabels(tsv);

  it('parses without errors and is big enough: at least 300 references in at least 100 articles', () => {
    expect(errors).toEqual([]);
    expect(labels.length).toBeGreaterThanOrEqual(300);
    expect(new Set(labels.map((l) => l.articleId)).size).toBeGreaterThanOrEqual(100);
    expect(labels.every((l) => l.basis.length > 0 && l.basis.length <= 200)).toBe(true);
  });

  it('points at the code in the article text, as the detector normalizes it', () => {
    const bad: string[] = [];
    for (const l of labels) {
      const text = readFileSync(join(corpus, 'articles', `${l.articleId}.txt`), 'utf8');
      const slice = text.slice(l.start, l.end);
      const normalized = detect(slice).some((r) => r.code === l.code && r.start === 0 && r.end === slice.length);
      if (slice !== l.code && !normalized) bad.push(`${l.articleId}@${l.start}: "${slice}" is not ${l.code}`);
    }
    expect(bad).toEqual([]);
  });

  it('stores facts, never article text: no basis repeats six words of its article', () => {
    const words = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const copied: string[] = [];
    for (const l of labels) {
      const article = ` ${words(readFileSync(join(corpus, 'articles', `${l.articleId}.txt`), 'utf8')).join(' ')} `;
      const b = words(l.basis);
      for (let i = 0; i + 6 <= b.length; i++) {
        if (article.includes(` ${b.slice(i, i + 6).join(' ')} `)) { copied.push(`${l.articleId}@${l.start}: ${l.basis}`); break; }
      }
    }
    expect(copied).toEqual([]);
    expect(tsv.split('\n').every((line) => line.length < 600)).toBe(true);
  });

  it('data/eval-report.md is what npm run eval gives for the current code (fails when stale)', () => {
    const run = runEval(repo);
    expect(run.errors).toEqual([]);
    expect(run.report).toBe(readFileSync(join(repo, 'data/eval-report.md'), 'utf8'));
  });
});

describe('scoring (a tiny hand-made example)', () => {
  const header = 'article_id\tstart\tend\tcode\texpected\tbasis\tstated_date\tstated_issuer';
  const rows = [
    'a1\t10\t18\t35-CT/TW\t35-CT/TW@2019-05-30\tdate 30-5-2019 stated\t2019-05-30\tBộ Chính trị', // right
    'a1\t40\t48\t35-CT/TW\t35-CT/TW@2019-05-30\tsame directive\t\t', // undecided (ambiguous)
    'a1\t60\t68\t09-NQ/TU\tnone\tother province\t\tTỉnh ủy Thanh Hóa', // wrong (resolved although none)
    'a2\t0\t12\tNghị định 67\t67/2014/NĐ-CP ; 67/NĐ-CP\ttwo records of one decree\t\t', // right (second id)
    'a2\t30\t42\tNghị định 89\tnone\tnot in dataset\t\t', // right (unresolved)
    'a2\t50\t62\tNghị định 99\t99/2019/NĐ-CP\tmissed\t\t', // undecided (not detected)
    'a2\t70\t80\tĐề án 896\tnot-a-reference\ta committee name\t\t', // false positive
    'a3\t5\t13\t04-NQ/TW\tundecidable\t04 or 05\t\t', // not scored
    'a3\t20\t28\t01-NQ/TW\t01-NQ/TW@x\twrong id\t2020\t', // wrong (another id)
  ];
  const { labels, errors } = parseLabels([header, ...rows].join('\n') + '\n');
  const m = (articleId: string, start: number, end: number, status: MentionRecord['status'], extra: Partial<MentionRecord> = {}): MentionRecord =>
    ({ articleId, start, end, raw: 'x', status, ...extra });
  const mentions: MentionRecord[] = [
    m('a1', 10, 18, 'resolved', { documentId: '35-CT/TW@2019-05-30', date: '2019-05-30', issuerName: 'Bộ Chính trị' }),
    m('a1', 40, 48, 'ambiguous', { candidates: ['35-CT/TW@2019-05-30', '35-CT/TW@2014-05-30'], date: '2014' }),
    m('a1', 60, 68, 'resolved', { documentId: '09-NQ/TU@Nam Định~news', reasons: [{ kind: 'onlyKnownCode' }], issuerName: 'Tỉnh ủy' }),
    m('a2', 0, 12, 'resolved', { documentId: '67/NĐ-CP' }),
    m('a2', 31, 41, 'unresolved'), // overlapping span counts as found
    m('a2', 70, 80, 'unresolved'),
    m('a3', 5, 13, 'resolved', { documentId: '04-NQ/TW@2016-10-30' }),
    m('a3', 20, 28, 'resolved', { documentId: '01-NQ/TW@y', date: '2021' }),
    m('a9', 0, 5, 'resolved', { documentId: 'z' }), // in an unlabelled article: not counted
  ];
  const outcomes = evaluate(labels, mentions);

  it('judges each reference', () => {
    expect(errors).toEqual([]);
    expect(outcomes.map((o) => o.verdict)).toEqual([
      'right', 'undecided', 'wrong', 'right', 'right', 'undecided', 'not-a-reference', 'undecidable', 'wrong',
    ]);
    expect(outcomes[5]?.cause).toBe('not detected');
    expect(outcomes[1]?.cause).toContain('ambiguous');
  });

  it('counts right, wrong, undecided, precision, recall, dates and issuers', () => {
    const f = figures(outcomes, mentions);
    expect([f.references, f.articles, f.scored, f.right, f.wrong, f.undecided, f.undecidable]).toEqual([9, 3, 7, 3, 2, 2, 1]);
    expect(f.detection).toEqual({
      detected: 8, truePositives: 7, falsePositives: 1, unlabelled: 0, references: 8, found: 7, precision: 7 / 8, recall: 7 / 8,
    });
    // stated dates: a1@10 read right; a3@20 "2020" read as "2021"; a1@40 states none but the detector read one
    expect(f.dates).toEqual({ stated: 2, readRight: 1, readWrong: 1, missed: 0, invented: 1 });
    // stated issuers: a1@10 exact; a1@60 "Tỉnh ủy" is part of "Tỉnh ủy Thanh Hóa"
    expect(f.issuers).toEqual({ stated: 2, readRight: 2, readWrong: 0, missed: 0, invented: 0 });
  });

  it('writes every wrong answer with its cause into the report', () => {
    const report = formatReport(outcomes, mentions, 'v');
    expect(report).toContain('Right: **3 (42.9 %)**');
    expect(report).toContain('Wrong: **2 (28.6 %)**');
    expect(report).toContain('Undecided: **2 (28.6 %)**');
    expect(report).toContain('| a1 @60 "x" | resolved to 09-NQ/TU@Nam Định~news | only known document with this code | none | other province | the only record with this code; the document meant is not in the dataset |');
    expect(report).toContain('a2 @50 "Nghị định 99": not detected');
  });

  it('sorts references into kinds by their code', () => {
    expect(kindOf('35-CT/TW')).toBe('Party code, central');
    expect(kindOf('02-NQ/TU')).toBe('Party code, local');
    expect(kindOf('100/2019/NĐ-CP')).toBe('state code, central');
    expect(kindOf('669/QĐ-UBND')).toBe('state code, local');
    expect(kindOf('Nghị quyết Trung ương 4 khóa XII')).toBe('short or plenum name');
    const report = formatReport(outcomes, mentions, 'v');
    expect(report).toContain('| Party code, central | 4 | 1 | 1 | 1 | 1 |');
    expect(report).toContain('| Party code, local | 1 | 0 | 1 | 0 | 0 |');
  });

  it('reads issuers strictly: a longer reading is not the stated name', () => {
    expect(sameIssuer('Thành ủy Hà Nội', 'Thành ủy')).toBe(true);
    expect(sameIssuer('Chính phủ', 'Chính phủ định')).toBe(false);
    expect(sameIssuer('Bộ Chính trị', '')).toBe(false);
  });

  it('rejects malformed rows with their line numbers', () => {
    const bad = parseLabels([header, 'a1\t5\t3\tX\tnone\tb\t\t', 'a1\t1\t3\tX\t\tb\t\t', 'a1\t1\t3\tX\tnone\tb\t30-5-2019\t'].join('\n'));
    expect(bad.errors).toEqual(['line 2: bad offsets 5-3', 'line 3: empty expected', 'line 4: stated_date "30-5-2019" is not YYYY[-MM[-DD]]']);
    const l = bad.labels[0] as Label | undefined;
    expect(l).toBeUndefined();
    expect(judge({ ...(labels[0] as Label) }, undefined).verdict).toBe('undecided');
  });
});
