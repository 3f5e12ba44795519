// Ends the run with a plain "N passed, N failed" line, which CI log readers recognise. A suite that
// failed to run (it threw while loading, so none of its tests ran) counts as one failure and is named.
const { relative } = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const notRun = results.testResults
      .filter((suite) => Boolean(suite.testExecError))
      .map((suite) => relative(this.rootDir, suite.testFilePath));
    const notRunLine =
      notRun.length > 0
        ? `${notRun.length} test ${notRun.length === 1 ? 'suite' : 'suites'} failed to run: ${notRun.join(', ')}\n`
        : '';
    process.stdout.write(
      `\n${notRunLine}${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
    );
  }
}
module.exports = SummaryReporter;
