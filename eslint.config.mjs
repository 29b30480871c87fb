// ESLint as the Office add-in template runs it (office-addin-lint's configuration:
// eslint-plugin-office-addins with typescript-eslint and Prettier), extended to .tsx, the tests,
// the benchmarks and the scripts, plus the rules of hooks.
import officeAddins from 'eslint-plugin-office-addins';
import reactHooks from 'eslint-plugin-react-hooks';
import tsParser from '@typescript-eslint/parser';

const sources = ['**/*.{js,mjs,cjs,ts,tsx}'];
// office.js rules (load before read, sync before read, no sync in a loop) are heuristics about
// proxies: they apply where the add-in talks to Excel, not to the imitation of Excel that
// implements those proxies, nor to ExcelJS code whose cells look like proxies to them.
const officeJsRules = Object.keys(officeAddins.rules).map((r) => `office-addins/${r}`);
const talksToExcel = ['src/excel/*.ts', 'src/taskpane/**/*.{ts,tsx}', 'src/commands/**/*.ts'];

export default [
  { ignores: ['dist/**', 'dist-preview/**', 'coverage/**', 'node_modules/**'] },
  ...officeAddins.configs.react.map((c) => (c.files ? { ...c, files: sources } : c)),
  {
    files: sources,
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { parser: tsParser, ecmaVersion: 2022, sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
    settings: { react: { version: '18' } },
    rules: {
      // tsc --noEmit checks names before ESLint runs (npm test); ESLint alone knows no DOM, Node or office.js globals.
      'no-undef': 'off',
      // The automatic JSX runtime: React need not be in scope; props are typed by TypeScript.
      'react/react-in-jsx-scope': 'off',
      'react/prop-types': 'off',
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      ...Object.fromEntries(officeJsRules.map((r) => [r, 'off'])),
    },
  },
  {
    files: talksToExcel,
    rules: Object.fromEntries(officeJsRules.map((r) => [r, officeAddins.configs.recommended.at(-1).rules[r] ?? 'error'])),
  },
  {
    files: ['**/*.{js,cjs}'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
