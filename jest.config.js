/** Three suites: unit (pure code), integration (real Postgres + Redis), data (the real list files in ../shared/data). */
const moduleNameMapper = {
  '^@sanctions/shared/(.*)$': '<rootDir>/shared/src/$1',
  '^@sanctions/api$': '<rootDir>/services/api/src',
  '^@sanctions/screening-worker$': '<rootDir>/workers/screening/src',
  '^@sanctions/lists-worker$': '<rootDir>/workers/lists/src',
  '^@sanctions/webhooks-worker$': '<rootDir>/workers/webhooks/src',
  '^@sanctions/standalone$': '<rootDir>/services/standalone/src',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }] };
const common = { testEnvironment: 'node', moduleNameMapper, transform, moduleFileExtensions: ['ts', 'js', 'json'] };

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/tests/support/integration-timeout.ts'],
    },
    {
      ...common,
      displayName: 'data',
      testMatch: ['<rootDir>/tests/data/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/tests/support/data-timeout.ts'],
    },
  ],
};
