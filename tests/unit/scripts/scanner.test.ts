import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const scan = (args: string[], input?: string) =>
  spawnSync(TSX, ['scripts/scan.ts', ...args], { cwd: ROOT, input, encoding: 'utf8' });

const dir = mkdtempSync(join(tmpdir(), 'vbl-scan-'));
const TEXT = 'Theo Kế hoạch số 17-KH/TW ngày 7-7-2023 của Bộ Chính trị và Nghị định 100/2019/NĐ-CP.\nĐiện thoại 0228.3849386.';
writeFileSync(join(dir, 'a.txt'), TEXT);
writeFileSync(
  join(dir, 'page.html'),
  '<html><head><title>x</title><style>.a{content:"35-CT/TW"}</style></head><body><p>Chỉ thị <b>35-CT/TW</b> của Bộ Chính trị &amp; Luật 80/2015/QH13</p><script>var c="21-NQ/TW"</script></body></html>',
);

describe('scanner: npm run scan -- [--json] FILE...', () => {
  it('prints one JSON line per reference with the contract fields and UTF-16 offsets', () => {
    const r = scan(['--json', join(dir, 'a.txt')]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      code: '17-KH/TW', raw: '17-KH/TW', family: 'party', type: 'KH', issuer: 'TW', inferred: false,
      date: '2023-07-07', issuerName: 'Bộ Chính trị',
    });
    expect(TEXT.slice(lines[0].start, lines[0].end)).toBe('17-KH/TW');
    expect(lines[1]).toMatchObject({ code: '100/2019/NĐ-CP', type: 'NĐ', issuer: 'CP', family: 'state', issuerName: 'Chính phủ' });
  });

  it('says when a "TƯ" code may be a Tỉnh ủy\'s (the sentence does not settle it: a Hà Nội header)', () => {
    const r = scan(['--json', '-'], 'Số 120-KL/TƯ  Hà Nội, ngày 2 tháng 3 năm 2021');
    expect(JSON.parse(r.stdout)).toMatchObject({ code: '120-KL/TW', issuerMayBeLocal: true, date: '2021-03-02' });
  });

  it('says when a sentence names a series of one number, not one document', () => {
    const r = scan(['--json', '-'], 'Từ năm 2014, Chính phủ đã ban hành các Nghị quyết 19/NQ-CP về môi trường kinh doanh.');
    expect(JSON.parse(r.stdout)).toMatchObject({ code: '19/NQ-CP', several: true });
    expect(JSON.parse(scan(['--json', '-'], 'Chính phủ ban hành Nghị quyết 19/NQ-CP về môi trường kinh doanh.').stdout).several).toBeUndefined();
  });

  it('reads standard input with "-"', () => {
    const r = scan(['--json', '-'], 'Chỉ thị 05-CT/TW của Ban Bí thư');
    expect(JSON.parse(r.stdout)).toMatchObject({ code: '05-CT/TW', issuerName: 'Ban Bí thư' });
  });

  it('reduces HTML to the text a browser shows, dropping script and style', () => {
    const r = scan(['--json', join(dir, 'page.html')]);
    const refs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(refs.map((x) => x.code)).toEqual(['35-CT/TW', '80/2015/QH13']);
    expect(refs[0].issuerName).toBe('Bộ Chính trị');
  });

  it('prints a readable table by default', () => {
    const r = scan([join(dir, 'a.txt')]);
    expect(r.stdout.split('\n')[0]).toMatch(/^line:col\s+code\s+type\s+issuer\s+date\s+inferred$/);
    expect(r.stdout).toMatch(/1:18\s+17-KH\/TW\s+Kế hoạch\s+Bộ Chính trị\s+2023-07-07\s+no/);
  });

  it.each([
    ['a missing file', [join(dir, 'missing.txt')]],
    ['a missing file after a good one', [join(dir, 'a.txt'), join(dir, 'missing.txt')]],
    ['a directory', [dir]],
    ['a bad flag', ['--jsn', join(dir, 'a.txt')]],
    ['no file', ['--json']],
  ])('%s: one line on stderr, exit 2, nothing on stdout', (_label, args) => {
    const r = scan(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--resolve adds the candidate documents, best first, with reasons; the page date decides a reused code', () => {
    const dated = scan(['--json', '--resolve', '-'], 'Chỉ thị số 35-CT/TW ngày 30-5-2019 của Bộ Chính trị');
    const a = JSON.parse(dated.stdout);
    expect(a.status).toBe('resolved');
    expect(a.candidates[0]).toMatchObject({ code: '35-CT/TW', date: '2019-05-30' });
    expect(a.candidates[0].reason).toMatch(/2019-05-30/);

    const bare = (pageDate: string) => JSON.parse(scan(['--json', '--resolve', '--page-date', pageDate, '-'], 'Thực hiện Chỉ thị 35-CT/TW, các cấp ủy').stdout);
    expect(bare('2024-09-01').candidates[0].date).toBe('2024-06-14');
    expect(bare('2020-02-05').candidates[0].date).toBe('2019-05-30');
  });

  it('--resolve with --site places a provincial code, and says so when no place is known', () => {
    const text = 'Nghị quyết số 09-NQ/TU của Ban Chấp hành Đảng bộ tỉnh (khóa XIX)';
    const without = JSON.parse(scan(['--json', '--resolve', '-'], text).stdout);
    expect(without.status).toBe('needs-place');
    const placed = JSON.parse(scan(['--json', '--resolve', '--site', 'baonamdinh.vn', '-'], text).stdout);
    expect(placed.place?.name).toBe('Nam Định');
  });

  it.each([
    ['a malformed page date', ['--json', '--resolve', '--page-date', '5/2/2020', '-']],
    ['--site without --resolve', ['--json', '--site', 'baonamdinh.vn', '-']],
  ])('%s: exit 2 with one line', (_label, args) => {
    const r = scan(args, 'Chỉ thị 35-CT/TW');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('works through npm run --silent exactly as documented', () => {
    const out = execFileSync('npm', ['run', '--silent', 'scan', '--', '--json', join(dir, 'a.txt')], { cwd: ROOT, encoding: 'utf8' });
    expect(out.trim().split('\n')).toHaveLength(2);
  });
});
