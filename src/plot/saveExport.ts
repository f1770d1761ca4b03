import * as vscode from 'vscode';

/** The bytes of a `data:image/png;base64,…` URL (atob exists in both extension hosts). */
function pngBytes(dataUrl: string): Uint8Array {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes;
}

// Web platform globals present in both extension hosts (Node 20 and the web worker); the host layer has no DOM lib.
declare function atob(data: string): string;
declare class TextEncoder {
  encode(input: string): Uint8Array;
}

/**
 * Asks where to save an export from the webview and writes it through `workspace.fs` (works on remote
 * and virtual file systems). Returns what was written, or undefined when the user cancelled.
 */
export async function saveExport(
  format: 'png' | 'csv',
  data: string,
): Promise<{ format: 'png' | 'csv'; bytes: number; uri: string } | undefined> {
  if (format === 'png' && !data.startsWith('data:image/png;base64,')) {
    throw new Error('PNG export is not a PNG data URL');
  }
  const bytes = format === 'png' ? pngBytes(data) : new TextEncoder().encode(data);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `activation-plot.${format}`;
  const uri = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    filters: format === 'png' ? { 'PNG image': ['png'] } : { CSV: ['csv'] },
    title: format === 'png' ? 'Save chart as PNG' : 'Save plotted values as CSV',
  });
  if (!uri) {
    vscode.window.setStatusBarMessage('Activation Lens: export cancelled, nothing saved', 3000);
    return undefined;
  }
  await vscode.workspace.fs.writeFile(uri, bytes);
  vscode.window.setStatusBarMessage(`Activation Lens: saved ${uri.path.split('/').pop()}`, 3000);
  return { format, bytes: bytes.length, uri: uri.toString() };
}
