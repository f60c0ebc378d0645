// Ends the run with one plain line CI can read: "tests: N passed, N failed, N skipped".
class SummaryReporter {
  onRunComplete(_contexts, r) {
    const skipped = r.numPendingTests + r.numTodoTests;
    process.stderr.write(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
module.exports = SummaryReporter;
