import * as vscode from 'vscode';
import type { CommandHandler, CommandId } from '../contributions';
import type { PlotRequest } from '../protocol';
import { parsePlotRequest } from '../protocolValidation';
import { pickActivations } from './activationPicker';
import { callAtCursor } from './callAtCursor';
import type { FollowCursor } from './followCursor';
import type { PlotHost } from './plotHost';
import { PlotPanel } from './plotPanel';
import { checkSeries, notOverlaidNotice } from './seriesCheck';

/** The QuickPick was accepted with no item selected (as opposed to dismissed). */
const PICKED_NOTHING: PlotRequest = { series: [] };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * What to plot for a command: its `{ series, view? }` argument when given (the hover's links, the pitfalls'
 * Explain, tests), else the call under the cursor, else the user's pick. Undefined when there is nothing to do.
 */
async function requestFor(
  host: PlotHost,
  arg: unknown,
  title: string,
): Promise<PlotRequest | undefined> {
  // The editor context menu passes the document's Uri: that means "the call under the cursor".
  if (typeof arg === 'object' && arg !== null && 'series' in arg) {
    const parsed = parsePlotRequest(arg);
    if (!parsed) {
      host.showError(
        'Activation Lens: the plot arguments must look like { series: [{ id, params }], view?: "plot" | "softmax" | "depth" }.',
      );
      return undefined;
    }
    return parsed;
  }
  const call = callAtCursor(vscode.window.activeTextEditor, host.imports);
  if (call) {
    return { series: [call] };
  }
  const picked = await pickActivations(title);
  return picked === undefined
    ? undefined
    : picked.length === 0
      ? PICKED_NOTHING
      : { series: picked };
}

/** Plot (replace the panel's series), Compare (add to them) and the follow-cursor toggle. */
export function plotCommandHandlers(
  host: PlotHost,
  follow: FollowCursor,
): Record<CommandId, CommandHandler> {
  const run = (mode: 'replace' | 'add', title: string) => async (arg?: unknown) => {
    try {
      const request = await requestFor(host, arg, title);
      if (request === PICKED_NOTHING) {
        // Accepted with nothing picked: the panel with its default (ReLU and its derivative).
        PlotPanel.createOrShow(host, undefined, mode);
        return;
      }
      if (!request || request.series.length === 0) {
        return;
      }
      const { series, view } = request;
      if (view === 'depth') {
        PlotPanel.showDepth(host, series[0]);
        return;
      }
      const { scalar, vector, problem } = checkSeries(series);
      if (problem) {
        // One message for all the series left out (a link may carry 32).
        host.showError(problem);
      }
      if (scalar.length > 0) {
        PlotPanel.createOrShow(host, scalar, mode);
      }
      if (vector.length > 0) {
        // No curve f(x): the first opens in the Softmax view; asked to overlay, the view says why not.
        // Asked for the Softmax view itself (Explain), there was nothing to overlay: it shows
        // probabilities and log-probabilities side by side.
        const [first] = vector;
        const overlay =
          view !== 'softmax' && (mode === 'add' || scalar.length > 0 || vector.length > 1);
        const panel = scalar.length > 0 ? PlotPanel.open : undefined;
        (panel ?? PlotPanel.createOrShow(host, undefined, mode, 'softmax')).post({
          type: 'showVector',
          id: first.id,
          logits: first.logits ?? null,
          notice: overlay ? notOverlaidNotice(vector) : '',
        });
      }
    } catch (e) {
      host.log.error(`Plot command: ${message(e)}`);
      host.showError(`Activation Lens: ${message(e)}`);
    }
  };
  return {
    'activationLens.plot': run('replace', 'Plot Activation'),
    'activationLens.compare': run('add', 'Compare Activations'),
    'activationLens.toggleFollowCursor': async () => {
      const on = await follow.toggle();
      vscode.window.setStatusBarMessage(
        `Activation Lens: follow cursor ${on ? 'on' : 'off'}`,
        3000,
      );
      return on;
    },
  };
}
