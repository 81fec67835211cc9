import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { defineConfig } from 'eslint/config';

// Boundaries (../shared/design/STYLE.md): the core in src/ runs in Node, the browser and a worker,
// so it must not reach into the UI or its libraries; only the store touches Zustand.
const uiLibs = [
  'react',
  'react-dom',
  'react-dom/*',
  'zustand',
  'zustand/*',
  'cytoscape',
  'cytoscape-*',
];

export default defineConfig(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/app/**', '../app/*'],
              message: 'src/ is the core: it must not import the UI.',
            },
            {
              group: uiLibs,
              message: 'src/ is framework-free: no React, Zustand or Cytoscape here.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    ignores: ['app/store/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['zustand', 'zustand/*'], message: 'Only app/store/ imports Zustand.' },
            {
              group: ['cytoscape', 'cytoscape-*'],
              message: 'Only the graph view (LockGraphView, useCytoscape) imports Cytoscape.',
            },
          ],
        },
      ],
    },
  },
  {
    // The graph view owns Cytoscape; the store may still be imported here, so only that rule stays.
    files: ['app/components/LockGraphView/**/*.{ts,tsx}', 'app/hooks/useCytoscape.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['zustand', 'zustand/*'], message: 'Only app/store/ imports Zustand.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
