/**
 * npm run bench:adversarial: detector throughput on adversarial text (soft hyphens and zero-width characters in and
 * around codes, long runs of digits, many slashes and dashes, emoji glued to codes) against news-like text of our
 * own writing in the same run, each shape measured in CPU time, alternated with the baseline, median of rounds.
 * What it shows: no shape of text makes the detector much slower per byte than ordinary pages (it is linear; a
 * unit test checks that on 1 MB). Usage: npm run bench:adversarial [-- MB_PER_SHAPE]
 */
import { loadavg } from 'node:os';
import { detect } from '../lib/detector/detect';

const MB = Number(process.argv[2] ?? 1);
const TARGET = Math.round(MB * 1024 * 1024);
const ROUNDS = 5;

let seed = 20261205;
const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const party = () => `${int(1, 250)}-${pick(['NQ', 'CT', 'KL', 'QĐ', 'HD', 'KH'])}/${pick(['TW', 'BTCTW', 'TU', 'HU'])}`;
const state = () => `${int(1, 300)}/${int(2005, 2025)}/${pick(['NĐ-CP', 'TT-BTC', 'QĐ-TTg', 'NQ-HĐND'])}`;
const SENTENCES = [
  () => `Theo Kế hoạch số ${party()} ngày ${int(1, 28)}-${int(1, 12)}-${int(2005, 2025)} của Bộ Chính trị, các cấp ủy rà soát quy hoạch cán bộ.`,
  () => `Ban Thường vụ Tỉnh ủy đã tổ chức hội nghị quán triệt Chỉ thị ${party()} và Nghị định ${state()} của Chính phủ.`,
  () => `Các cấp ủy tập trung thực hiện ${int(2, 9)} nhóm nhiệm vụ trong nhiệm kỳ 2020-2025, với ${int(10, 60)}/${int(61, 70)} chỉ tiêu đạt.`,
  () => `Mọi ý kiến xin gửi về tòa soạn, số ${int(1, 200)} đường Trần Phú; điện thoại 0228.${int(1000000, 9999999)}.`,
  () => `Năm ${int(2015, 2025)}, toàn tỉnh tiêm vắc-xin COVID-19 cho ${int(80, 99)}% người dân theo Quyết định ${state()}.`,
];

const SOFT = '\u00AD';
const ZW = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];
/** A word broken by soft hyphens every two or three letters (what hyphenation tools insert). */
const hyphenated = (w: string) => w.replace(/(.{2,3})(?=.)/gu, `$1${SOFT}`);

/** Each shape: a generator of pieces, joined until the target size. */
const SHAPES: Record<string, () => string> = {
  'news-like (baseline)': () => pick(SENTENCES)() + (rand() < 0.3 ? '\n' : ' '),
  'soft hyphens in words and codes': () => {
    const code = party();
    const at = int(1, code.length - 1);
    return `${hyphenated('Nghị quyết')} ${hyphenated('quán triệt')} số ${code.slice(0, at)}${SOFT}${code.slice(at)} ${hyphenated('của Bộ Chính trị')}${SOFT.repeat(int(1, 6))} `;
  },
  'soft hyphen after every character': () => [...`Chỉ thị số ${party()} và Nghị định ${state()}`].join(SOFT) + ' ',
  'zero-width characters everywhere': () => [...pick(SENTENCES)()].map((c) => (rand() < 0.3 ? c + pick(ZW) : c)).join('') + ' ',
  'long digit runs': () => `${'0123456789'.repeat(int(5, 200)).slice(0, int(20, 2000))}${pick(['-CT/TW', '/2019/NĐ-CP', '-', '/', ' '])} `,
  'many slashes': () => `${int(1, 99)}${'/'.repeat(int(1, 3))}${Array.from({ length: int(5, 60) }, () => pick(['TW', 'CT', '1', '2019', 'NĐ', 'QĐ', ''])).join('/')} `,
  'many dashes': () => `${Array.from({ length: int(5, 80) }, () => pick(['1', '12', 'CT', 'TW', '2020', ''])).join(pick(['-', '–', ' - ']))} `,
  'emoji glued to codes': () => `${pick(['🇻🇳', '😀', '📄', '👉🏽'])}${party()}${pick(['🎉', '✅', '‼️'])}${state()}${pick(['🇻🇳', '🙂'])} `,
};

function textOf(piece: () => string): string {
  const parts: string[] = [];
  let size = 0;
  while (size < TARGET) {
    const p = piece();
    parts.push(p);
    size += Buffer.byteLength(p);
  }
  return parts.join('');
}

/** CPU time of one detect() over `text`, in ms (the machine is shared: CPU time is steadier than wall time). */
function cpuMs(text: string): { ms: number; refs: number } {
  const start = process.cpuUsage();
  const refs = detect(text).length;
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, refs };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const texts = Object.entries(SHAPES).map(([name, piece]) => ({ name, text: textOf(piece) }));
const baseline = texts[0]!;
for (const t of texts) cpuMs(t.text); // warm up

console.log(`${MB} MB per shape, median of ${ROUNDS} rounds, each shape alternated with the baseline (CPU time; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')})`);
console.log(`${'shape'.padEnd(36)} ${'MB/s'.padStart(8)} ${'baseline MB/s'.padStart(14)} ${'ratio'.padStart(7)} ${'references'.padStart(11)} ${'µs/ref'.padStart(7)}`);
for (const t of texts) {
  const mine: number[] = [];
  const base: number[] = [];
  let refs = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const a = cpuMs(t.text);
    mine.push(a.ms);
    refs = a.refs;
    base.push(cpuMs(baseline.text).ms);
  }
  const mbOf = (s: string) => Buffer.byteLength(s) / (1024 * 1024);
  const rate = mbOf(t.text) / (Math.max(median(mine), 0.01) / 1000);
  const baseRate = mbOf(baseline.text) / (Math.max(median(base), 0.01) / 1000);
  const perRef = refs ? ((median(mine) * 1000) / refs).toFixed(1) : '–';
  console.log(`${t.name.padEnd(36)} ${rate.toFixed(1).padStart(8)} ${baseRate.toFixed(1).padStart(14)} ${(rate / baseRate).toFixed(2).padStart(6)}× ${String(refs).padStart(11)} ${perRef.padStart(7)}`);
}
