import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', '.data/**', 'bench/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through shared/config (loadConfig), not process.env.',
        },
      ],
    },
  },
  {
    // Normalisation matches ranges of combining marks and non-ASCII on purpose.
    files: ['shared/src/matching/**'],
    rules: { 'no-misleading-character-class': 'off', 'no-control-regex': 'off' },
  },
  {
    // The screening page's script runs in the browser.
    files: ['services/api/public/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: Object.fromEntries(
        [
          'window',
          'document',
          'sessionStorage',
          'fetch',
          'FormData',
          'URL',
          'URLSearchParams',
          'Node',
          'TextDecoderStream',
          'setTimeout',
        ].map((name) => [name, 'readonly']),
      ),
    },
  },
  {
    // The config module and test/bench harnesses are where the environment is read.
    files: ['shared/src/config/**', 'tests/**', 'bench/**', 'services/standalone/src/**', '**/*.js', '**/*.mjs'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
