// Unit and integration tests run on every `npm test`; e2e and build checks need the builds,
// which `npm test` makes first. Sources are compiled by esbuild (type checking is `npm run typecheck`).
//
// Timeouts are sized for a 2-core machine that is busy with something else (a parallel build, CI
// neighbours): a test fails because something is wrong, never because the machine is slow. jest takes one
// testTimeout for all projects; suites that do heavier work (builds, the browser, the 10^4 property test)
// set their own, larger ones with jest.setTimeout.
const { readdirSync, readFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const transform = { '^.+\\.tsx?$': '<rootDir>/tests/support/esbuild-transform.cjs' };
const common = { transform, testEnvironment: 'node', moduleFileExtensions: ['ts', 'tsx', 'js', 'json'] };

/**
 * Use-case tests sit beside their module (core/assignment/assign.test.ts next to assign.ts); flows that cross
 * concepts stay in tests/integration. A test beside the code that builds its world with tests/support/harness (or seeded.ts, built on it)
 * drives the use case through the service function on a store, so it runs on both stores like the integration
 * suite: the 'cloudbase' project picks it by that import, which is exactly what HARNESS_STORE changes. Pure unit
 * tests (no harness) have nothing to run on CloudBase and run in 'unit' only; a file holding both (pure cases and
 * cases on the harness, e.g. core/visits/codes.test.ts) runs whole in both, its pure part costing milliseconds.
 * Nothing to name or list by hand: a moved or new test lands in the right projects by what it imports.
 */
function harnessTestsBesideCode() {
  const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.test.ts') ? [join(dir, e.name)] : []);
  return ['core', 'adapters', 'server']
    .flatMap((d) => walk(join(__dirname, d)))
    .filter((f) => /tests\/support\/(harness|seeded)['"]/.test(readFileSync(f, 'utf8')))
    .map((f) => `<rootDir>/${relative(__dirname, f).split('\\').join('/')}`)
    .sort();
}

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
    // The integration suite, the store contract and every use-case test that uses the harness, again on the
    // CloudBase adapter over the CloudBase test bed (tests/cloudbase): the harness reads HARNESS_STORE, set by
    // the setup file. See harnessTestsBesideCode for why the tests beside the code are picked by their import.
    {
      ...common,
      displayName: 'cloudbase',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts', '<rootDir>/tests/cloudbase/**/*.test.ts', ...harnessTestsBesideCode()],
      setupFiles: ['<rootDir>/tests/cloudbase/setup-env.ts'],
    },
    // The built cloud functions (cloudfunctions/*/index.js) on CloudBase's Node.js runtimes, in child processes.
    { ...common, displayName: 'runtime', testMatch: ['<rootDir>/tests/runtime/**/*.test.ts'] },
    { ...common, displayName: 'build', testMatch: ['<rootDir>/tests/build/**/*.test.ts', '<rootDir>/tests/devtools/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
  ],
};
