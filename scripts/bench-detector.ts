/**
 * npm run bench: detector throughput on ≥ 10 MB of news-like Vietnamese text, against one bare regex pass over
 * the same text in the same run. Text: paragraphs of the seed articles (../shared/seeds, when present) and of
 * the project's own demo writing, with codes, dates and look-alikes varied by a seeded generator.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { detect } from '../lib/detector/detect';

const TARGET_BYTES = 10 * 1024 * 1024;
/** Rounds of each, alternated; the median is reported (the machine is shared, so single runs swing). */
const ROUNDS = 7;

let seed = 20261125;
const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const OWN = [
  'Ban Thường vụ Tỉnh ủy đã tổ chức hội nghị quán triệt các văn bản mới của Trung ương về công tác cán bộ.',
  'Các cấp ủy tập trung thực hiện 8 nhóm nhiệm vụ, 2 trọng tâm trong nhiệm kỳ 2020-2025, với 56/67 chỉ tiêu đạt.',
  'Mọi ý kiến xin gửi về tòa soạn, số 68 đường Trần Phú; điện thoại 0228.3849386; thư điện tử toasoan@example.vn.',
  'Năm 2023, toàn tỉnh phát hiện 3 ổ dịch cúm A/H5N6 và tiêm vắc-xin COVID-19 cho 98% người dân.',
];
const SEEDS_DIR = resolve(import.meta.dirname, '../../shared/seeds');
const paragraphs = [...OWN];
if (existsSync(SEEDS_DIR)) {
  for (const f of readdirSync(SEEDS_DIR)) {
    for (const p of readFileSync(resolve(SEEDS_DIR, f), 'utf8').split(/\n+/)) if (p.length > 40) paragraphs.push(p);
  }
} else console.warn(`(seed articles not found at ${SEEDS_DIR}; using the project's own paragraphs only)`);

const party = () => `${int(1, 250)}${pick(['-', '-', '-', ' – ', '- '])}${pick(['NQ', 'CT', 'KL', 'QĐ', 'HD', 'KH', 'QĐi'])}/${pick(['TW', 'TW', 'BTCTW', 'TU', 'HU', 'TƯ', 'UBKTTW'])}`;
const state = () => `${int(1, 300)}/${int(2005, 2025)}/${pick(['NĐ-CP', 'TT-BTC', 'QĐ-TTg', 'NQ-HĐND', 'TTLT-BNV-VPCP'])}`;
const date = () => pick([`ngày ${int(1, 28)}-${int(1, 12)}-${int(2000, 2025)}`, `ngày ${int(1, 28)}/${int(1, 12)}/${int(2000, 2025)}`, `năm ${int(2000, 2025)}`]);
const lookalike = () => pick([`${int(1, 28)}-${int(1, 12)}`, `${int(2015, 2025)}-${int(2020, 2030)}`, `0${int(200, 299)}.${int(1000000, 9999999)}`, `${int(1, 99)}/${int(1, 99)}`, 'A/H5N6', 'COVID-19']);
const CODE = /\d+\s*[-–]\s*[A-ZĐa-zđ]+\s*\/\s*[A-ZĐƯ]+|\d+\/\d{4}\/[A-ZĐ]+-[A-Za-zĐ]+/g;

const parts: string[] = [];
let size = 0;
while (size < TARGET_BYTES) {
  const p = pick(paragraphs)
    .replace(CODE, () => (rand() < 0.8 ? party() : state()))
    .replace(/ngày \d{1,2}[-/]\d{1,2}[-/]\d{4}/g, date);
  // One paragraph in three gains a sentence with two more codes and a look-alike (denser than the seeds).
  const extra = rand() < 1 / 3 ? ` Theo Chỉ thị số ${party()} ${date()} của Bộ Chính trị, ${lookalike()}; Nghị định ${state()}.` : ` ${lookalike()}.`;
  const para = p + extra + '\n';
  parts.push(para);
  size += Buffer.byteLength(para);
}
const text = parts.join('');
const mb = Buffer.byteLength(text) / (1024 * 1024);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function countBare(): number {
  const re = /\d+\s*[-–]\s*[A-ZĐ]+\s*\/\s*[A-ZĐ]+/g;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}
// Warm both up, then alternate them so that load on the machine falls on both alike.
countBare();
detect(text);
const bareTimes: number[] = [];
const detectTimes: number[] = [];
let bareCount = 0;
let refCount = 0;
for (let i = 0; i < ROUNDS; i++) {
  let t = performance.now();
  bareCount = countBare();
  bareTimes.push(performance.now() - t);
  t = performance.now();
  refCount = detect(text).length;
  detectTimes.push(performance.now() - t);
}
const baseline = { ms: median(bareTimes), count: bareCount };
const detector = { ms: median(detectTimes), count: refCount };

const rate = (ms: number) => mb / (ms / 1000);
console.log(`text: ${mb.toFixed(1)} MB, ${parts.length} paragraphs (median of ${ROUNDS} runs each; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')})`);
console.log(`bare regex pass: ${rate(baseline.ms).toFixed(1)} MB/s (${baseline.ms.toFixed(0)} ms, ${baseline.count} matches)`);
console.log(`detector:        ${rate(detector.ms).toFixed(1)} MB/s (${detector.ms.toFixed(0)} ms, ${detector.count} references, ${((detector.ms * 1000) / detector.count).toFixed(1)} µs per reference all told)`);
const ratio = baseline.ms / detector.ms;
console.log(`ratio detector/baseline: ${ratio.toFixed(2)}× (target ≥ 0.50×) ${ratio >= 0.5 ? 'MET' : 'NOT MET'}`);
