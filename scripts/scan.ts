/**
 * vanban-lens scanner: finds document references in text and HTML files.
 *   npm run --silent scan -- [--json] [--resolve [--page-date YYYY-MM-DD] [--site DOMAIN]] FILE...
 *   (FILE "-" reads standard input). --resolve adds the candidate documents from the bundled dataset.
 * Errors (missing file, bad flag): one line on stderr, exit code 2, nothing else printed.
 */
import { readFileSync } from 'node:fs';
import { detect } from '../lib/detector/detect';
import { htmlToText } from './scanner/html-text';
import { lineColumn, table, toRecord } from './scanner/format';
import { candidateRecords } from './scanner/candidates';
import { loadDataset, resolveAll } from './lib/load-dataset';
import type { Dataset } from '../lib/records/schema';

const USAGE =
  'usage: npm run --silent scan -- [--json] [--resolve [--page-date YYYY-MM-DD] [--site DOMAIN]] FILE... (FILE "-" reads standard input)';

function fail(message: string): never {
  process.stderr.write(`scan: ${message}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let json = false;
let resolve = false;
let pageDate: string | undefined;
let site: string | undefined;
const files: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--json') json = true;
  else if (a === '--resolve') resolve = true;
  else if (a === '--page-date' || a.startsWith('--page-date=')) {
    pageDate = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
    if (!pageDate || !/^\d{4}(-\d{2}-\d{2})?$/.test(pageDate)) fail(`--page-date needs YYYY-MM-DD or YYYY; ${USAGE}`);
  } else if (a === '--site' || a.startsWith('--site=')) {
    site = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
    if (!site || site.startsWith('-')) fail(`--site needs a domain; ${USAGE}`);
  }
  else if (a === '--help' || a === '-h') {
    process.stdout.write(USAGE + '\n');
    process.exit(0);
  } else if (a.startsWith('-') && a !== '-') fail(`unknown option ${a}; ${USAGE}`);
  else files.push(a);
}
if (files.length === 0) fail(`no file given; ${USAGE}`);
if ((pageDate || site) && !resolve) fail(`--page-date and --site go with --resolve; ${USAGE}`);
let dataset: Dataset | undefined;
if (resolve) {
  try {
    dataset = loadDataset();
  } catch (e) {
    fail((e as Error).message.split('\n')[0]!);
  }
}

// Read everything first, so an unreadable file prints nothing but its error.
const inputs = files.map((file) => {
  let content: string;
  try {
    content = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    fail(`cannot read ${file === '-' ? 'standard input' : file}${code ? ` (${code})` : ''}`);
  }
  if (content.charCodeAt(0) === 0xfeff) content = content.slice(1);
  return { file, text: /\.html?$/i.test(file) ? htmlToText(content) : content };
});

const out: string[] = [];
for (const { file, text } of inputs) {
  const refs = detect(text);
  const resolutions = dataset ? resolveAll(refs, dataset, { pageDate, site }) : undefined;
  if (json) {
    refs.forEach((r, i) => {
      const rec = { ...(files.length > 1 ? { file } : {}), ...toRecord(r), ...(resolutions ? candidateRecords(resolutions[i]!) : {}) };
      out.push(JSON.stringify(rec));
    });
    continue;
  }
  if (files.length > 1) out.push(`${file}:`);
  const rows = [['line:col', 'code', 'type', 'issuer', 'date', 'inferred', ...(resolutions ? ['document'] : [])]];
  refs.forEach((r, i) => {
    const rec = toRecord(r);
    rows.push([
      lineColumn(text, r.start),
      r.code ?? `(${r.raw.replace(/\s+/g, ' ')})`,
      r.type.name ?? rec.type ?? '',
      rec.issuerName ?? rec.issuer ?? '',
      [rec.date, rec.term && `khóa ${rec.term}`].filter(Boolean).join(', '),
      r.inferred ? 'yes' : 'no',
      ...(resolutions ? [describeResolution(resolutions[i]!)] : []),
    ]);
  });
  out.push(refs.length ? table(rows) : '(no references)');
}
if (out.length) process.stdout.write(out.join('\n') + '\n');

function describeResolution(res: ReturnType<typeof resolveAll>[number]): string {
  const best = res.candidates[0];
  if (res.status === 'resolved' && best) return `${best.id}`;
  if (res.status === 'ambiguous') return `ambiguous: ${res.candidates.map((c) => c.id).join(' | ')}`;
  return res.status;
}
