// Lint: typed rules from typescript-eslint, no import cycles, and resolvers never reach
// into db/ (they go through repositories and loaders) nor into each other.
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'launcher/**', 'coverage/**', 'explorer/dist/**', '*.js', '*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.resolver.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/db/*', '**/db'], message: 'Resolvers stay thin: use a repository or a loader, not db/.' },
            { group: ['**/*.resolver'], message: 'A resolver does not import another: move the shared piece next to what it serves (a *.fetch.ts, a repository, a loader).' },
          ],
        },
      ],
    },
  },
);
