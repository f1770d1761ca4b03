/**
 * The activation core's public API. Pure TypeScript: no vscode, no DOM, no Node. Bundled into the extension
 * host (desktop and web) and the webview. Keep these names stable.
 */
export * from './types';
export {
  listActivations,
  getActivation,
  evaluate,
  evaluateArray,
  evaluateVector,
  gaussianStats,
  gradientThroughDepth,
  resolveParams,
  formulasOf,
  kinksOf,
} from './activations';
export { recognizeAt, importedModules } from './recognize';
