/**
 * The Plot Activation webview: builds the page, keeps its state in getState/setState, talks to the host
 * through src/protocol.ts and reports its own failures as `error` messages.
 */
import type { HostMessage, InitialData, ViewName, WebviewMessage } from '../src/protocol';
import { parseInitialData } from '../src/protocolValidation';
import { DepthView } from './depthView';
import { el } from './dom';
import type { Page, Report, View } from './page';
import { PlotView } from './plotView';
import { SoftmaxView } from './softmaxView';
import { loadState, saveState, vscodeApi } from './state';
import { readTheme, watchTheme } from './theme';

function post(message: WebviewMessage): void {
  vscodeApi.postMessage(message);
}

function reportError(e: unknown): void {
  const err = e instanceof Error ? e : new Error(String(e));
  post({ type: 'error', message: err.message, stack: err.stack });
}

window.addEventListener('error', (e) => reportError(e.error ?? e.message));
window.addEventListener('unhandledrejection', (e) => reportError(e.reason));

const TABS: { view: ViewName; label: string }[] = [
  { view: 'plot', label: 'Plot' },
  { view: 'softmax', label: 'Softmax' },
  { view: 'depth', label: 'Signal through depth' },
];

/** The data the host embedded in the page (see src/plot/webviewHtml.ts), made safe. */
function initialData(app: HTMLElement): InitialData {
  try {
    return parseInitialData(JSON.parse(app.dataset.init ?? 'null'));
  } catch {
    return parseInitialData(null);
  }
}

function start(): void {
  // For the benchmark's breakdown of the time to first paint (script evaluated → first frame).
  performance.mark('activationLens.start');
  const app = document.getElementById('app') ?? document.body;
  const init = initialData(app);
  const { state, restored } = loadState();
  const page: Page = {
    state,
    settings: init.settings,
    theme: readTheme(),
    post,
    save: () => saveState(state),
  };
  let seq = 0;
  const report =
    (view: ViewName): Report =>
    (series, range, drawMs, colours) => {
      // Only the visible view reports (tests and the benchmark wait on these).
      if (state.view !== view) {
        return;
      }
      post({ type: 'rendered', seq: ++seq, view, series, range, drawMs, colours });
      // Also on the page, for browser checks and the benchmark: when the frame was actually painted.
      const s = String(seq);
      app.dataset.renderSeq = s;
      requestAnimationFrame(() => {
        app.dataset.paintedSeq = s;
        app.dataset.paintedAt = String(performance.timeOrigin + performance.now());
      });
    };
  const plot = new PlotView(page, report('plot'));
  // The other views are built the first time they are shown: the first paint only pays for the plot.
  const views: Partial<Record<ViewName, View>> = { plot };
  const makers: Record<Exclude<ViewName, 'plot'>, () => View> = {
    softmax: () => new SoftmaxView(page, report('softmax')),
    depth: () => new DepthView(page, report('depth')),
  };
  const viewOf = (name: ViewName): View => {
    let v = views[name];
    if (!v) {
      v = makers[name as Exclude<ViewName, 'plot'>]();
      views[name] = v;
      mount(name, v);
    }
    return v;
  };

  const tablist = el('div', { role: 'tablist', class: 'tabs', 'aria-label': 'Views' });
  const tabs = TABS.map(({ view, label }, i) => {
    const tab = el('button', {
      role: 'tab',
      type: 'button',
      text: label,
      id: `tab-${view}`,
      'aria-controls': `view-${view}`,
    });
    tab.addEventListener('click', () => show(view));
    tab.addEventListener('keydown', (e) => {
      const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (d !== 0) {
        const next = TABS[(i + d + TABS.length) % TABS.length].view;
        show(next);
        document.getElementById(`tab-${next}`)?.focus();
      }
    });
    tablist.append(tab);
    return tab;
  });
  app.append(tablist);
  function mount(name: ViewName, v: View): void {
    v.root.id = `view-${name}`;
    v.root.setAttribute('role', 'tabpanel');
    v.root.setAttribute('aria-labelledby', `tab-${name}`);
    app.append(v.root);
  }
  mount('plot', plot);

  function show(view: ViewName): void {
    state.view = view;
    const shown = viewOf(view);
    TABS.forEach((t, i) => {
      const selected = t.view === view;
      tabs[i].setAttribute('aria-selected', String(selected));
      tabs[i].tabIndex = selected ? 0 : -1;
      const v = views[t.view];
      if (v) {
        v.root.hidden = !selected;
      }
    });
    shown.redraw();
  }

  watchTheme((theme) => {
    page.theme = theme;
    viewOf(state.view).refresh();
  });

  function handle(m: HostMessage): void {
    switch (m.type) {
      case 'setSeries':
        state.view = 'plot';
        plot.setSeries(m.series, m.mode);
        show('plot');
        return;
      case 'settings':
        page.settings = m.settings;
        viewOf(state.view).refresh();
        return;
      case 'showDepth':
        state.signal.id = m.series.id;
        state.signal.params = m.series.params;
        show('depth');
        (viewOf('depth') as DepthView).setActivation(m.series.id, m.series.params);
        return;
      case 'echo':
        vscodeApi.postMessage(m.message);
        return;
      case 'showVector':
        (viewOf('softmax') as SoftmaxView).open(m.id, m.logits, m.notice);
        show('softmax');
        return;
      default: {
        const never: never = m;
        return never;
      }
    }
  }

  window.addEventListener('message', (e: MessageEvent<HostMessage>) => {
    try {
      handle(e.data);
    } catch (err) {
      reportError(err);
    }
  });

  // A restored webview (reload, or shown again after being hidden) keeps its own state; a new one draws
  // what the command asked for, else ReLU and its derivative.
  if (!restored) {
    plot.setSeries(init.series ?? [{ id: 'relu', params: {} }], 'replace');
    state.view = 'plot';
  }
  show(state.view);
  post({ type: 'ready' });
}

try {
  start();
} catch (e) {
  reportError(e);
  document.body.append(
    el('p', { class: 'error', role: 'alert', text: `The plot failed to start: ${String(e)}` }),
  );
}
