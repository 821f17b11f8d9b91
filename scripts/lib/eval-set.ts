/**
 * The evaluation set (data/eval/references.tsv) and its report: pure logic, no file access.
 *
 * Each labelled reference names an article, the UTF-16 offsets of a reference in its text, the code (or short
 * name) and the document a careful reader decided the article means: a dataset id (several ids joined by " ; "
 * when the dataset holds one document under several records), `none` (the document meant is not in the dataset),
 * `undecidable` (the article does not let a reader decide) or `not-a-reference` (the detector found something that
 * names no document). The report compares that with what the build answers for the same span.
 */
import type { MentionRecord } from '../../lib/records/schema';
import { reasonText } from '../../lib/resolver/reason-text';
import { parseTsv } from '../../lib/dataset/tsv';
import { isLocalCode } from '../../lib/keys/local-codes';

export const EVAL_COLUMNS = ['article_id', 'start', 'end', 'code', 'expected', 'basis', 'stated_date', 'stated_issuer'] as const;

export type Expected =
  | { kind: 'ids'; ids: string[] }
  | { kind: 'none' }
  | { kind: 'undecidable' }
  | { kind: 'not-a-reference' };

export interface Label {
  line: number;
  articleId: string;
  start: number;
  end: number;
  code: string;
  expected: Expected;
  basis: string;
  /** Date the article gives for the document (YYYY, YYYY-MM or YYYY-MM-DD); empty when it gives none. */
  statedDate: string;
  /** Issuing body as the article's sentence names it; empty when it names none. */
  statedIssuer: string;
}

export interface ParsedLabels {
  labels: Label[];
  errors: string[];
}

export function parseExpected(cell: string): Expected | undefined {
  if (cell === 'none') return { kind: 'none' };
  if (cell === 'undecidable') return { kind: 'undecidable' };
  if (cell === 'not-a-reference') return { kind: 'not-a-reference' };
  const ids = cell.split(' ; ').map((s) => s.trim()).filter(Boolean);
  return ids.length ? { kind: 'ids', ids } : undefined;
}

/** Reads references.tsv; every bad row is an error "line N: reason". */
export function parseLabels(text: string): ParsedLabels {
  const table = parseTsv(text);
  const errors: string[] = [];
  const missing = EVAL_COLUMNS.filter((c) => !table.header.includes(c));
  if (missing.length) errors.push(`header lacks ${missing.join(', ')}`);
  for (const e of table.shapeErrors) errors.push(`line ${e.line}: ${e.reason}`);
  const labels: Label[] = [];
  const seen = new Set<string>();
  for (const { line, cells: c } of table.rows) {
    const start = Number(c.start), end = Number(c.end);
    const expected = parseExpected(c.expected ?? '');
    const fail = (reason: string) => errors.push(`line ${line}: ${reason}`);
    if (!c.article_id) { fail('no article_id'); continue; }
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) { fail(`bad offsets ${c.start}-${c.end}`); continue; }
    if (!expected) { fail('empty expected'); continue; }
    if (!c.code) { fail('no code'); continue; }
    if (!c.basis) { fail('no basis'); continue; }
    if (c.stated_date && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(c.stated_date)) { fail(`stated_date "${c.stated_date}" is not YYYY[-MM[-DD]]`); continue; }
    const key = `${c.article_id}@${start}`;
    if (seen.has(key)) { fail(`duplicate reference ${key}`); continue; }
    seen.add(key);
    labels.push({
      line, articleId: c.article_id, start, end, code: c.code, expected, basis: c.basis,
      statedDate: c.stated_date ?? '', statedIssuer: c.stated_issuer ?? '',
    });
  }
  return { labels, errors };
}

export type Verdict = 'right' | 'wrong' | 'undecided' | 'undecidable' | 'not-a-reference';

export interface Outcome {
  label: Label;
  /** The build's mention at exactly these offsets, else one overlapping them; absent when the detector missed it. */
  mention?: MentionRecord;
  verdict: Verdict;
  /** For wrong and undecided answers: why, in a few words. */
  cause?: string;
}

const overlaps = (m: MentionRecord, l: Label) => m.articleId === l.articleId && m.start < l.end && l.start < m.end;

