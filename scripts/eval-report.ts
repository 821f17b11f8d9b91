/**
 * npm run eval: scores the resolver (and the detector) against the hand-labelled references in
 * data/eval/references.tsv, on a fresh build of the dataset, and writes data/eval-report.md.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runEval } from './lib/eval-run';

const repo = resolve(import.meta.dirname, '..');
const run = runEval(repo);
if (run.errors.length || !run.report) {
  console.error('Evaluation failed:');
  for (const e of run.errors) console.error(`  ${e}`);
  process.exit(1);
}
writeFileSync(join(repo, 'data/eval-report.md'), run.report);
console.log(run.report.split('\n').filter((l) => l.startsWith('- ')).slice(0, 7).join('\n'));
