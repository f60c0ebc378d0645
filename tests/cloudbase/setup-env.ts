// jest setupFiles of the 'cloudbase' project: tests/support/harness.ts builds its store with the
// CloudBase adapter on the CloudBase test bed instead of SQLite, so tests/integration/** runs on both.
process.env.HARNESS_STORE = 'cloudbase';
