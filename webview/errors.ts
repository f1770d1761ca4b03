/**
 * The way out to the host, and the webview's failures reported as `error` messages (never lost in a
 * console nobody reads).
 */
import type { WebviewMessage } from '../src/protocol';
import { vscodeApi } from './state';

/** Posts a typed message to the host. */
export function post(message: WebviewMessage): void {
  vscodeApi.postMessage(message);
}

/** Reports a failure to the host, which logs it and keeps it for tests. */
export function reportError(e: unknown): void {
  const err = e instanceof Error ? e : new Error(String(e));
  post({ type: 'error', message: err.message, stack: err.stack });
}
