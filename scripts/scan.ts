/**
 * vanban-lens scanner: finds document references in text and HTML files.
 *   npm run --silent scan -- [--json] FILE...      (FILE "-" reads standard input)
 * Errors (missing file, bad flag): one line on stderr, exit code 2, nothing else printed.
 */
import { readFileSync } from 'node:fs';
import { detect } from '../lib/detector/detect';
import { htmlToText } from './scanner/html-text';
import { lineColumn, table, toRecord } from './scanner/format';

const USAGE = 'usage: npm run --silent scan -- [--json] FILE... (FILE "-" reads standard input)';

function fail(message: string): never {
  process.stderr.write(`scan: ${message}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let json = false;
const files: string[] = [];
for (const a of args) {
  if (a === '--json') json = true;
  else if (a === '--help' || a === '-h') {
    process.stdout.write(USAGE + '\n');
    process.exit(0);
  } else if (a.startsWith('-') && a !== '-') fail(`unknown option ${a}; ${USAGE}`);
  else files.push(a);
}
if (files.length === 0) fail(`no file given; ${USAGE}`);

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
  if (json) {
    for (const r of refs) out.push(JSON.stringify(files.length > 1 ? { file, ...toRecord(r) } : toRecord(r)));
    continue;
  }
  if (files.length > 1) out.push(`${file}:`);
  const rows = [['line:col', 'code', 'type', 'issuer', 'date', 'inferred']];
  for (const r of refs) {
    const rec = toRecord(r);
    rows.push([
      lineColumn(text, r.start),
      r.code ?? `(${r.raw.replace(/\s+/g, ' ')})`,
      r.type.name ?? rec.type ?? '',
      rec.issuerName ?? rec.issuer ?? '',
      [rec.date, rec.term && `khóa ${rec.term}`].filter(Boolean).join(', '),
      r.inferred ? 'yes' : 'no',
    ]);
  }
  out.push(refs.length ? table(rows) : '(no references)');
}
if (out.length) process.stdout.write(out.join('\n') + '\n');
