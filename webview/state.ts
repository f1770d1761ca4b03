import type { PanelState } from '../src/protocol';
import { defaultState, sanitizeState } from '../src/protocolValidation';

/** The VS Code webview API, acquired once (a second call throws). */
interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

export const vscodeApi: VsCodeApi = acquireVsCodeApi();

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
