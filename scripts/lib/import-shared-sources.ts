/**
 * One-off import: turns the gathered facts in ../shared/data/{party-docs,state-docs,law-headers}.tsv into the
 * repository's own data/documents.tsv, cleaning as it goes, and writes every cleaning decision to
 * data/import-log.md for review. After the import, data/ is the source of truth (edit it by hand); rerunning
 * this script overwrites it.
 *
 * Run: npx tsx scripts/lib/import-shared-sources.ts [SHARED_DATA_DIR]
 * Only facts the source rows state are kept; nothing is filled from memory.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DOCUMENT_COLUMNS, documentId } from '../../lib/dataset/documents-file';
import { formatTsv, parseTsv } from '../../lib/dataset/tsv';
import { codeKey, numberKey } from '../../lib/keys/code-key';
import { resolveReference } from '../../lib/resolver/resolve';
import { termNumeral } from '../../lib/keys/party-terms';
import type { DocumentRecord } from '../../lib/records/schema';
import type { Reference } from '../../lib/detector/types';

const repo = resolve(import.meta.dirname, '../..');
const shared = resolve(process.argv[2] ?? join(repo, '../shared/data'));
const log: string[] = [];
const note = (code: string, line: number, what: string) => log.push(`- ${code} (${what.startsWith('dropped') ? '' : ''}line ${line}): ${what}`);

type Row = Record<string, string>;
interface Draft {
  code: string; family: 'party' | 'state'; typeAbbr: string; typeName: string; number: string; issuerAbbr: string;
  issuer: string; date: string; term: string; plenum: string; place: string; title: string; status: string;
  statusSource: string; aliases: string[]; relations: string[]; readings: string[]; sources: string[]; lead: string;
  confidence: string; notes: string[]; origin: string; relationTexts: string[];
}

/** Official publishers of the texts (Party and state portals, the national legal database); news sites are not. */
const OFFICIAL = /(?:^|\.)(?:dangcongsan\.vn|dcs\.vn|chinhphu\.vn|quochoi\.vn|vbpl\.vn|gov\.vn)\/$/;
const NEWS_ON_GOV = /(?:^|\.)(?:vov|vnews|baochinhphu|vovworld)\./;
const hostOf = (url: string) => { try { return new URL(url).host; } catch { return ''; } };

/** Splits "main text (aside) (aside)" into the main text and its trailing asides. */
function trailingAsides(text: string): { main: string; asides: string[] } {
  let main = text.trim();
  const asides: string[] = [];
  for (;;) {
    if (!main.endsWith(')')) break;
    let depth = 0; let i = main.length - 1;
    for (; i >= 0; i--) { if (main[i] === ')') depth++; else if (main[i] === '(') { depth--; if (depth === 0) break; } }
    if (i < 0) break;
    asides.unshift(main.slice(i + 1, -1).trim());
    main = main.slice(0, i).trim();
  }
  return { main, asides };
}

/** Asides that are a reviewer's remark about the sources (English words, or relation remarks), not title text. */
const REMARK = /\b(?:source|sources|verify|printed|prints|signed|English|header|day|date|cited|page|code|OCR|register|subject|wording|mislabels|predecessor|replaced|inferred|issued|meeting|given|stated|writes|one|read)\b|^thay thế|^thực hiện|^hiệu lực/i;

