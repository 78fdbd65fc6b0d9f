/** Three suites: unit (pure code), integration (real Postgres + Redis), data (the real list files in ../shared/data). */
const moduleNameMapper = {
  '^@sanctions/shared/(.*)$': '<rootDir>/shared/src/$1',
  '^@sanctions/api$': '<rootDir>/services/api/src',
  '^@sanctions/screening-worker$': '<rootDir>/workers/screening/src',
  '^@sanctions/lists-worker$': '<rootDir>/workers/lists/src',
  '^@sanctions/webhooks-worker$': '<rootDir>/workers/webhooks/src',
  '^@sanctions/standalone$': '<rootDir>/services/standalone/src',
};
// any-ascii ships only as an ES module, which Jest on Node 20 cannot require: compiled to CommonJS for the tests.
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }],
  '/node_modules/any-ascii/.+\\.js$': [
    'ts-jest',
    { tsconfig: { allowJs: true, module: 'commonjs' }, isolatedModules: true },
  ],
};
const transformIgnorePatterns = ['/node_modules/(?!any-ascii/)'];
const common = {
  testEnvironment: 'node',
  moduleNameMapper,
  transform,
  transformIgnorePatterns,
  moduleFileExtensions: ['ts', 'js', 'json'],
};

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