function answer(m: MentionRecord | undefined): string {
  if (!m) return 'not detected';
  if (m.status === 'resolved') return `resolved to ${m.documentId}`;
  if (m.status === 'ambiguous') return `ambiguous (${(m.candidates ?? []).join(' | ')})`;
  return m.status;
}

/** Decides right / wrong / undecided for one label against the build's mention for its span. */
export function judge(label: Label, mention: MentionRecord | undefined): Outcome {
  const e = label.expected;
  if (e.kind === 'not-a-reference') return { label, mention, verdict: 'not-a-reference' };
  if (e.kind === 'undecidable') return { label, mention, verdict: 'undecidable' };
  const resolvedTo = mention?.status === 'resolved' ? mention.documentId : undefined;
  if (e.kind === 'none') {
    if (!resolvedTo) return { label, mention, verdict: 'right' };
    return { label, mention, verdict: 'wrong', cause: `resolved to ${resolvedTo}, but the document meant is not in the dataset` };
  }
  if (resolvedTo && e.ids.includes(resolvedTo)) return { label, mention, verdict: 'right' };
  if (resolvedTo) return { label, mention, verdict: 'wrong', cause: `resolved to ${resolvedTo}, expected ${e.ids.join(' or ')}` };
  return { label, mention, verdict: 'undecided', cause: answer(mention) };
}

/** Matches every label with the build's mentions (exact span first, else an overlapping one) and judges it. */
export function evaluate(labels: readonly Label[], mentions: readonly MentionRecord[]): Outcome[] {
  const byArticle = new Map<string, MentionRecord[]>();
  for (const m of mentions) {
    const list = byArticle.get(m.articleId) ?? [];
    list.push(m);
    byArticle.set(m.articleId, list);
  }
  return labels.map((l) => {
    const list = byArticle.get(l.articleId) ?? [];
    const mention = list.find((m) => m.start === l.start && m.end === l.end) ?? list.find((m) => overlaps(m, l));
    return judge(l, mention);
  });
}

export interface Figures {
  references: number;
  articles: number;
  /** Labels the resolution is scored on (expected an id or none). */
  scored: number;
  right: number;
  wrong: number;
  undecided: number;
  /** Labels a reader could not decide (not scored). */
  undecidable: number;
  detection: {
    /** Detector mentions in the labelled articles. */
    detected: number;
    /** Of those, mentions that match a real labelled reference. */
    truePositives: number;
    /** Mentions labelled not-a-reference. */
    falsePositives: number;
    /** Mentions in labelled articles that no label covers (should be 0: labelled articles are labelled whole). */
    unlabelled: number;
    /** Real references (every label but not-a-reference). */
    references: number;
    /** Real references the detector found (same or overlapping span). */
    found: number;
    precision: number;
    recall: number;
  };
  dates: { stated: number; readRight: number; readWrong: number; missed: number; invented: number };
  issuers: { stated: number; readRight: number; readWrong: number; missed: number; invented: number };
}

/** Lower case, single spaces, NFC: how issuer names are compared. */
export function normalizeName(s: string): string {
  return s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
}

/**
 * The detector read the stated issuer when its reading is the stated name or a part of it ("Thành ủy" for
 * "Thành ủy Hà Nội"); a reading longer than the stated name ("Chính phủ định" for "Chính phủ") is read differently.
 */
export function sameIssuer(stated: string, read: string): boolean {
  const a = normalizeName(stated), b = normalizeName(read);
  return b.length > 0 && a.includes(b);
}

function tally(outcomes: readonly Outcome[], stated: (l: Label) => string, read: (m: MentionRecord) => string | undefined, same: (a: string, b: string) => boolean) {
  const t = { stated: 0, readRight: 0, readWrong: 0, missed: 0, invented: 0 };
  for (const o of outcomes) {
    if (!o.mention || o.label.expected.kind === 'not-a-reference') continue;
    const s = stated(o.label), r = read(o.mention) ?? '';
    if (s) {
      t.stated++;
      if (!r) t.missed++;
      else if (same(s, r)) t.readRight++;
      else t.readWrong++;
    } else if (r) t.invented++;
  }
  return t;
}

const ratio = (n: number, d: number) => (d === 0 ? 0 : n / d);

