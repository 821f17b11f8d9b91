// Sums vitest's JSON reports and the CI steps into the one closing line CI reads: "N passed, N failed".
// A report that is missing or a test file that failed to load counts as a failure.
import { existsSync, readFileSync } from 'node:fs';

const [stepPassed, stepFailed, ...reports] = process.argv.slice(2);
let passed = Number(stepPassed) || 0;
let failed = Number(stepFailed) || 0;
for (const file of reports) {
  if (!existsSync(file)) {
    console.log(`${file}: no report (the test run did not finish)`);
    failed++;
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  // Files that could not run at all (syntax error, failing hook) have no failed tests of their own.
  const broken = (r.testResults ?? []).filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'));
  for (const f of broken) console.log(`${f.name}: ${f.message || 'failed to run'}`);
  failed += broken.length;
  if (r.numPendingTests || r.numTodoTests) console.log(`${file}: ${r.numPendingTests + (r.numTodoTests ?? 0)} skipped`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
