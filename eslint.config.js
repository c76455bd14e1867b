/**
 * ESLint (flat config): typescript-eslint's recommended rules, React hooks and Next.js rules for the apps, and
 * Prettier's formatting left to Prettier. Import cycles are found by dpdm (`npm run lint:cycles`), which also
 * follows dynamic imports.
 */
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import nextPlugin from '@next/eslint-plugin-next'
import prettier from 'eslint-config-prettier'

export default tseslint.config(
  {
    ignores: ['node_modules/**', '.next/**', 'data/**', 'test-output/**', 'payload-types.ts', 'src/app/(payload)/**', 'migrations/**', 'search/rank/build/**', 'public/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
    rules: {
      // The Vietnamese text tools match control characters on purpose (cleaning extracted text, refusing them in names).
      'no-control-regex': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}', 'collections/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, '@next/next': nextPlugin },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      ...nextPlugin.configs.recommended.rules,
      // Page links stay full navigations: the service worker (public/sw.js) answers them, offline too; next/link's
      // client-side fetches would bypass it.
      '@next/next/no-html-link-for-pages': 'off',
    },
  },
  prettier,
)
