import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_COLUMNS, formatRowError, parseDocuments } from '../../../lib/dataset/documents-file';
import { parseSites } from '../../../lib/dataset/sites-file';
import { subjectTitle } from '../../../lib/dataset/known-from-news';

const fixture = readFileSync(join(import.meta.dirname, '../../fixtures/dataset/data/documents.tsv'), 'utf8');
const header = fixture.split('\n')[0] as string;

/** A valid row as a column → value map, edited per case. */
const good: Record<string, string> = {
  id: '5-KL/TW@2020-01-02', code: '5-KL/TW', family: 'party', type_abbr: 'KL', type_name: 'Kết luận', number: '5',
  issuer_abbr: 'TW', issuer: 'Bộ Chính trị', date: '2020-01-02', term: 'XII', sources: 'https://example.org/a', confidence: 'secondary',
};
const row = (edit: Record<string, string>) => DOCUMENT_COLUMNS.map((c) => ({ ...good, ...edit })[c] ?? '').join('\t');
const body = fixture.replace(/\n+$/, '');
const withRow = (line: string) => `${body}\n${line}\n`;
const badLine = body.split('\n').length + 1;

describe('data/documents.tsv validation', () => {
  it('accepts the fixture and a good extra row', () => {
    const r = parseDocuments(withRow(row({})));
    expect(r.errors).toEqual([]);
    expect(r.documents.at(-1)).toMatchObject({ id: '5-KL/TW@2020-01-02', term: 'XII', confidence: 'secondary' });
  });

  it.each([
    ['a missing column', row({}).split('\t').slice(1).join('\t'), /expected 23 columns, found 22/],
    ['an empty code', row({ code: '' }), /empty code/],
    ['a duplicate id', row({ id: '35-CT/TW@2014-05-26', code: '35-CT/TW', number: '35' }), /duplicate id 35-CT\/TW@2014-05-26 \(first at line 2\)/],
    ['an id not starting with the code', row({ id: 'x@2020' }), /does not start with the code/],
    ['an unknown family', row({ family: 'city' }), /family must be party or state/],
    ['a number not matching the code', row({ number: '6' }), /number 6 does not match the code 5-KL\/TW/],
    ['a code without a number', row({ code: 'KL/TW', id: 'KL/TW@2020' }), /has no number/],
    ['an impossible date', row({ date: '2020-02-30' }), /not YYYY or a real YYYY-MM-DD/],
    ['a date in another format', row({ date: '02/01/2020' }), /not YYYY or a real YYYY-MM-DD/],
    ['a date contradicting the code year', row({ code: '100/2019/NĐ-CP', id: '100/2019/NĐ-CP@2018', number: '100', family: 'state', date: '2018' }), /contradicts the year in the code/],
    ['a term that is not a Roman numeral', row({ term: '13' }), /not a Roman numeral/],
    ['a bad plenum', row({ plenum: 'bảy' }), /plenum "bảy" is not a number/],
    ['an unknown confidence', row({ confidence: 'sure' }), /confidence must be one of/],
    ['no source at all', row({ sources: '' }), /no source address and no lead/],
    ['a source that is not an address', row({ sources: 'báo Nhân Dân' }), /source "báo Nhân Dân" is not an address/],
    ['a lead alone counted above news-only', row({ sources: '', lead: 'lead: a register listing' }), /lead alone must be news-only/],
    ['a status without its source', row({ status: 'hết hiệu lực' }), /status without status_source/],
    ['a malformed reading', row({ readings: 'date 2020-01-03' }), /is not field=value <sources>/],
    ['a reading of an unknown field', row({ readings: 'colour=red <https://example.org/b>' }), /reading field "colour" unknown/],
    ['a reading without sources', row({ readings: 'date=2020-01-03 <>' }), /needs source addresses/],
    ['a relation of an unknown kind', row({ relations: 'likes:35-CT/TW@2014-05-26' }), /is not kind:target-id/],
    ['a relation to an unknown document', row({ relations: 'implements:99-CT/TW@1999' }), /relation target 99-CT\/TW@1999 is not a document id/],
  ])('rejects %s with file:line and the reason', (_kind, line, reason) => {
    const r = parseDocuments(withRow(line));
    expect(r.errors.length).toBeGreaterThan(0);
    const message = formatRowError(r.errors[0]!);
    expect(message.startsWith(`data/documents.tsv:${badLine}: `)).toBe(true);
    expect(message).toMatch(reason);
    expect(r.documents.some((d) => d.id === good.id && line.includes('likes'))).toBe(false);
  });

  it('rejects a file missing a column in its header', () => {
    const r = parseDocuments(fixture.replace(header, header.replace('\tconfidence', '\tsure')));
    expect(r.errors.map(formatRowError)).toEqual(['data/documents.tsv:1: missing columns: confidence']);
  });
});

describe('data/sites.tsv validation', () => {
  const head = 'site\toutlet\tprovince\tsources\tnote\n';
  it.each([
    ['Báo Nam Định\tx\tNam Định\tseed:a.txt\t', /is not a host name/],
    ['www.baonamdinh.vn\tx\tNam Định\tseed:a.txt\t', /should be written as baonamdinh.vn/],
    ['baonamdinh.vn\tx\tNam Định\t\t', /no source/],
    ['baonamdinh.vn\tx\tNam Định\tmy memory\t', /is not a URL, corpus: or seed: reference/],
  ])('rejects %s', (line, reason) => {
    const r = parseSites(`${head}${line}\n`);
    expect(formatRowError(r.errors[0]!)).toMatch(/^data\/sites\.tsv:2: /);
    expect(formatRowError(r.errors[0]!)).toMatch(reason);
  });
  it('rejects a duplicate site', () => {
    const r = parseSites(`${head}a.vn\t\t\tseed:x.txt\t\na.vn\t\t\tseed:x.txt\t\n`);
    expect(r.errors.map(formatRowError)).toEqual(['data/sites.tsv:3: duplicate site a.vn (first at line 2)']);
  });
});

describe('known-from-news titles from cited subjects', () => {
  it.each([
    ['về việc tiếp tục thực hiện Nghị quyết số', 'về việc tiếp tục thực hiện'],
    ['về trợ giúp phát triển DNNVV và các văn bản hướng dẫn Nghị định số', 'về trợ giúp phát triển DNNVV'],
    ['về hỗ trợ người có công với cách mạng về nhà ở', 'về hỗ trợ người có công với cách mạng về nhà ở'],
    ['về việc', undefined],
    [undefined, undefined],
  ])('%s → %s', (subject, title) => expect(subjectTitle(subject)).toBe(title));
});
