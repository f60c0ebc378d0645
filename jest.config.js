// Unit and integration tests run on every `npm test`; e2e and build checks need the builds,
// which `npm test` makes first. Sources are compiled by esbuild (type checking is `npm run typecheck`).
const transform = { '^.+\\.tsx?$': '<rootDir>/tests/support/esbuild-transform.cjs' };
const common = { transform, testEnvironment: 'node', moduleFileExtensions: ['ts', 'tsx', 'js', 'json'] };

module.exports = {
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.cjs'],
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/core/**/*.test.ts', '<rootDir>/adapters/**/*.test.ts', '<rootDir>/server/**/*.test.ts', '<rootDir>/tests/contract/**/*.test.ts', '<rootDir>/tests/integration/**/*.test.ts'],
    },
    { ...common, displayName: 'build', testMatch: ['<rootDir>/tests/build/**/*.test.ts', '<rootDir>/tests/devtools/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
  ],
};
