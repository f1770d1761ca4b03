/**
 * The Plot Activation webview's first script, kept small so the first chart comes fast: it reads the data
 * the host embedded in the page, draws the curves the host sampled at once with a small canvas renderer
 * (firstFrame.ts: no core, no chart.js), then loads the panel itself (app.ts: tabs, chart.js
 * views, the protocol) as a module chunk, which replaces that first frame with its own.
 */
import type { InitialData } from '../src/protocol';
import { parseInitialData } from '../src/protocolValidation';
import { el } from './dom';
import { reportError } from './errors';
import { drawFirstFrame } from './firstFrame';
import { loadState } from './state';
import { readTheme } from './theme';

window.addEventListener('error', (e) => reportError(e.error ?? e.message));
window.addEventListener('unhandledrejection', (e) => reportError(e.reason));

/** The data the host embedded in the page (see src/plot/webviewHtml.ts), made safe. */
function initialData(app: HTMLElement): InitialData {
  try {
    return parseInitialData(JSON.parse(app.dataset.init ?? 'null'));
  } catch {
    return parseInitialData(null);
  }
}

function failed(e: unknown): void {
  reportError(e);
  document.body.append(
    el('p', { class: 'error', role: 'alert', text: `The plot failed to start: ${String(e)}` }),
  );
}

try {
  // For the benchmark's breakdown of the time to first paint (script evaluated → first frame).
  performance.mark('activationLens.start');
  const app = document.getElementById('app') ?? document.body;
  const init = initialData(app);
  const { state, restored } = loadState();
  // A restored panel draws its own saved state; one opened on another view draws that view.
  const firstFrame =
    !restored && (init.view ?? 'plot') === 'plot' && init.firstFrame
      ? drawFirstFrame(app, init.firstFrame, readTheme())
      : undefined;
  if (firstFrame) {
    // For the benchmark: when the first chart was on screen (the panel's own frame sets paintedAt).
    requestAnimationFrame(() => {
      app.dataset.firstFramePaintedAt = String(performance.timeOrigin + performance.now());
    });
  }
  // The panel's chunk by the URL the host gave: the page may carry this script, so a relative import
  // would resolve against the page, not against our files.
  const panel = app.dataset.panel ?? '';
  (import(panel) as Promise<typeof import('./app')>)
    .then(({ startApp }) => startApp({ app, init, state, restored, firstFrame }))
    .catch(failed);
} catch (e) {
  failed(e);
}
