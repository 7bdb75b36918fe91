import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import globals from 'globals';

// Flat config does not merge a rule set twice for one file: each client folder gets one
// no-restricted-imports entry naming every home it is not.
const HOMES = {
  map: { paths: [{ name: 'maplibre-gl', message: 'maplibre-gl belongs in client/map/.' }] },
  charts: { patterns: [{ group: ['echarts', 'echarts/*', 'zrender', 'zrender/*'], message: 'echarts belongs in client/charts/.' }] },
  realtime: { paths: [{ name: 'socket.io-client', message: 'socket.io-client belongs in client/realtime/.' }] },
};
const STORES_STAY_PURE = { group: ['**/map/**', '**/charts/**'], message: 'Stores hold facts: no map or chart code in client/stores/.' };
const restrictedImports = (except, extraPatterns = []) => {
  const homes = Object.entries(HOMES).filter(([home]) => home !== except).map(([, rule]) => rule);
  return [
    'error',
    {
      paths: homes.flatMap((rule) => rule.paths ?? []),
      patterns: [...homes.flatMap((rule) => rule.patterns ?? []), ...extraPatterns],
    },
  ];
};
const FETCH_ONLY_IN_API = {
  'no-restricted-globals': ['error', { name: 'fetch', message: 'HTTP calls belong in client/api/ (apiFetch).' }],
  'no-restricted-syntax': [
    'error',
    {
      selector: "MemberExpression[property.name='fetch'][object.name=/^(globalThis|window|self)$/]",
      message: 'HTTP calls belong in client/api/ (apiFetch).',
    },
  ],
};
const clientHomes = () => [
  {
    files: ['client/**/*.{ts,vue}'],
    // The e2e test hook types the map instance it hands to the tests; it is a .d.ts, never bundled.
    ignores: ['client/map/**', 'client/charts/**', 'client/realtime/**', 'client/stores/**', 'client/jinlinTestHook.d.ts'],
    rules: { 'no-restricted-imports': restrictedImports(null) },
  },
  ...Object.keys(HOMES).map((home) => ({ files: [`client/${home}/**/*.{ts,vue}`], rules: { 'no-restricted-imports': restrictedImports(home) } })),
  { files: ['client/stores/**/*.{ts,vue}'], rules: { 'no-restricted-imports': restrictedImports(null, [STORES_STAY_PURE]) } },
  { files: ['client/**/*.{ts,vue}'], ignores: ['client/api/**'], rules: FETCH_ONLY_IN_API },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'test-results/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/essential'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  // client/: each library has one home (client/*/README.md). The rules are proved by tests/client/lintRules.test.ts.
  ...clientHomes(),
  {
    // shared/ is pure: no I/O, no clocks, no randomness of its own.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'fetch', 'setTimeout', 'setInterval'],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass time in as an argument.' },
        { object: 'Math', property: 'random', message: 'Pass randomness in as an argument.' },
      ],
    },
  },
);
