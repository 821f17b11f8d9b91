/**
 * Node side of the evaluation: reads data/eval/references.tsv, builds the dataset with the current code
 * (buildDataset, as `npm run dataset` does) and returns the report data/eval-report.md should hold.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDataset } from './dataset-build';
import { evaluate, formatReport, parseLabels, type Outcome } from './eval-set';
import type { Dataset } from '../../lib/records/schema';

export interface EvalRun {
  errors: string[];
  report?: string;
  outcomes?: Outcome[];
  dataset?: Dataset;
}

export function runEval(repo: string, corpusDir = join(repo, '../shared/data/corpus'), seedsDir = join(repo, '../shared/seeds')): EvalRun {
  const parsed = parseLabels(readFileSync(join(repo, 'data/eval/references.tsv'), 'utf8'));
  if (parsed.errors.length) return { errors: parsed.errors.map((e) => `data/eval/references.tsv ${e}`) };
  const built = buildDataset({ dataDir: join(repo, 'data'), corpusDir, seedsDir });
  if (built.errors.length || !built.dataset) return { errors: built.errors };
  const outcomes = evaluate(parsed.labels, built.dataset.mentions);
  return { errors: [], outcomes, dataset: built.dataset, report: formatReport(outcomes, built.dataset.mentions, built.dataset.version) };
}
