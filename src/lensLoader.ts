import * as vscode from 'vscode';
import type * as LensModule from './lens';

// The host layer has no Node types; esbuild resolves this call in both builds (see esbuild.mjs).
declare const require: (id: string) => unknown;

/**
 * Loads the implementation (core, recognizer, hover, plot panel) on first use, so that activation costs only
 * the registrations in extension.ts. On the desktop `./lens` is a second file, dist/lens.js; in the web
 * build esbuild bundles it and evaluates it at this call. A failure is said once and never thrown.
 */
export class LensLoader implements vscode.Disposable {
  private lens: LensModule.Lens | undefined;
  private failed = false;

  constructor(private readonly context: vscode.ExtensionContext) {}

  /** The loaded implementation, loading it now if needed; undefined if it cannot load. */
  get(): LensModule.Lens | undefined {
    if (this.lens === undefined && !this.failed) {
      try {
        this.lens = (require('./lens') as typeof LensModule).createLens(this.context);
      } catch (e) {
        this.failed = true;
        const reason = e instanceof Error ? e.message : String(e);
        void vscode.window.showErrorMessage(`Activation Lens could not load: ${reason}`);
      }
    }
    return this.lens;
  }

  dispose(): void {
    this.lens?.dispose();
  }
}
