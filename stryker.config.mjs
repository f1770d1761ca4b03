// @ts-check
// `npm run mutation`: StrykerJS over the core and the pure hover builders. Not part of `npm test` (it runs
// for a long time). Stryker instruments the TypeScript sources in a sandbox, esbuild bundles the unit tests
// from them (buildCommand), and the mocha runner runs, per mutant, only the tests that cover it.
// Survivors that are equivalent to the original are listed with the reason in docs/mutation-survivors.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'mocha',
  coverageAnalysis: 'perTest',
  buildCommand: 'node esbuild.mjs --unit',
  mutate: [
    'src/core/**/*.ts',
    'src/hover/{activationFacts,callText,frameworkNames,hoverMarkdown,hoverText,plotSvg,svgDataUri,themeColours,valuesTable}.ts',
    // Declarative tables and TeX strings: a changed string there is caught by the reference and catalogue
    // tests where it matters, and mutating thousands of names only measures the size of the tables.
    '!src/core/activations/docs.ts',
  ],
  // The sandbox needs the sources, tests and build script only: not the VS Code server the other suites
  // fetch (it holds files Stryker cannot copy), nor build output, reports or screenshots.
  ignorePatterns: [
    '.vscode-test',
    'dist',
    'out',
    'reports',
    'test-results',
    'docs/images',
    '*.vsix',
  ],
  ignoreStatic: true,
  reporters: ['html', 'clear-text', 'progress', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 85, low: 80, break: null },
  // One test runner: the machine it was measured on has 2 cores shared with other work. The instrumented
  // dry run of the whole unit suite takes longer than Stryker's default 5 minutes there.
  concurrency: 1,
  dryRunTimeoutMinutes: 30,
  timeoutMS: 20000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
export default config;
