/**
 * The activation hover: recognizes the call under the cursor with the core, builds the Markdown and caches
 * it. Returns undefined (never throws) wherever the recognizer says no or the settings switch it off.
 */
import * as vscode from 'vscode';
import type { ConfigWatcher } from '../config';
import { recognizeAt, type RecognizedCall } from '../core';
import { documentText } from '../reading/documentTexts';
import { recognizeContextFor } from '../reading/recognizeContext';
import type { WorkspaceImports } from '../reading/workspaceImports';
import { definedAtMarkdown } from './definedAt';
import { factsFor } from './activationFacts';
import { callText } from './callText';
import type { FormulaLoader } from './formulaLoader';
import { hoverMarkdown } from './hoverMarkdown';
import { logHoverProblem } from './hoverLog';
import { HOVER_COMMANDS } from './hoverText';
import { themeKindFromCode, type ThemeKind } from './themeColours';

const CACHE_SIZE = 64;

export class ActivationHoverProvider implements vscode.HoverProvider, vscode.Disposable {
  /** Markdown by call + theme; cleared when the settings change, so they apply without a reload. */
  private readonly cache = new Map<string, string>();
  private readonly listener: vscode.Disposable;

  constructor(
    private readonly config: ConfigWatcher,
    private readonly formulas: FormulaLoader,
    private readonly imports?: WorkspaceImports,
    /** A line put first when the call sits in a flagged expression (the pitfall diagnostics). */
    private readonly lead?: (
      document: vscode.TextDocument,
      call: RecognizedCall,
    ) => string | undefined,
  ) {
    this.listener = config.onDidChange(() => this.cache.clear());
  }

  provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    _token: vscode.CancellationToken,
  ): vscode.ProviderResult<vscode.Hover> {
    try {
      const config = this.config.current();
      if (!config.hoverEnabled || !config.languages.has(document.languageId)) {
        return undefined;
      }
      const offset = document.offsetAt(position);
      const read = this.imports?.prefetch(document);
      if (read !== undefined && !this.imports?.isRead(document)) {
        // The modules this document imports are still being read (it just opened): answer after them.
        return read.then(() => this.answer(document, offset));
      }
      return this.answer(document, offset);
    } catch (e) {
      logHoverProblem('hover', e);
      return undefined;
    }
  }

  dispose(): void {
    this.listener.dispose();
    this.cache.clear();
  }

  private answer(
    document: vscode.TextDocument,
    offset: number,
  ): vscode.ProviderResult<vscode.Hover> {
    try {
      const config = this.config.current();
      const text = documentText(document);
      const call = recognizeAt(
        text,
        offset,
        document.languageId,
        recognizeContextFor(document, this.imports),
      );
      if (!call) {
        return undefined;
      }
      const theme = themeKindFromCode(vscode.window.activeColorTheme.kind);
      const images = this.formulas.loaded;
      if (!images && config.sections.formulas) {
        // First hover only: wait for the typeset formulas, then answer from the same code path.
        return this.formulas.load().then(() => this.hover(document, text, call, theme));
      }
      return this.hover(document, text, call, theme);
    } catch (e) {
      logHoverProblem('hover', e);
      return undefined;
    }
  }

  private hover(
    document: vscode.TextDocument,
    text: string,
    call: RecognizedCall,
    theme: ThemeKind,
  ): vscode.Hover | undefined {
    try {
      const written = callText(text, call.start, call.end);
      const key = JSON.stringify([
        call.id,
        call.params,
        call.framework,
        call.arg,
        call.nonLiteral,
        call.definedAt,
        written,
        theme,
      ]);
      let markdown = this.cache.get(key);
      if (markdown === undefined) {
        const facts = factsFor(call);
        if (!facts) {
          return undefined;
        }
        const settings = this.config.current();
        markdown = hoverMarkdown({
          facts,
          callText: written,
          settings,
          theme,
          formulas: this.formulas.loaded,
        });
        const defined = definedAtMarkdown(call);
        markdown = defined ? `${markdown}\n\n${defined}` : markdown;
        this.remember(key, markdown);
      }
      const lead = this.lead?.(document, call);
      const md = new vscode.MarkdownString(lead ? `${lead}\n\n---\n\n${markdown}` : markdown, true);
      md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
      // For the <table> that puts the plot beside the formulas; VS Code still sanitizes the HTML.
      md.supportHtml = true;
      const range = new vscode.Range(
        document.positionAt(call.start),
        document.positionAt(call.end),
      );
      return new vscode.Hover(md, range);
    } catch (e) {
      logHoverProblem('hover', e);
      return undefined;
    }
  }

  private remember(key: string, markdown: string): void {
    if (this.cache.size >= CACHE_SIZE) {
      // Maps iterate in insertion order: drop the oldest entry.
      this.cache.delete(this.cache.keys().next().value as string);
    }
    this.cache.set(key, markdown);
  }
}
