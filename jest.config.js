// Unit and integration tests run on every `npm test`; e2e and build checks need the builds,
// which `npm test` makes first. Sources are compiled by esbuild (type checking is `npm run typecheck`).
//
// Timeouts are sized for a 2-core machine that is busy with something else (a parallel build, CI
// neighbours): a test fails because something is wrong, never because the machine is slow. jest takes one
// testTimeout for all projects; suites that do heavier work (builds, the browser, the 10^4 property test)
// set their own, larger ones with jest.setTimeout.
const transform = { '^.+\\.tsx?$': '<rootDir>/tests/support/esbuild-transform.cjs' };
const common = { transform, testEnvironment: 'node', moduleFileExtensions: ['ts', 'tsx', 'js', 'json'] };

module.exports = {
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.cjs'],
  testTimeout: 60_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/core/**/*.test.ts', '<rootDir>/adapters/**/*.test.ts', '<rootDir>/server/**/*.test.ts',
        '<rootDir>/tests/contract/**/*.test.ts', '<rootDir>/tests/integration/**/*.test.ts', '<rootDir>/tests/security/**/*.test.ts',
      ],
    },
    // The integration suite and the store contract again, on the CloudBase adapter over the CloudBase test bed
    // (tests/cloudbase): the harness reads HARNESS_STORE, set by the setup file.
    {
      ...common,
      displayName: 'cloudbase',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts', '<rootDir>/tests/cloudbase/**/*.test.ts'],
      setupFiles: ['<rootDir>/tests/cloudbase/setup-env.ts'],
    },
    // The built cloud functions (cloudfunctions/*/index.js) on CloudBase's Node.js runtimes, in child processes.
    { ...common, displayName: 'runtime', testMatch: ['<rootDir>/tests/runtime/**/*.test.ts'] },
    { ...common, displayName: 'build', testMatch: ['<rootDir>/tests/build/**/*.test.ts', '<rootDir>/tests/devtools/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
  ],
};