export function figures(outcomes: readonly Outcome[], mentions: readonly MentionRecord[]): Figures {
  const count = (v: Verdict) => outcomes.filter((o) => o.verdict === v).length;
  const articles = new Set(outcomes.map((o) => o.label.articleId));
  const inArticles = mentions.filter((m) => articles.has(m.articleId));
  const labelsOf = (m: MentionRecord) => outcomes.filter((o) => overlaps(m, o.label));
  let truePositives = 0, falsePositives = 0, unlabelled = 0;
  for (const m of inArticles) {
    const ls = labelsOf(m);
    if (!ls.length) unlabelled++;
    else if (ls.every((o) => o.label.expected.kind === 'not-a-reference')) falsePositives++;
    else truePositives++;
  }
  const real = outcomes.filter((o) => o.label.expected.kind !== 'not-a-reference');
  const found = real.filter((o) => o.mention).length;
  return {
    references: outcomes.length,
    articles: articles.size,
    scored: count('right') + count('wrong') + count('undecided'),
    right: count('right'),
    wrong: count('wrong'),
    undecided: count('undecided'),
    undecidable: count('undecidable'),
    detection: {
      detected: inArticles.length, truePositives, falsePositives, unlabelled,
      references: real.length, found,
      precision: ratio(truePositives, truePositives + falsePositives + unlabelled),
      recall: ratio(found, real.length),
    },
    dates: tally(outcomes, (l) => l.statedDate, (m) => m.date, (a, b) => a === b),
    issuers: tally(outcomes, (l) => l.statedIssuer, (m) => m.issuerName, sameIssuer),
  };
}

export type Kind = 'Party code, central' | 'Party code, local' | 'state code, central' | 'state code, local' | 'short or plenum name';
export const KINDS: readonly Kind[] = ['Party code, central', 'Party code, local', 'state code, central', 'state code, local', 'short or plenum name'];

/** What kind of reference a label is, from its code: written Party / state code (central or local), or a short name. */
export function kindOf(code: string): Kind {
  if (!/^\d/.test(code)) return 'short or plenum name';
  const party = /^\d+[A-Za-z]?\s*-/.test(code.slice(0, code.indexOf('/') >= 0 ? code.indexOf('/') : code.length));
  const local = isLocalCode(code);
  if (party) return local ? 'Party code, local' : 'Party code, central';
  return local ? 'state code, local' : 'state code, central';
}

const pct = (n: number, d: number) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)} %`);
const cell = (s: string) => s.replace(/\|/g, '\\|');

/** What led the resolver to its wrong answer, read from its reasons (the article's side is the label's basis). */
export function wrongCause(o: Outcome): string {
  const kinds = new Set((o.mention?.reasons ?? []).map((r) => r.kind));
  const none = o.label.expected.kind === 'none';
  const what = none ? 'the document meant is not in the dataset' : 'the article points to another record';
  if (kinds.has('onlyBeforePageDate') || kinds.has('latestBeforePageDate')) return `picked by the page date alone; ${what}`;
  if (kinds.has('onlyKnownCode') || kinds.has('onlyKnownName')) return `the only record with this ${kinds.has('onlyKnownName') ? 'name' : 'code'}; ${what}`;
  if (kinds.has('plenum')) return `plenum and term match; ${what}`;
  if (kinds.has('dateMatches') || kinds.has('yearMatches')) return `date matches; ${what}`;
  if (kinds.has('subjectMatches')) return `subject words match; ${what}`;
  if (kinds.has('issuerMatches')) return `number, type and issuer match; ${what}`;
  return `code or number matches; ${what}`;
}

function where(o: Outcome): string {
  const l = o.label;
  return `${l.articleId} @${l.start} "${cell(o.mention?.raw ?? l.code)}"`;
}

/** The report in Markdown. Deterministic: the order of the labels, no clock. */
export function formatReport(outcomes: readonly Outcome[], mentions: readonly MentionRecord[], version: string): string {
  const f = figures(outcomes, mentions);
  const d = f.detection;
  const wrong = outcomes.filter((o) => o.verdict === 'wrong');
  const undecided = outcomes.filter((o) => o.verdict === 'undecided');
  const undecidable = outcomes.filter((o) => o.verdict === 'undecidable');
  const byStatus = new Map<string, number>();
  for (const o of undecided) byStatus.set(o.mention?.status ?? 'not detected', (byStatus.get(o.mention?.status ?? 'not detected') ?? 0) + 1);
  const expectedNone = outcomes.filter((o) => o.label.expected.kind === 'none');
  const expectedId = outcomes.filter((o) => o.label.expected.kind === 'ids');
  const rightOf = (os: Outcome[]) => os.filter((o) => o.verdict === 'right').length;
  const wrongOf = (os: Outcome[]) => os.filter((o) => o.verdict === 'wrong').length;
  const wrongRows = wrong.map((o) =>
    `| ${where(o)} | ${cell(answer(o.mention))} | ${cell((o.mention?.reasons ?? []).map(reasonText).join('; ') || '–')} | ${cell(o.label.expected.kind === 'ids' ? o.label.expected.ids.join(' or ') : o.label.expected.kind)} | ${cell(o.label.basis)} | ${cell(wrongCause(o))} |`);
  const dateLine = (t: Figures['dates']) =>
    `${t.stated} stated: read right ${t.readRight} (${pct(t.readRight, t.stated)}), read differently ${t.readWrong}, not read ${t.missed}; read where the sentence states none: ${t.invented}`;
  return `# Evaluation report

