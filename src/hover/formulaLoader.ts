/**
 * Loads dist/formulas.json once, on the first hover that needs it, through vscode.workspace.fs so the same
 * code works in the web extension host. A missing or broken file leaves the hover on Unicode formulas.
 */
import * as vscode from 'vscode';
import { FormulaImages, parseFormulaStore } from './formulaImages';
import { logHoverProblem } from './hoverLog';

/** TextDecoder is in every host we run in, but the host layer's lib has no DOM types. */
const Decoder = (
  globalThis as unknown as { TextDecoder: new () => { decode(b: Uint8Array): string } }
).TextDecoder;

export class FormulaLoader {
  private pending: Promise<FormulaImages> | undefined;
  private images: FormulaImages | undefined;
  /** Milliseconds the load took (read, parse), for the benchmark's report. */
  loadMs = 0;

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** The images if already loaded: the hover's fast path stays synchronous. */
  get loaded(): FormulaImages | undefined {
    return this.images;
  }

  /** Loads once; later calls share the same promise. Never rejects. */
  load(): Promise<FormulaImages> {
    this.pending ??= this.read();
    return this.pending;
  }

  private async read(): Promise<FormulaImages> {
    const started = Date.now();
    let text = '';
    try {
      const uri = vscode.Uri.joinPath(this.extensionUri, 'dist', 'formulas.json');
      text = new Decoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch (e) {
      logHoverProblem('no typeset formulas, showing Unicode', e);
    }
    this.images = new FormulaImages(parseFormulaStore(text));
    this.loadMs = Date.now() - started;
    return this.images;
  }
}
