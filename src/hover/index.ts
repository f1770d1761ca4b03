import * as vscode from 'vscode';
import { ConfigWatcher, SUPPORTED_LANGUAGES } from '../config';
import { FormulaLoader } from './formulaLoader';
import { ActivationHoverProvider } from './hoverProvider';

/**
 * Registers the activation hover for every supported language in every scheme (files, untitled, notebook
 * cells). Which languages actually get hovers is decided per request from the settings, so changing them
 * needs no reload. Activation does no other work: the formulas load on the first hover.
 */
export function registerHover(context: vscode.ExtensionContext): vscode.Disposable[] {
  const config = new ConfigWatcher();
  const provider = new ActivationHoverProvider(config, new FormulaLoader(context.extensionUri));
  const selector = SUPPORTED_LANGUAGES.map((language) => ({ language }));
  return [config, provider, vscode.languages.registerHoverProvider(selector, provider)];
}
