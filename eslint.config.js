import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-server/', 'data/', 'test-results/', 'playwright-report/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Type-aware: a promise nobody awaits or handles, one passed where a callback returns nothing,
      // and a condition the types say is always the same.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unnecessary-condition': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name=/^(skip|only|todo)$/]',
          message: 'A skipped test does not exist.',
        },
      ],
    },
  },
  {
    // Apps never import each other; they share client/common and shared/.
    files: ['client/outlet/**', 'client/driver/**', 'client/admin/**', 'client/track/**', 'client/order/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '../outlet/*',
                '../driver/*',
                '../admin/*',
                '../track/*',
                '../order/*',
                '**/client/outlet/*',
                '**/client/driver/*',
                '**/client/admin/*',
                '**/client/track/*',
                '**/client/order/*',
              ],
              message: 'Apps never import each other: move shared code to client/common or shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    // client/common holds what two or more apps use; it never reaches up into one of them.
    files: ['client/common/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(outlet|driver|admin|track|order)/',
              message: 'client/common never imports an app: move the code down, or into that app.',
            },
          ],
        },
      ],
    },
  },
  {
    // Only routes speak HTTP; the parts below them (and the wiring in config.ts) never import routes/.
    files: ['sync-server/**'],
    ignores: ['sync-server/routes/**', 'sync-server/app.ts', 'sync-server/config.ts', 'sync-server/configEnv.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)routes/', message: 'Lower server layers never import routes/: move the code down (limits/, auth/, …).' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'better-sqlite3', 'dexie', 'react', '**/sync-server/**', '**/client/**'],
              message: 'shared/ has no I/O and imports neither side.',
            },
          ],
        },
      ],
    },
  },
);
