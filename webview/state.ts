import type { PanelState } from '../src/protocol';
import { defaultState, sanitizeState } from '../src/protocolValidation';

/** The VS Code webview API, acquired once (a second call throws). */
interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/**
 * The first script and the panel are separate bundles, each with its own copy of this module: the API is
 * acquired by whichever runs first and kept on the window for the other.
 */
const shared = window as unknown as { activationLensApi?: VsCodeApi };
export const vscodeApi: VsCodeApi = (shared.activationLensApi ??= acquireVsCodeApi());

/** The state saved by this webview before a reload (sanitised), or a fresh one. */
export function loadState(): { state: PanelState; restored: boolean } {
  const saved = vscodeApi.getState();
  return saved
    ? { state: sanitizeState(saved), restored: true }
    : { state: defaultState(), restored: false };
}

/** Persists the state; VS Code gives it back to the next webview (and to the serializer). */
export function saveState(state: PanelState): void {
  vscodeApi.setState(state);
}
