import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-web/**', 'node_modules/**', 'test-output/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/graph/**', 'src/nodes/**', 'src/registry/**', 'src/scenario/**', 'src/cli/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['solid-js', 'solid-js/*', 'd3-selection', '**/ui/**', '**/persist/**'] }],
    },
  },
  {
    files: ['src/graph/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['solid-js', 'solid-js/*', '**/nodes/**', '**/registry/**', '**/scenario/**', '**/cli/**', '**/ui/**', '**/persist/**'] }],
    },
  },
);
