/**
 * The synthetic dataset of the benchmarks and the load tests: documents, articles and mentions generated from a
 * seeded random source (the same figures every run), shaped like the real corpus (Party and state codes reused
 * from one term to the next, Zipf-like citation counts). Made here, never shipped.
 *
 *   const dataset = generateDataset(50_000, 1_000_000);            // what npm run bench:data loads
 *
 * Pass a `random` from `seededRandom()` to continue drawing from the same stream afterwards (bench:data draws its
 * reference batches from the stream the dataset was generated with).
 */
import { DATASET_SCHEMA, type ArticleRecord, type Dataset, type DocumentRecord, type MentionRecord } from '../../lib/records/schema';

/** The seed of every synthetic dataset. */
export const SYNTHETIC_SEED = 20261125;

/** A small seeded pseudo-random source (mulberry32): numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Helpers drawing from one random source. */
export function draws(rand: () => number) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pad = (n: number) => String(n).padStart(2, '0');
  const dateIn = (y0: number, y1: number) => `${int(y0, y1)}-${pad(int(1, 12))}-${pad(int(1, 28))}`;
  return { pick, int, pad, dateIn };
}

const PARTY_TYPES = [['NQ', 'Nghị quyết'], ['CT', 'Chỉ thị'], ['QĐ', 'Quy định'], ['KL', 'Kết luận'], ['HD', 'Hướng dẫn'], ['KH', 'Kế hoạch'], ['TB', 'Thông báo']] as const;
const PARTY_ISSUERS = [['TW', 'Bộ Chính trị'], ['TW', 'Ban Bí thư'], ['BTCTW', 'Ban Tổ chức Trung ương'], ['BTGTW', 'Ban Tuyên giáo Trung ương'], ['TU', 'Ban Thường vụ Tỉnh ủy'], ['HU', 'Ban Thường vụ Huyện ủy']] as const;
const STATE_TYPES = [['NĐ', 'Nghị định', 'CP', 'Chính phủ'], ['QĐ', 'Quyết định', 'TTg', 'Thủ tướng Chính phủ'], ['TT', 'Thông tư', 'BTC', 'Bộ Tài chính'], ['TT', 'Thông tư', 'BGDĐT', 'Bộ Giáo dục và Đào tạo'], ['NQ', 'Nghị quyết', 'CP', 'Chính phủ'], ['CT', 'Chỉ thị', 'TTg', 'Thủ tướng Chính phủ'], ['QĐ', 'Quyết định', 'UBND', 'Ủy ban nhân dân tỉnh']] as const;
const TERMS = [['VIII', 1996, 2000], ['IX', 2001, 2005], ['X', 2006, 2010], ['XI', 2011, 2015], ['XII', 2016, 2020], ['XIII', 2021, 2025]] as const;
const WORDS = ['tăng cường', 'sự lãnh đạo', 'của Đảng', 'đối với', 'công tác', 'phát triển', 'kinh tế', 'xã hội', 'đổi mới', 'quản lý', 'nâng cao', 'chất lượng', 'hiệu quả', 'cán bộ', 'đảng viên', 'tổ chức', 'bộ máy', 'chuyển đổi số', 'khoa học', 'công nghệ', 'giáo dục', 'đào tạo', 'y tế', 'văn hóa', 'môi trường', 'nông nghiệp', 'nông thôn', 'đô thị', 'giao thông', 'đất đai', 'tài chính', 'ngân sách', 'phòng, chống', 'tham nhũng', 'lãng phí', 'quốc phòng', 'an ninh', 'đối ngoại', 'hội nhập', 'thanh niên', 'phụ nữ', 'dân tộc', 'tôn giáo', 'biển đảo', 'doanh nghiệp', 'nhà nước', 'tư nhân', 'thi đua', 'khen thưởng', 'kiểm tra', 'giám sát', 'kỷ luật'];
const PROVINCES = ['Nam Định', 'Thái Bình', 'Nghệ An', 'Quảng Ninh', 'Cần Thơ', 'Đắk Lắk', 'Lào Cai', 'Bình Định', 'Long An', 'Hà Tĩnh'];

function makeTitle(pick: <T>(list: readonly T[]) => T, int: (lo: number, hi: number) => number): string {
  const n = int(3, 9);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(pick(WORDS));
  return `Về ${words.join(' ')}`;
}

