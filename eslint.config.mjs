// @ts-check
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier/flat';
import jest from 'eslint-plugin-jest';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import testingLibrary from 'eslint-plugin-testing-library';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const RESTRICTED_PATHS = [
  { name: 'react-router-dom', message: 'Import from react-router (console 4.22 shares v7).' },
  {
    name: 'react-router-dom-v5-compat',
    message: 'Import from react-router (console 4.22 shares v7).',
  },
];
const RESTRICTED_PATTERNS = [
  {
    group: ['@openshift-console/dynamic-plugin-sdk/lib/*'],
    message: 'Import from the @openshift-console/dynamic-plugin-sdk index only.',
  },
];

export default defineConfig(
  globalIgnores([
    'dist/',
    'build/',
    'coverage/',
    'test-results/',
    'node_modules/',
    'dev/console-shell/dist/',
    'integration-tests/results/',
  ]),
  js.configs.recommended,

  // Everywhere: console shares react-router v7 only, and the SDK's lib/* paths are not runtime modules.
  {
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: RESTRICTED_PATHS, patterns: RESTRICTED_PATTERNS },
      ],
    },
  },

  // MCO's rules have one home, src/mco, which depends on no feature; the rollout derivation takes them
  // from there, not from the preflight. (A later block replaces the rule's options: repeat the above.)
  {
    files: ['src/mco/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: RESTRICTED_PATHS,
          patterns: [
            ...RESTRICTED_PATTERNS,
            {
              group: [
                '**/preflight',
                '**/preflight/**',
                '**/rollout',
                '**/rollout/**',
                '**/views/**',
              ],
              message:
                'src/mco holds MCO rules only: it imports nothing from preflight, rollout or views.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/rollout/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: RESTRICTED_PATHS,
          patterns: [
            ...RESTRICTED_PATTERNS,
            {
              group: ['**/preflight', '**/preflight/**'],
              message: 'MCO rules live in src/mco: the rollout does not import the preflight.',
            },
          ],
        },
      ],
    },
  },

  // Scripts and config files run in Node.
  { files: ['**/*.{js,mjs,cjs}'], languageOptions: { globals: globals.node } },
  {
    files: ['**/*.cjs', 'jest.config.js', 'i18next-parser.config.js', '__mocks__/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
  },

  // TypeScript: strict typed rules. Every .ts/.tsx file is in tsconfig.json, so projectService finds it.
  {
    files: ['**/*.{ts,tsx,mts}'],
    extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },

  // The simulator is an independent oracle: it implements MCO's and the API server's documented behaviour
  // itself, so a bug in the plugin cannot hide behind a simulator that runs the same code. Only type-only
  // imports of shared contracts (such as the Day 1 status file's schema) may come from src/.
  {
    files: ['dev/cluster-sim/**/*.{ts,tsx,mts}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/**', '**/src'],
              allowTypeImports: true,
              message:
                "dev/cluster-sim must not run the plugin's code; implement the documented behaviour here (type-only imports of shared contracts are allowed).",
            },
          ],
        },
      ],
    },
  },

  // React components and hooks.
  {
    files: ['src/**/*.{ts,tsx}', '__mocks__/**/*.{ts,tsx}', 'test/support/views/**/*.{ts,tsx}'],
    extends: [
      react.configs.flat.recommended,
      react.configs.flat['jsx-runtime'],
      reactHooks.configs.flat.recommended,
    ],
    settings: { react: { version: 'detect' } },
    // TypeScript already checks props, and prop-types cannot see through SDK component types.
    rules: { 'react/prop-types': 'off' },
  },

  // Tests.
  {
    files: ['**/*.spec.{ts,tsx,mts}'],
    extends: [jest.configs['flat/recommended'], jest.configs['flat/style']],
    rules: {
      // jest's version understands expect(mock.method) and jest.mocked().
      '@typescript-eslint/unbound-method': 'off',
      'jest/unbound-method': 'error',
    },
  },
  { files: ['src/**/*.spec.tsx'], extends: [testingLibrary.configs['flat/react']] },

  // Last: turn off the stylistic rules that Prettier owns.
  prettier,
);
