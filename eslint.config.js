// Lint for the whole code base (npm run lint, part of npm test): ESLint's and typescript-eslint's recommended rules,
// with zero warnings allowed.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // The tool's job includes finding and neutralising control characters in cell text (terminal, XML, CSV).
      'no-control-regex': 'off',
      // `_name` marks a parameter kept for its meaning or an interface's shape.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // CommonJS helper scripts of the benchmark (loaded with require by design: they measure require-based loaders)
    // and the command with the loader of the bundles (bin/: CommonJS, synchronous, as node's require).
    files: ['bench/**/*.cjs', 'bin/**/*.cjs', 'bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
