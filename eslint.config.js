import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** Forbid a folder from importing the named sibling folders (dependency direction, DESIGN.md). */
function forbidImports(files, folders, why) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: folders.map((folder) => ({
            group: [`**/${folder}`, `**/${folder}/**`],
            message: why,
          })),
        },
      ],
    },
  };
}

/** The page's screen regions: src/ui/<region>/ holds one region's components. */
const UI_REGIONS = ['header', 'data', 'network', 'output', 'experiment', 'compare'];

/**
 * What src/ui may import: the store and its actions (src/state), the drawing code (src/viz),
 * the settings (src/config), the data sets' catalogue (src/data), the engine's types and
 * display data (src/nn: activation info, grid extent), React and d3. Not the worker: the page
 * reaches it through src/state's bridge, and only its protocol's types may be imported. Not
 * zustand's store makers: the one store lives in src/state.
 * @param extraPatterns further patterns for these files
 * @param allowWorker the one file that starts the worker client
 */
function uiImports(files, extraPatterns = [], { ignores = [], allowWorker = false } = {}) {
  const worker = {
    group: ['**/worker', '**/worker/**'],
    allowTypeImports: true,
    message:
      "src/ui reaches the worker through src/state (the bridge); it may import the protocol's types only.",
  };
  const store = 'The store lives in src/state: read it with usePlayground, change it with actions.';
  return {
    files,
    ignores,
    rules: {
      // The TypeScript version of the rule: it can let type-only imports through.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zustand', message: store },
            { name: 'zustand/vanilla', message: store },
          ],
          patterns: [...(allowWorker ? [] : [worker]), ...extraPatterns],
        },
      ],
    },
  };
}

/** Forbids a region's files (one folder deep in src/ui) from importing other regions' files. */
function regionImports(region) {
  const others = UI_REGIONS.filter((other) => other !== region);
  return uiImports(
    [`src/ui/${region}/**/*.{ts,tsx}`],
    [
      {
        // One `../` only: `../../data` is src/data, `../data` the data region.
        regex: `^\\.\\./(${others.join('|')})(/|$)`,
        message: `src/ui/${region} uses its own files and the shared ones in src/ui, never another region's; move what both need up to src/ui or into src/viz.`,
      },
    ],
  );
}

/** The shared modules directly in src/ui serve the regions; only App.tsx puts regions together. */
const UI_SHARED_PATTERNS = [
  {
    regex: `^\\./(${UI_REGIONS.join('|')})/`,
    message: 'Shared src/ui modules are used by the regions, not the other way round.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'test-results',
      'playwright-report',
      '.scratch',
      'screenshots',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Use the injected seeded generator (src/nn/rng.ts).',
        },
      ],
    },
  },
  {
    files: ['bench/**', 'scripts/**', 'e2e/**'],
    rules: { 'no-console': 'off' },
  },
  forbidImports(
    ['src/nn/**'],
    ['data', 'worker', 'state', 'viz', 'ui', 'react', 'react-dom', 'd3', 'zustand'],
    'src/nn is the pure engine: it imports nothing outside itself.',
  ),
  {
    // Engine tests may use the data sets (learning tests); the engine itself may not.
    files: ['src/nn/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/worker',
                '**/state',
                '**/viz',
                '**/ui',
                '**/worker/**',
                '**/state/**',
                '**/viz/**',
                '**/ui/**',
              ],
              message: 'Engine tests use the engine and the data sets only.',
            },
          ],
        },
      ],
    },
  },
  forbidImports(
    ['src/data/**'],
    ['worker', 'state', 'viz', 'ui', 'react', 'react-dom', 'd3', 'zustand'],
    'src/data holds pure generators: it may use src/nn only.',
  ),
  forbidImports(
    ['src/expr/**'],
    [
      'data',
      'worker',
      'state',
      'viz',
      'ui',
      'config',
      'experiment',
      'react',
      'react-dom',
      'd3',
      'zustand',
    ],
    "src/expr compiles f(x) with jsep over the engine's maths: it uses src/nn only.",
  ),
  forbidImports(
    ['src/config/**'],
    ['worker', 'state', 'viz', 'ui', 'react', 'react-dom', 'd3', 'zustand'],
    'src/config is plain settings data over the engine and the data sets.',
  ),
  forbidImports(
    ['src/worker/**'],
    ['state', 'viz', 'ui', 'react', 'react-dom', 'zustand'],
    'The worker side knows the engine, the data and its protocol, never the page.',
  ),
  {
    // Experiments reuse the worker's session (one run = one playground), and start their
    // workers through its Trusted Types policy (workerUrl.ts: the page's CSP requires it).
    files: ['src/experiment/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/state', '**/state/**', '**/ui', '**/ui/**', '**/viz', '**/viz/**'],
              message: 'src/experiment is pure over nn, data and config: the page depends on it.',
            },
            {
              regex: '(^|/)worker(/(?!session$|workerUrl$)[^/]+)?$',
              message:
                'From src/worker, experiments use session.ts (buildSession) and workerUrl.ts only.',
            },
            {
              group: ['react', 'react-dom', 'zustand', 'd3', 'd3-*'],
              message: 'src/experiment draws nothing and holds no page state.',
            },
          ],
        },
      ],
    },
  },
  forbidImports(
    // The tests also drive the worker's Trainer, to hold a run and the playground together.
    ['src/experiment/**/*.test.ts'],
    ['state', 'ui', 'viz', 'react', 'react-dom', 'zustand'],
    'Experiment tests use the engine, the data, the config and the worker side only.',
  ),
  forbidImports(
    ['src/viz/**'],
    ['data', 'worker', 'state', 'ui', 'react', 'react-dom', 'zustand'],
    'src/viz draws from engine types only.',
  ),
  forbidImports(
    ['src/state/**'],
    ['ui', 'viz', 'react-dom'],
    'The store holds intent; the page (src/ui) depends on it, not the other way round.',
  ),
  uiImports(['src/ui/**/*.{ts,tsx}']),
  ...UI_REGIONS.map(regionImports),
  uiImports(['src/ui/*.{ts,tsx}'], UI_SHARED_PATTERNS, { ignores: ['src/ui/App.tsx'] }),
  // The page's runtime starts the worker's client: the one place in src/ui that may.
  uiImports(['src/ui/runtime.tsx'], UI_SHARED_PATTERNS, { allowWorker: true }),
);