function sourceList(cell: string): { urls: string[]; lead: string } {
  const urls: string[] = []; const leads: string[] = [];
  for (const part of cell.split(/\s+;\s+|\s*;\s*(?=https?:|lead:)/)) {
    const p = part.trim();
    if (!p) continue;
    if (/^https?:\/\//.test(p)) urls.push(p.replace(/\s+/g, '%20'));
    else leads.push(p);
  }
  return { urls, lead: leads.join('; ') };
}

function confidenceOf(urls: string[], lead: string): string {
  if (urls.length === 0) return 'news-only';
  if (urls.some((u) => OFFICIAL.test(hostOf(u) + '/') && !NEWS_ON_GOV.test(hostOf(u)))) return 'official';
  if (lead && urls.length === 0) return 'news-only';
  return 'secondary';
}

// ---------------------------------------------------------------- Party documents
function importParty(): Draft[] {
  const t = parseTsv(readFileSync(join(shared, 'party-docs.tsv'), 'utf8'));
  const out: Draft[] = [];
  for (const { line, cells: r } of t.rows) {
    const code = r.code!.normalize('NFC');
    const m = /^(\d+)-([^/]+)\/(.+)$/.exec(code);
    if (!m) { note(code, line, 'dropped: code not of the Party form N-TYPE/ISSUER'); continue; }
    const d: Draft = {
      code, family: 'party', typeAbbr: m[2]!, typeName: '', number: numberKey(m[1]!), issuerAbbr: m[3]!, issuer: '',
      date: r.date ?? '', term: '', plenum: '', place: '', title: '', status: '', statusSource: '', aliases: [],
      relations: [], readings: [], sources: [], lead: '', confidence: '', notes: [], origin: `party-docs.tsv:${line}`, relationTexts: [],
    };
    const src = sourceList(r.source_address ?? '');
    d.sources = src.urls; d.lead = src.lead;
    d.confidence = confidenceOf(src.urls, src.lead);
    if (src.lead && src.urls.length === 1) d.notes.push('lead plus one address: counted as secondary');

    // Type: "Quy định (bổ sung)" → Quy định, remark kept.
    const type = trailingAsides(r.type ?? '');
    d.typeName = type.main;
    if (type.asides.length) d.notes.push(`type noted as "${r.type}"`);

    // Issuer: main body; asides are remarks (header, signer, other readings, plenum).
    const issuer = trailingAsides((r.issuer ?? '').trim());
    let issuerMain = issuer.main;
    if (/^\(/.test(r.issuer ?? '') || /not stated/.test(issuerMain)) issuerMain = '';
    d.issuer = issuerMain;
    for (const a of issuer.asides) {
      const plen = /Hội nghị (?:TW|Trung ương) (\d+)/.exec(a);
      if (plen) { d.plenum = plen[1]!; continue; }
      const other = /(?:one source: '|some sources: |(\S+) says )(Ban Chấp hành Trung ương)/.exec(a);
      if (other) {
        const who = other[1];
        const srcs = who ? d.sources.filter((u) => u.includes(who.replace(/^snv\./, ''))) : d.sources;
        d.readings.push(`issuer=${other[2]} <${(srcs.length ? srcs : d.sources).join(' ')}>`);
        d.notes.push(`issuer: ${a}`);
        continue;
      }
      d.notes.push(`issuer: ${a}`);
    }
    if (!issuerMain && issuer.asides.length === 0 && r.issuer) d.notes.push(`issuer: ${r.issuer}`);

    // Term and place.
    const termCell = r.term ?? '';
    if (/^(?:TW )?khóa [IVX]+$/.test(termCell)) d.term = termNumeral(termCell)!;
    else if (/^Đảng bộ/.test(termCell)) {
      const p = /^Đảng bộ (?:tỉnh |TP |thành phố )?(.+?)(?: khóa ([IVX]+))?$/.exec(termCell);
      if (p) { d.place = p[1]!; if (p[2]) d.term = p[2]; }
      d.notes.push(`term of the provincial Party committee: "${termCell}"`);
    } else if (termCell) d.notes.push(`term: ${termCell}`);
    if (!d.place) {
      const p = /(?:Tỉnh ủy|Thành ủy|Đảng bộ tỉnh) ([A-ZĐ][\p{L}]*(?: [A-ZĐ][\p{L}]*)*)/u.exec(r.issuer ?? '');
      if (p) d.place = p[1]!;
    }
    const plenumCell = /Hội nghị Trung ương (\d+) khóa ([IVX]+)/.exec(r.plenum ?? '');
    if (plenumCell) {
      d.plenum = plenumCell[1]!;
      if (d.typeAbbr === 'NQ') d.aliases.push(`Nghị quyết Trung ương ${plenumCell[1]} khóa ${plenumCell[2]}`);
    } else if (r.plenum) d.notes.push(`plenum: ${r.plenum}`);

    // Title: keep the trích yếu, move remarks to the note; English-only titles are notes, not titles.
    const title = trailingAsides(r.title_vi ?? '');
    let main = title.main;
    const keep: string[] = [];
    for (const a of title.asides) {
      if (REMARK.test(a) || /[0-9]+-[A-ZĐ]+\/|[0-9]+\/[0-9]{4}\//.test(a)) {
        d.notes.push(`title remark: ${a}`);
        d.relationTexts.push(a);
        const disagree = /sources disagree on day: ([0-9/-]+) (?:in ([^v]+?) )?vs ([0-9/-]+)/.exec(a);
        if (disagree) for (const v of [disagree[1]!, disagree[3]!]) {
          const iso = dmy(v);
          if (iso) d.readings.push(`date=${iso} <${d.sources.join(' ')}>`);
        }
        const repl = /^replaced by (\S+)/.exec(a);
        if (repl) { d.status = `replaced by ${repl[1]}`; d.statusSource = d.sources[0] ?? ''; }
        const eff = /^hiệu lực từ (.+)$/.exec(a);
        if (eff) { d.status = `hiệu lực từ ${eff[1]}`; d.statusSource = d.sources[0] ?? ''; }
      } else keep.push(a);
    }
    if (keep.length) main = `${main} ${keep.map((k) => `(${k})`).join(' ')}`.trim();
    if (/^\(/.test(r.title_vi ?? '') && !title.main) main = '';
    if (/^(?:on|\(sources read are in English)/.test(main) || /^[a-z ,'-]+$/i.test(main)) {
      if (main) d.notes.push(`English description only: ${main}`);
      main = '';
    }
    d.title = main;
    if (/^về tiếp tục thực hiện|^thực hiện|^hướng dẫn/.test(main)) d.relationTexts.push(main);
    if (!d.sources.length && !d.lead) { note(code, line, 'dropped: no source'); continue; }
    out.push(d);
  }
  return out;
}

/** "14/5/2011", "15-4-2011", "10-6-2012" → ISO. */
function dmy(v: string): string | undefined {
  const m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(v.trim());
  if (!m) return undefined;
  return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

// ---------------------------------------------------------------- State documents
function stateCodeParts(code: string): { number: string; typeAbbr: string; issuerAbbr: string } | undefined {
  let m = /^(\d+)\/(\d{4})\/([^/]+)$/.exec(code);
  if (m) {
    const tail = m[3]!;
    if (/^QH\d*$/.test(tail) || /^UBTVQH\d+$/.test(tail)) return { number: numberKey(m[1]!), typeAbbr: '', issuerAbbr: tail };
    const dash = tail.indexOf('-');
    return { number: numberKey(m[1]!), typeAbbr: dash > 0 ? tail.slice(0, dash) : tail, issuerAbbr: dash > 0 ? tail.slice(dash + 1) : '' };
  }
  m = /^(\d+)-([^/]+)\/(.+)$/.exec(code);
  if (m) return { number: numberKey(m[1]!), typeAbbr: m[2]!, issuerAbbr: m[3]! };
  return undefined;
}

function importState(): Draft[] {
  const t = parseTsv(readFileSync(join(shared, 'state-docs.tsv'), 'utf8'));
  const out: Draft[] = [];
  for (const { line, cells: r } of t.rows) {
    const code = r.code!.normalize('NFC');
    const parts = stateCodeParts(code);
    if (!parts) { note(code, line, 'dropped: code not of a state form'); continue; }
    const src = sourceList(r.source_address ?? '');
    const d: Draft = {
      code, family: 'state', ...parts, typeName: r.type ?? '', issuer: r.issuer ?? '', date: r.date ?? '', term: '',
      plenum: '', place: '', title: r.title_vi ?? '', status: '', statusSource: '', aliases: [], relations: [],
      readings: [], sources: src.urls, lead: src.lead, confidence: confidenceOf(src.urls, src.lead), notes: [],
      origin: `state-docs.tsv:${line}`, relationTexts: [],
    };
    if (r.status) {
      const said = /as stated on ([\w.-]+)/.exec(r.status);
      const host = said?.[1];
      d.status = r.status;
      d.statusSource = (host && d.sources.find((u) => u.includes(host))) || d.sources[0] || '';
      if (/còn hiệu lực/.test(r.status)) d.notes.push('status "còn hiệu lực" was read on a page of unknown date: stated, not today\'s status');
    }
    out.push(d);
  }
  return out;
}

// ---------------------------------------------------------------- Law headers (machine-extracted, cleaned)
const PROPER: [RegExp, string][] = [
  [/việt nam/g, 'Việt Nam'], [/quốc hội/g, 'Quốc hội'], [/hội đồng nhân dân/g, 'Hội đồng nhân dân'],
  [/uỷ ban nhân dân|ủy ban nhân dân/g, 'Ủy ban nhân dân'], [/mặt trận tổ quốc/g, 'Mặt trận Tổ quốc'],
  [/tòa án nhân dân|toà án nhân dân/g, 'Tòa án nhân dân'], [/viện kiểm sát nhân dân/g, 'Viện kiểm sát nhân dân'],
  [/ngân hàng nhà nước/g, 'Ngân hàng Nhà nước'], [/kiểm toán nhà nước/g, 'Kiểm toán Nhà nước'], [/chính phủ/g, 'Chính phủ'],
  [/công an nhân dân/g, 'Công an nhân dân'], [/quân đội nhân dân/g, 'Quân đội nhân dân'],
];

function sentenceCase(upper: string): string {
  let s = upper.toLocaleLowerCase('vi');
  for (const [re, rep] of PROPER) s = s.replace(re, rep);
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

/** The law's name from a machine-extracted heading. */
function cleanLawTitle(raw: string): string | undefined {
  let s = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  // Drop the National Assembly banner "QUỐC HỘI NƯỚC … Khóa XI, kỳ họp thứ 9 (Từ ngày … )".
  s = s.replace(/^QUỐC HỘI NƯỚC CỘNG H(?:OÀ|ÒA) XÃ HỘI CHỦ NGHĨA VIỆT NAM .*?\)\s*/iu, '');
  // Keep the upper-case heading only (drop a body sentence that follows it).
  const words = s.split(' ');
  const heading: string[] = [];
  for (const w of words) {
    if (/\p{Ll}/u.test(w) && !/^\d/.test(w)) break;
    heading.push(w);
  }
  s = heading.join(' ').replace(/[,;:.]+$/, '');
  if (!/^(?:BỘ )?LUẬT/.test(s)) return undefined;
  // "LUẬT CỦA QUỐC HỘI … SỐ X NGÀY … VỀ Y" and "LUẬT SỐ X NGÀY … CỦA QUỐC HỘI VỀ Y" → "LUẬT Y".
  let m = /^LUẬT (?:CỦA QUỐC HỘI.*?|SỐ .*?)(?:\bVỀ |NĂM \d{4} )(?:LUẬT )?(.+)$/.exec(s);
  if (m) s = `LUẬT ${m[1]}`;
  // "LUẬT X [CỦA QUỐC HỘI …] SỐ N NGÀY …" → "LUẬT X".
  m = /^(.+?)(?: CỦA QUỐC HỘI.*)? SỐ \S+(?: NGÀY .*)?$/.exec(s);
  if (m) s = m[1]!;
  s = s.replace(/ CỦA QUỐC HỘI(?: NƯỚC| SỐ).*$/, '');
  return sentenceCase(s).replace(/^(Bộ luật|Luật) (\p{L})/u, (_, a: string, b: string) => `${a} ${b.toLocaleUpperCase('vi')}`).replace(/,(?=\S)/g, ', ');
}

function importLaws(): Draft[] {
  const t = parseTsv(readFileSync(join(shared, 'law-headers.tsv'), 'utf8'));
  const out: Draft[] = [];
  for (const { line, cells: r } of t.rows) {
    let code = (r.so_hieu ?? '').normalize('NFC');
    const heading = (r.title ?? '').normalize('NFC');
    const date = r.ngay_ban_hanh ?? '';
    const where = `law-headers.tsv:${line} (${r.file})`;
    // Truncated codes: complete from the heading's own "SỐ …" when it starts the same way.
    const inHeading = /SỐ (\d+[-/][\p{L}\d/-]+)/u.exec(heading)?.[1];
    if (inHeading && inHeading !== code && inHeading.startsWith(code)) {
      log.push(`- ${code} (${where}): code completed from the heading to ${inHeading}`);
      code = inHeading;
    }
    const year = /^\d+\/(\d{4})\//.exec(code)?.[1];
    if (year && date && date.slice(0, 4) !== year) {
      log.push(`- ${code} (${where}): dropped: date ${date} contradicts the code's year (the extractor read another document's number or date)`);
      continue;
    }
    if (/\/QH$/.test(code)) {
      const k = /Kh(?:óa|oá|oa) ([IVX]+), kỳ họp/iu.exec(heading)?.[1];
      const n = k ? romanToInt(k.toUpperCase()) : undefined;
      if (!n) { log.push(`- ${code} (${where}): dropped: code truncated and the heading gives no term`); continue; }
      log.push(`- ${code} (${where}): code completed to ${code}${n} from the heading "Khóa ${k!.toUpperCase()}, kỳ họp …"`);
      code = `${code}${n}`;
    }
    const parts = stateCodeParts(code);
    if (!parts) { log.push(`- ${code} (${where}): dropped: code not of a state form`); continue; }
    const title = cleanLawTitle(heading);
    if (!title) { log.push(`- ${code} (${where}): dropped: heading does not name the law ("${heading.slice(0, 60)}…")`); continue; }
    if (title !== heading) log.push(`- ${code} (${where}): title cleaned to "${title}"`);
    const issuerLine = (r.issuer_line ?? '').trim();
    if (issuerLine !== 'QUỐC HỘI') log.push(`- ${code} (${where}): issuer "${issuerLine}" read as Quốc hội`);
    out.push({
      code, family: 'state', ...parts, typeName: title.startsWith('Bộ luật') ? 'Bộ luật' : 'Luật', issuer: 'Quốc hội', date,
      term: '', plenum: '', place: '', title, status: '', statusSource: '', aliases: [], relations: [], readings: [],
      sources: [`law-text:${r.file}`], lead: '', confidence: 'secondary',
      notes: ['number, date and heading machine-extracted from the law\'s own text (law-headers.tsv); the text\'s address was not recorded'],
      origin: `law-headers.tsv:${line}`, relationTexts: [],
    });
  }
  return out;
}

function romanToInt(r: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };
  let n = 0;
  for (let i = 0; i < r.length; i++) {
    const a = v[r[i]!] ?? 0; const b = v[r[i + 1]!] ?? 0;
    n += a < b ? -a : a;
  }
  return n;
}

// ---------------------------------------------------------------- Merge, ids, relations, output
function merge(drafts: Draft[]): Draft[] {
  // State documents: one row per code; a second source of the same code adds sources, or readings where it disagrees.
  const out: Draft[] = [];
  const byCode = new Map<string, Draft>();
  for (const d of drafts) {
    const key = codeKey(d.code);
    const prev = d.family === 'state' ? byCode.get(key) : undefined;
    if (!prev) { out.push(d); if (d.family === 'state') byCode.set(key, d); continue; }
    for (const s of d.sources) if (!prev.sources.includes(s)) prev.sources.push(s);
    for (const [field, a, b] of [['date', prev.date, d.date], ['title', prev.title, d.title]] as const) {
      if (a && b && a.toLocaleLowerCase('vi') !== b.toLocaleLowerCase('vi') && !(field === 'title' && a.toLocaleLowerCase('vi').includes(b.toLocaleLowerCase('vi').replace(/^(bộ )?luật /, '')))) {
        const prevSrc = prev.sources.filter((s) => !d.sources.includes(s));
        prev.readings.push(`${field}=${a} <${prevSrc.join(' ')}>`, `${field}=${b} <${d.sources.join(' ')}>`);
        log.push(`- ${d.code}: ${d.origin} and ${prev.origin} disagree on the ${field} ("${a}" / "${b}"): both kept as readings`);
      } else if (!a && b) (prev as unknown as Record<string, unknown>)[field] = b;
    }
    if (!prev.issuer && d.issuer) prev.issuer = d.issuer;
    if (d.sources.some((s) => s.startsWith('law-text:'))) prev.notes.push(...d.notes.filter((n) => !prev.notes.includes(n)));
    log.push(`- ${d.code}: ${d.origin} merged into ${prev.origin} (same code)`);
  }
  return out;
}

function assignIds(drafts: Draft[]): Map<Draft, string> {
  const ids = new Map<Draft, string>();
  const used = new Set<string>();
  for (const d of drafts) {
    let id = documentId(d.code, d.date || undefined, d.term || undefined);
    for (let n = 2; used.has(id); n++) id = `${documentId(d.code, d.date || undefined, d.term || undefined)}#${n}`;
    used.add(id); ids.set(d, id);
  }
  return ids;
}

/** Relations a source row states in its own words ("thay thế Quy định số 260-QĐ/TW ngày 02/10/2009"). */
function deriveRelations(drafts: Draft[], ids: Map<Draft, string>): void {
  const records: DocumentRecord[] = drafts.map((d) => ({
    id: ids.get(d)!, code: d.code, family: d.family, number: d.number, typeAbbr: d.typeAbbr, typeName: d.typeName,
    issuerAbbr: d.issuerAbbr, date: d.date || undefined, term: d.term || undefined, aliases: [], relations: [], readings: [],
    sources: [], confidence: 'secondary', place: d.place || undefined,
  }));
  const CODE = /(\d+-[A-ZĐa-zi]+\/[A-ZĐƯ]+)(?:,? (?:ngày |năm )?(\d{1,2}\/\d{1,2}\/\d{4}|\(\d{4}\)|\d{4}))?(?: của [^()]*?\(?khóa ([IVX]+)\)?)?/g;
  for (const d of drafts) {
    for (const text of d.relationTexts.flatMap((t) => t.split(/;\s*/))) {
      const kind = /^(?:thay thế|replaced by)/i.test(text) ? (/^replaced by/.test(text) ? 'replaced-by' : 'replaces')
        : /thực hiện/.test(text) ? 'implements' : /^hướng dẫn/.test(text) ? 'guides' : undefined;
      if (!kind) continue;
      for (const m of text.matchAll(CODE)) {
        const when = m[2]?.replace(/[()]/g, '');
        const ref: Reference = {
          raw: m[0], code: m[1], start: 0, end: 0, family: 'party', type: {}, issuer: {}, inferred: false,
          date: when ? (dmy(when) ?? when) : undefined, term: m[3],
        };
        const ctxDate = kind === 'replaced-by' ? undefined : d.date || undefined;
        let pool = records.filter((x) => codeKey(x.code) === codeKey(m[1]!) && x.id !== ids.get(d));
        // What replaced this document came after it: only candidates dated after it can be the replacement.
        if (kind === 'replaced-by' && d.date) pool = pool.filter((x) => x.date && x.date.slice(0, 4) >= d.date.slice(0, 4) && x.date > d.date);
        const res = resolveReference(ref, pool, { pageDate: ctxDate });
        // A relation is recorded only when the stated code, date or term single the target out (not the page date).
        const best = res.candidates[0];
        const target = res.status === 'resolved' && best && !best.reasons.some((r) => r.kind === 'latestBeforePageDate') ? best.id : undefined;
        if (!target) { log.push(`- ${d.code} (${d.origin}): relation to ${m[1]} not recorded: ${res.status === 'resolved' ? 'only the date order picks a target' : res.status}`); continue; }
        if (kind === 'replaced-by') {
          const other = drafts.find((x) => ids.get(x) === target)!;
          const entry = `replaces:${ids.get(d)}`;
          if (!other.relations.includes(entry)) other.relations.push(entry);
          log.push(`- ${other.code}: relation replaces ${ids.get(d)} (stated in ${d.origin}: "${text}")`);
          if (!other.sources.length) other.sources.push(...d.sources);
        } else {
          const entry = `${kind}:${target}`;
          if (!d.relations.includes(entry)) d.relations.push(entry);
          log.push(`- ${d.code}: relation ${kind} ${target} (stated in ${d.origin}: "${text}")`);
        }
      }
    }
  }
}

const drafts = merge([...importParty(), ...importState(), ...importLaws()]);
const ids = assignIds(drafts);
deriveRelations(drafts, ids);
const rows = drafts.map((d) => ({
  id: ids.get(d), code: d.code, family: d.family, type_abbr: d.typeAbbr, type_name: d.typeName, number: d.number,
  issuer_abbr: d.issuerAbbr, issuer: d.issuer, date: d.date, term: d.term, plenum: d.plenum, place: d.place,
  title: d.title, status: d.status, status_source: d.statusSource, official_url: '', aliases: d.aliases.join(' ; '),
  relations: d.relations.join(' ; '), readings: d.readings.join(' ; '), sources: d.sources.join(' ; '), lead: d.lead,
  confidence: d.confidence, note: d.notes.join(' | '),
}));
writeFileSync(join(repo, 'data/documents.tsv'), formatTsv([...DOCUMENT_COLUMNS], rows));
writeFileSync(join(repo, 'data/import-log.md'), `# Import log: ../shared/data → data/documents.tsv

Written by \`npx tsx scripts/lib/import-shared-sources.ts\`. Every cleaning decision, merge, reading and relation
taken from the gathered rows, for review. Rows: ${rows.length}.

${log.join('\n')}
`);
console.log(`documents: ${rows.length}; log entries: ${log.length}`);
