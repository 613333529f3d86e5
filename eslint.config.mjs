// Flat config: typescript-eslint's recommended type-aware rules over our TypeScript sources.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', '.cache/', 'scratch/', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // node:test's describe/it return promises that the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite', 'before', 'after'] }],
        },
      ],
      'no-restricted-imports': 'off',
    },
  },
  {
    // The front doors (language server, CLI, client, tools) use the engine through its one entry point.
    files: ['server/src/lsp/**/*.ts', 'server/src/cli/**/*.ts', 'server/src/tools/**/*.ts', 'client/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/engine/*'], message: 'Import the engine through its entry point (server/src/engine/index.ts).' }],
        },
      ],
    },
  },
  {
    // The engine is plain TypeScript: neither the VS Code API nor any LSP package may leak into it.
    files: ['server/src/engine/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vscode', 'vscode-languageserver*', 'vscode-languageclient*', 'vscode-jsonrpc*'],
              message: 'The engine must not depend on VS Code or LSP packages.',
            },
          ],
        },
      ],
    },
  },
);