Written by \`npm run eval\` (scripts/eval-report.ts) from the labelled references in \`data/eval/references.tsv\`
(see \`data/eval/README.md\`) and a fresh build of the dataset (\`buildDataset\`, the code of this commit;
dataset version \`${version}\`). A test fails when this file is not what the current code gives.

## Resolution

- References: **${f.references}** in **${f.articles}** articles; scored: ${f.scored} (expected a dataset id: ${expectedId.length}; expected "not in the dataset": ${expectedNone.length}); a reader could not decide: ${f.undecidable}; not a reference: ${outcomes.filter((o) => o.verdict === 'not-a-reference').length}
- Right: **${f.right} (${pct(f.right, f.scored)})** — expected an id: ${rightOf(expectedId)}; expected none and left unresolved: ${rightOf(expectedNone)}
- Wrong: **${f.wrong} (${pct(f.wrong, f.scored)})** — resolved to another document: ${wrongOf(expectedId)}; resolved although the document is not in the dataset: ${wrongOf(expectedNone)}
- Undecided: **${f.undecided} (${pct(f.undecided, f.scored)})** — ${[...byStatus].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([s, n]) => `${s} ${n}`).join(', ') || 'none'}

Right: resolved to the expected id, or not resolved when the document is not in the dataset. Wrong: resolved to
another id, or resolved when the document is not in the dataset. Undecided: ambiguous, unresolved, needs-place or
not detected when the article names a document of the dataset.

## By kind of reference

| kind | references | right | wrong | undecided | not decidable |
| --- | --- | --- | --- | --- | --- |
${KINDS.map((k) => {
    const os = outcomes.filter((o) => kindOf(o.label.code) === k);
    const n = (v: Verdict) => os.filter((o) => o.verdict === v).length;
    return `| ${k} | ${os.length} | ${n('right')} | ${n('wrong')} | ${n('undecided')} | ${n('undecidable')} |`;
  }).join('\n')}

## Detector on the labelled articles

- Code detection: precision **${pct(d.truePositives, d.truePositives + d.falsePositives + d.unlabelled)}** (${d.truePositives} of ${d.detected} detected mentions are labelled references; ${d.falsePositives} not a reference; ${d.unlabelled} not labelled); recall **${pct(d.found, d.references)}** (${d.found} of ${d.references} labelled references found)
- Dates: ${dateLine(f.dates)}
- Issuers: ${dateLine(f.issuers)}

## Wrong answers and their causes

${wrongRows.length ? `| reference | build's answer | resolver's reasons | expected | what the article states | cause |\n| --- | --- | --- | --- | --- | --- |\n${wrongRows.join('\n')}` : '(none)'}

## Undecided

${undecided.map((o) => `- ${where(o)}: ${o.cause}; expected ${o.label.expected.kind === 'ids' ? o.label.expected.ids.join(' or ') : o.label.expected.kind} (${o.label.basis})`).join('\n') || '(none)'}

## Not decidable by a reader (not scored)

${undecidable.map((o) => `- ${where(o)}: build says ${answer(o.mention)} (${o.label.basis})`).join('\n') || '(none)'}
`;
}
