import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_COLUMNS, formatRowError, impliedIssuers, isOfficialAddress, parseDocuments } from '../../../lib/dataset/documents-file';
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
    ['a status in free text', row({ status: 'hết hiệu lực 2020-04-15', status_source: 'https://example.org/s' }), /status "hết hiệu lực 2020-04-15" is not in the form/],
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

describe('build-time rules: official confidence, issuer implied by the code, one document per code', () => {
  const errorsOf = (...lines: string[]) => parseDocuments(`${body}\n${lines.join('\n')}\n`).errors.map(formatRowError);
  const state = (edit: Record<string, string>) => row({
    id: '12/2020/NĐ-CP@2020-03-04', code: '12/2020/NĐ-CP', family: 'state', type_abbr: 'NĐ', type_name: 'Nghị định', number: '12',
    issuer_abbr: 'CP', issuer: 'Chính phủ', date: '2020-03-04', term: '', ...edit,
  });

  it('knows the official portals by host, not by .gov.vn or dcs.vn', () => {
    expect(isOfficialAddress('https://vanban.chinhphu.vn/?pageid=1&docid=2')).toBe(true);
    expect(isOfficialAddress('https://www.vbpl.vn/tw/Pages/vbpq-toanvan.aspx?ItemID=1')).toBe(true);
    expect(isOfficialAddress('https://tulieuvankien.dangcongsan.vn/he-thong-van-ban/x')).toBe(true);
    expect(isOfficialAddress('https://benhvien.gov.vn/tin-tuc/x')).toBe(false);
    expect(isOfficialAddress('https://tinh.dcs.vn/x')).toBe(false);
    expect(isOfficialAddress('http://news.chinhphu.vn/x')).toBe(false);
    expect(isOfficialAddress('law-text:luat.txt')).toBe(false);
  });

  it('rejects official confidence resting on other hosts, accepts it with an official-portal address', () => {
    expect(errorsOf(row({ confidence: 'official', sources: 'https://benhvien.gov.vn/a ; https://tinh.dcs.vn/b' })))
      .toEqual([expect.stringMatching(new RegExp(`^data/documents.tsv:${badLine}: confidence official needs an address on an official portal`))]);
    expect(errorsOf(row({ confidence: 'official', sources: 'https://example.org/a ; https://tulieuvankien.dangcongsan.vn/van-ban/5|checked:5-KL/TW,2020-01-02' }))).toEqual([]);
    expect(errorsOf(row({ confidence: 'official', official_url: 'https://dangcongsan.vn/van-ban/5', sources: 'https://dangcongsan.vn/van-ban/5|checked:5-KL/TW,2020-01-02' }))).toEqual([]);
    expect(errorsOf(row({ official_url: 'https://benhvien.gov.vn/a' }))).toEqual([expect.stringMatching(/official_url .* is not on an official portal/)]);
  });

  it('needs an official row\'s portal address checked, and an official_url among the checked sources', () => {
    expect(errorsOf(row({ confidence: 'official', sources: 'https://example.org/a ; https://tulieuvankien.dangcongsan.vn/van-ban/5' })))
      .toEqual([expect.stringMatching(new RegExp(`^data/documents.tsv:${badLine}: confidence official needs its official address among the sources with its check`))]);
    expect(errorsOf(row({ official_url: 'https://dangcongsan.vn/van-ban/5' })))
      .toEqual([expect.stringMatching(/official_url https:\/\/dangcongsan.vn\/van-ban\/5 must also be a source with its check/)]);
  });

  it('accepts a number with a letter after it (30a/2008/NQ-CP) and still checks it against the code', () => {
    const letter = (number: string) => state({ id: '30a/2008/NQ-CP@2008-12-27', code: '30a/2008/NQ-CP', type_abbr: 'NQ', type_name: 'Nghị quyết', number, date: '2008-12-27' });
    expect(errorsOf(letter('30a'))).toEqual([]);
    expect(errorsOf(letter('30'))).toEqual([expect.stringMatching(/number 30 does not match the code 30a\/2008\/NQ-CP/)]);
  });

  it('reads a source\'s check and rejects one made for another code or date', () => {
    const ok = parseDocuments(withRow(row({ sources: 'https://example.org/a|checked:5-KL/TW,2020-01-02 ; https://example.org/b|checked:05-KL/TW ; https://example.org/c' })));
    expect(ok.errors).toEqual([]);
    expect(ok.documents.at(-1)?.sources).toEqual([
      { url: 'https://example.org/a', note: 'checked: code 5-KL/TW, date 2020-01-02' },
      { url: 'https://example.org/b', note: 'checked: code 05-KL/TW' },
      { url: 'https://example.org/c' },
    ]);
    expect(errorsOf(row({ sources: 'https://example.org/a|checked:6-KL/TW,2020-01-02' })))
      .toEqual([expect.stringMatching(/was checked for the code 6-KL\/TW, not the row's code 5-KL\/TW/)]);
    expect(errorsOf(row({ sources: 'https://example.org/a|checked:5-KL/TW,2020-01-03' })))
      .toEqual([expect.stringMatching(/checked for the date 2020-01-03, which is neither the row's date nor a date reading/)]);
    expect(errorsOf(row({ sources: 'https://example.org/a|checked:5-KL/TW,2020-01-03', readings: 'date=2020-01-03 <https://example.org/a>' }))).toEqual([]);
    expect(errorsOf(row({ sources: 'https://example.org/a|seen' }))).toEqual([expect.stringMatching(/malformed check/)]);
  });

  it.each([
    ['12/2020/NĐ-CP', ['Chính phủ']],
    ['15/QĐ-TTg', ['Thủ tướng Chính phủ']],
    ['30/2021/NQ-UBTVQH14', ['Ủy ban Thường vụ Quốc hội']],
    ['45/2013/QH13', ['Quốc hội']],
    ['7/2019/TT-BTC', ['Bộ Tài chính']],
    ['3/2016/TTLT-BTP-BCA', ['Bộ Tư pháp', 'Bộ Công an']],
    ['123/QĐ-UBND', undefined],
    ['35-CT/TW', undefined],
  ])('the code %s implies %j', (code, issuers) => expect(impliedIssuers(code)).toEqual(issuers));

  it('checks the issuer of a state row and its readings against the code', () => {
    expect(errorsOf(state({}))).toEqual([]);
    expect(errorsOf(state({ issuer: '' }))).toEqual([`data/documents.tsv:${badLine}: empty issuer; the code 12/2020/NĐ-CP implies Chính phủ`]);
    expect(errorsOf(state({ issuer: 'Thủ tướng Chính phủ' }))).toEqual([expect.stringMatching(/issuer "Thủ tướng Chính phủ" is not Chính phủ/)]);
    // A signer is never the issuer.
    expect(errorsOf(state({ code: '15/QĐ-TTg', id: '15/QĐ-TTg@2020-03-04', number: '15', issuer: 'Phó Thủ tướng Lê Văn A' })))
      .toEqual([expect.stringMatching(/a signer is never the issuer/)]);
    expect(errorsOf(state({ code: '30/2021/NQ-UBTVQH14', id: '30/2021/NQ-UBTVQH14@2021', number: '30', date: '2021', issuer: 'Uỷ ban Thường vụ Quốc hội' }))).toEqual([]);
    expect(errorsOf(state({ code: '3/2016/TTLT-BTP-BCA', id: '3/2016/TTLT-BTP-BCA@2016', number: '3', date: '2016', issuer: 'Bộ Tư pháp và Bộ Công an' }))).toEqual([]);
    expect(errorsOf(state({ code: '3/2016/TTLT-BTP-BCA', id: '3/2016/TTLT-BTP-BCA@2016', number: '3', date: '2016', issuer: 'Bộ Tư pháp' })))
      .toEqual([expect.stringMatching(/is not Bộ Tư pháp and Bộ Công an/)]);
    expect(errorsOf(state({ readings: 'issuer=Bộ Tài chính <https://example.org/r>' }))).toEqual([expect.stringMatching(/reading issuer "Bộ Tài chính" is not Chính phủ/)]);
  });

  it('allows a Party code once per term unless every row shows its evidence', () => {
    const a = row({ id: '5-KL/TW@2020-01-02' });
    const b = row({ id: '5-KL/TW@2020-09-09', date: '2020-09-09', sources: 'https://example.org/b' });
    expect(errorsOf(a, b)).toEqual([`data/documents.tsv:${badLine + 1}: Party code 5-KL/TW given twice in khóa XII (first at line ${badLine}): one document per code and term, unless every row shows its evidence with "distinct document: <source>" in its note`]);
    // The term may come from the date alone.
    expect(errorsOf(a, row({ id: '5-KL/TW@2019', date: '2019-05-05', term: '' }))).toHaveLength(1);
    // Another term, or another province for a local code, is another document.
    expect(errorsOf(a, row({ id: '5-KL/TW@2022-01-01', date: '2022-01-01', term: 'XIII' }))).toEqual([]);
    const local = (place: string, date: string) => row({ id: `5-KL/TU@${place}@${date}`, code: '5-KL/TU', issuer_abbr: 'TU', issuer: `Tỉnh ủy ${place}`, place, date });
    expect(errorsOf(local('Nam Định', '2020-01-02'), local('Thái Bình', '2020-02-02'))).toEqual([]);
    // Both rows marked with a source of their own: kept.
    const mark = (r: Record<string, string>) => row({ ...r, note: `distinct document: ${r.sources}` });
    expect(errorsOf(mark({ id: '5-KL/TW@2020-01-02', sources: 'https://example.org/a' }), mark({ id: '5-KL/TW@2020-09-09', date: '2020-09-09', sources: 'https://example.org/b' }))).toEqual([]);
    // One mark is not enough, and the mark must name one of the row's sources.
    expect(errorsOf(a, mark({ id: '5-KL/TW@2020-09-09', date: '2020-09-09', sources: 'https://example.org/b' }))).toHaveLength(1);
    expect(errorsOf(row({ note: 'distinct document: https://example.org/elsewhere' }))).toEqual([expect.stringMatching(/not one of the row's sources/)]);
  });

  it('allows a state code once per year', () => {
    expect(errorsOf(state({}), state({ id: '12/2020/NĐ-CP@2020-03-05', date: '2020-03-05' })))
      .toEqual([`data/documents.tsv:${badLine + 1}: state code 12/2020/NĐ-CP given twice for 2020 (first at line ${badLine}): one document per code and year`]);
    const noYear = (date: string) => state({ code: '12/NQ-CP', id: `12/NQ-CP@${date}`, date, type_abbr: 'NQ', type_name: 'Nghị quyết' });
    expect(errorsOf(noYear('2020-03-04'), noYear('2021-03-04'))).toEqual([]);
    expect(errorsOf(noYear('2020-03-04'), noYear('2020-05-04'))).toHaveLength(1);
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
