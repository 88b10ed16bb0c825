// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Layer boundaries of design.md, as errors: dependencies point renderer -> shared <- electron. */
const noNode = { paths: nodeBuiltins.map((name) => ({ name, message: 'This layer may not use Node.js built-ins.' })) };
const noElectron = { name: 'electron', message: "Only electron/main and electron/preload may import 'electron'." };
const layer = (paths, patterns) => ['error', { paths, patterns }];
/** Main's decisions that must run in unit tests without the Electron binary: no 'electron' import there. */
const mainPure = ['electron/main/policy/**', 'electron/main/menu/**', 'electron/main/state/**', 'electron/main/launch/**'];

export default tseslint.config(
  { ignores: ['tmp/**', 'out/**', 'dist/**', 'node_modules/**', 'resources/**', 'test-results/**', 'playwright-report/**', 'demo-output/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': layer(
        [...noNode.paths, { name: 'electron', message: 'shared/ is pure: no Electron.' }],
        [
          { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports nothing from electron/ or renderer/.' },
          { group: ['react', 'react-dom', 'react-dom/*', 'zustand'], message: 'shared/ is UI-free.' },
        ],
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'process', 'require', 'Buffer', '__dirname'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': layer(
        [...noNode.paths, noElectron],
        [{ group: ['**/electron/**'], message: 'renderer/ talks to the engine only through window.nhiAudit.' }],
      ),
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname'],
    },
  },
  {
    files: ['electron/engine/**/*.ts', 'electron/cli/**/*.ts', ...mainPure.map((d) => `${d}/*.ts`)],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': layer([noElectron], [{ group: ['**/renderer/**'], message: 'The Node side never imports the UI.' }]),
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    ignores: mainPure,
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': layer([], [{ group: ['**/renderer/**'], message: 'Main never imports the UI.' }]),
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': layer(noNode.paths, [
        { group: ['**/engine/**', '**/main/**', '**/cli/**', '**/renderer/**'], message: 'The preload may import only electron and shared/.' },
      ]),
    },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.{ts,mjs}', '*.config.{ts,mts,mjs}', 'playwright.config.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'max-lines': 'off' },
  },
  {
    files: ['test/e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
