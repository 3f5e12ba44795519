/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'jsdom',
  testMatch: [
    '<rootDir>/dev/**/*.spec.{ts,tsx}',
    '<rootDir>/src/**/*.spec.{ts,tsx}',
    '<rootDir>/scripts/**/*.spec.{ts,mts}',
    '<rootDir>/test/**/*.spec.{ts,tsx}',
  ],
  testPathIgnorePatterns: [
    '/node_modules/',
    '<rootDir>/dist/',
    '<rootDir>/build/',
    '<rootDir>/integration-tests/',
  ],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/build/'],
  transform: {
    // Same swc settings as webpack, but CommonJS output for Jest (.mjs: the scripts under test).
    '^.+\\.(m?[jt]sx?)$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2021',
        },
        module: { type: 'commonjs' },
      },
    ],
    '\\.sh$': '<rootDir>/jest/text-transform.cjs',
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'jsx', 'json', 'sh'],
  moduleNameMapper: { '\\.css$': '<rootDir>/__mocks__/styleMock.js' },
  setupFilesAfterEnv: ['<rootDir>/setup-tests.ts'],
  // Keep the default implementations of the manual mocks; only forget calls between tests.
  clearMocks: true,
  reporters: ['default', '<rootDir>/jest/summary-reporter.cjs'],
};
