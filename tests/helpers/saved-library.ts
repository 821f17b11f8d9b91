/**
 * Realistic saved references for sync, export and import tests: page addresses and titles of the real news
 * articles in ../shared/data/corpus (their index: address, outlet, title, date; never their text), the dataset's
 * document ids and codes, Vietnamese notes and tags of our own writing, and article addresses in the shapes the
 * big Vietnamese outlets use (long slugs of the title, long numeric ids). Deterministic.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SaveInput } from '@/lib/sync/merge';

const CORPUS_INDEX = process.env.VBL_CORPUS_INDEX ?? resolve(import.meta.dirname, '../../../shared/data/corpus/index.tsv');
const DOCUMENTS = resolve(import.meta.dirname, '../../data/documents.tsv');

/** A small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const slug = (title: string) =>
  title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const digits = (rand: () => number, n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');

/** Article addresses in each outlet's own shape, from a title. */
const SHAPES: Array<(s: string, r: () => number) => string> = [
  (s, r) => `https://vnexpress.net/${s}-${digits(r, 7)}.html`,
  (s, r) => `https://tuoitre.vn/${s}-${digits(r, 17)}.htm`,
  (s, r) => `https://dantri.com.vn/xa-hoi/${s}-${digits(r, 17)}.htm`,
  (s, r) => `https://thanhnien.vn/${s}-${digits(r, 18)}.htm`,
  (s, r) => `https://nhandan.vn/${s}-post${digits(r, 6)}.html`,
  (s, r) => `https://baochinhphu.vn/${s}-${digits(r, 18)}.htm`,
  (s, r) => `https://dangcongsan.vn/xay-dung-dang/${s}-${digits(r, 6)}.html`,
  (s, r) => `https://vietnamnet.vn/${s}-${digits(r, 7)}.html`,
  (s, r) => `https://laodong.vn/thoi-su/${s}-${digits(r, 7)}.ldo`,
  (s, r) => `https://www.qdnd.vn/chinh-tri/tin-tuc/${s}-${digits(r, 6)}`,
  (s, r) => `https://baobinhdinh.vn/viewer.aspx?macm=1&macmp=1&mabb=${digits(r, 6)}`,
];

const NOTE_PARTS = [
  'Đọc lại mục II, phần nhiệm vụ', 'So sánh với Kết luận của Bộ Chính trị', 'Dùng cho chương 2 luận văn',
  'Trích dẫn trong bài về cán bộ', 'Số liệu năm 2023 ở đoạn cuối', 'Kiểm tra ngày ban hành với bản gốc',
  'Bài nói về sơ kết 5 năm', 'Có danh sách tỉnh thực hiện', 'Cần tìm văn bản hướng dẫn', 'Ý kiến của Tỉnh ủy',
  'Liên quan đề tài chuyển đổi số', 'Xem thêm phụ lục kèm theo', 'Báo địa phương dẫn sai số hiệu?', 'Quan trọng',
];
const TAGS = ['luận văn', 'cán bộ', 'đất đai', 'chuyển đổi số', 'tham nhũng', 'giáo dục', 'kinh tế', 'cần kiểm tra'];

function readTsv(file: string): string[][] {
  if (!existsSync(file)) throw new Error(`${file} not found: ../shared must be beside the clone`);
  return readFileSync(file, 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split('\t'));
}

/** `count` references (several per page, as a reader saves them), saved over the year before `end`. */
export function realisticLibrary(count: number, seed = 12, end = Date.UTC(2026, 10, 30)): SaveInput[] {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const articles = readTsv(CORPUS_INDEX).map((c) => ({ url: c[5] ?? '', title: c[7] ?? '', date: c[8] ?? '' }));
  const docs = readTsv(DOCUMENTS).map((c) => ({ id: c[0]!, code: c[1]! }));
  const out: SaveInput[] = [];
  let page: { url: string; title?: string; date?: string } | undefined;
  for (let i = 0; i < count; i++) {
    // About four in five references come from a page not saved from before.
    if (!page || rand() < 0.8) {
      const a = pick(articles);
      const url = a.title && rand() < 0.75 ? pick(SHAPES)(slug(a.title), rand) : a.url || pick(SHAPES)(slug(pick(NOTE_PARTS)), rand);
      page = { url, ...(a.title ? { title: a.title } : {}), ...(/^\d{4}-\d\d-\d\d/.test(a.date) ? { date: a.date.slice(0, 10) } : {}) };
    }
    const known = rand() < 0.85;
    const doc = pick(docs);
    const note = rand() < 0.9 ? pick(NOTE_PARTS) + (rand() < 0.3 ? `; ${pick(NOTE_PARTS).toLowerCase()}` : '') : '';
    const tags = rand() < 0.6 ? [pick(TAGS), ...(rand() < 0.3 ? [pick(TAGS)] : [])] : [];
    const savedAt = end - Math.floor(rand() * 365 * 24 * 3600 * 1000);
    const base = { url: page.url, savedAt, note, tags, ...(page.title ? { pageTitle: page.title } : {}), ...(page.date ? { pageDate: page.date } : {}) };
    out.push(
      known
        ? { ...base, docId: doc.id, code: doc.code }
        : { ...base, code: `${100 + Math.floor(rand() * 3000)}/UBND-VX`, page: { date: `2024-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`, issuer: 'Ủy ban nhân dân tỉnh Bình Định' } },
    );
  }
  return out;
}