/** `nDocs` documents and articles enough for `nMentions` mentions; version `bench-<nDocs>-<nMentions>`. */
export function generateDataset(nDocs: number, nMentions: number, rand: () => number = seededRandom(SYNTHETIC_SEED)): Dataset {
  const { pick, int, pad, dateIn } = draws(rand);
  const title = () => makeTitle(pick, int);
  const documents: DocumentRecord[] = [];
  const ids = new Set<string>();
  while (documents.length < nDocs) {
    let doc: DocumentRecord;
    if (rand() < 0.6) {
      const [term, y0, y1] = pick(TERMS);
      const [typeAbbr, typeName] = pick(PARTY_TYPES);
      const [issuerAbbr, issuer] = pick(PARTY_ISSUERS);
      // Small numbers are more common: codes repeat from one term to the next.
      const number = String(Math.floor(1 + 400 * rand() * rand()));
      const code = `${number}-${typeAbbr}/${issuerAbbr}`;
      const date = dateIn(y0, y1);
      const local = issuerAbbr === 'TU' || issuerAbbr === 'HU';
      doc = { id: `${code}@${date}`, code, family: 'party', number, typeAbbr, typeName, issuerAbbr, issuer, date, term, title: title(), aliases: [], relations: [], readings: [], sources: [{ url: 'https://bench.invalid/generated' }], confidence: 'secondary', ...(local ? { place: pick(PROVINCES) } : {}) };
    } else {
      const [typeAbbr, typeName, issuerAbbr, issuer] = pick(STATE_TYPES);
      const year = int(1996, 2025);
      const number = String(int(1, 400));
      const code = `${number}/${year}/${typeAbbr}-${issuerAbbr}`;
      const date = `${year}-${pad(int(1, 12))}-${pad(int(1, 28))}`;
      doc = { id: `${code}@${issuerAbbr === 'UBND' ? pick(PROVINCES) : date}`, code, family: 'state', number, typeAbbr, typeName, issuerAbbr, issuer, date, title: title(), aliases: [], relations: [], readings: [], sources: [{ url: 'https://bench.invalid/generated' }], confidence: 'official' };
    }
    if (ids.has(doc.id)) continue;
    ids.add(doc.id);
    if (rand() < 0.03) doc.aliases.push(`${doc.typeName} ${doc.number}${doc.term ? ` khóa ${doc.term}` : ''}`);
    if (documents.length > 10 && rand() < 0.05) doc.relations.push({ kind: pick(['implements', 'guides', 'replaces'] as const), target: documents[int(0, documents.length - 1)]!.id, sources: [] });
    documents.push(doc);
  }

  const articles: ArticleRecord[] = [];
  const mentions: MentionRecord[] = [];
  // Zipf-like popularity: a few documents are cited in tens of thousands of articles.
  const order = documents.map((_, i) => i).sort(() => rand() - 0.5);
  const cumulative: number[] = [];
  let sum = 0;
  for (let r = 0; r < order.length; r++) cumulative.push((sum += 1 / (r + 1)));
  const zipf = () => {
    const x = rand() * sum;
    let lo = 0, hi = cumulative.length - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (cumulative[mid]! < x) lo = mid + 1; else hi = mid; }
    return documents[order[lo]!]!;
  };
  for (let a = 0; mentions.length < nMentions; a++) {
    const site = `bao${a % 60}.example.vn`;
    const article: ArticleRecord = { id: `art-${a}`, url: `https://${site}/tin/${a}.html`, outlet: `Báo ${a % 60}`, site, title: title(), date: dateIn(2012, 2025) };
    articles.push(article);
    const k = Math.min(int(1, 19), nMentions - mentions.length);
    let offset = int(0, 400);
    for (let i = 0; i < k; i++) {
      const d = zipf();
      const ambiguous = rand() < 0.05;
      mentions.push({ articleId: article.id, ...(ambiguous ? { candidates: [d.id] } : { documentId: d.id }), code: d.code, raw: d.code, start: offset, end: offset + d.code.length, status: ambiguous ? 'ambiguous' : 'resolved' });
      offset += int(50, 900);
    }
  }
  return { schema: DATASET_SCHEMA, version: `bench-${nDocs}-${nMentions}`, documents, articles, mentions, sites: [], coCitations: [] };
}

