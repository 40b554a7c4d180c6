// Prints `tests: N passed, M failed[, K skipped]` from vitest's JSON report and exits
// non-zero when anything failed, or when the report is missing or counts no test.
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2] ?? '.test-results/vitest.json';
if (!existsSync(file)) {
  console.log('tests: 0 passed, 1 failed');
  process.exit(1);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
const passed = report.numPassedTests ?? 0;
// A test file that fails to load counts no tests: count it as a failure.
const brokenFiles = (report.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
const failed = (report.numFailedTests ?? 0) + brokenFiles;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
