/** End-to-end tests: the built preview in Debian's Chromium, driven by playwright-core. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test-e2e'],
  testMatch: ['**/*.e2e.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  globalSetup: '<rootDir>/test-e2e/globalSetup.js',
  testTimeout: 120000,
  maxWorkers: 1,
};
