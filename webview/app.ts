/**
 * The Plot Activation panel, loaded by main.ts right after the first frame: the tabs and views (chart.js
 * with them), the protocol with the host, and state in getState/setState. The softmax and depth views load
 * the first time their tab opens.
 */
import {
  DEFAULT_SERIES,
  type HostMessage,
  type InitialData,
  type PanelState,
  type ViewName,
} from '../src/protocol';
import type { DepthView } from './depthView';
import { el } from './dom';
import { post, reportError } from './errors';
import type { Page, Report, View } from './page';
import { PlotView } from './plotView';
import type { SoftmaxView } from './softmaxView';
import { saveState, vscodeApi } from './state';
import { readTheme, watchTheme } from './theme';

const TABS: { view: ViewName; label: string }[] = [
  { view: 'plot', label: 'Plot' },
  { view: 'softmax', label: 'Softmax' },
  { view: 'depth', label: 'Signal through depth' },
];

/** What main.ts hands over: the page's data, the state, and the first frame it drew (if it drew one). */
export interface Boot {
  app: HTMLElement;
  init: InitialData;
  state: PanelState;
  restored: boolean;
  /** The first frame (see firstFrame.ts), removed when a view has drawn in its place. */
  firstFrame: HTMLElement | undefined;
}

/** Builds the panel over the first frame; posts `ready` once it listens to the host. */
export function startApp({ app, init, state, restored, firstFrame }: Boot): void {
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
      // The panel's own frame replaces the first one in the same task: no paint shows both.
      firstFrame?.remove();
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
  // The other views' code (and the chart.js parts only they use) loads the first time their tab opens: the
  // first script holds only what the first chart needs.
  const views: Partial<Record<ViewName, View>> = { plot };
  const loaders: Record<Exclude<ViewName, 'plot'>, () => Promise<View>> = {
    softmax: async () => new (await import('./softmaxView')).SoftmaxView(page, report('softmax')),
    depth: async () => new (await import('./depthView')).DepthView(page, report('depth')),
  };
  const loading = new Map<ViewName, Promise<View>>();
  /** The view, loading and mounting it on first use. */
  const load = (name: Exclude<ViewName, 'plot'>): Promise<View> => {
    let pending = loading.get(name);
    if (!pending) {
      pending = loaders[name]().then((v) => {
        views[name] = v;
        mount(name, v);
        return v;
      });
      loading.set(name, pending);
    }
    return pending;
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

  /** Selects a tab; a loaded view draws at once, another once its code has loaded (if still selected). */
  function show(view: ViewName): void {
    state.view = view;
    TABS.forEach((t, i) => {
      const selected = t.view === view;
      tabs[i].setAttribute('aria-selected', String(selected));
      tabs[i].tabIndex = selected ? 0 : -1;
      const v = views[t.view];
      if (v) {
        v.root.hidden = !selected;
      }
    });
    const shown = views[view];
    if (shown) {
      shown.redraw();
    } else if (view !== 'plot') {
      load(view)
        .then((v) => {
          if (state.view === view) {
            show(view);
          } else {
            v.root.hidden = true;
          }
        })
        .catch(reportError);
    }
  }

  // A view not loaded yet reads the theme and settings when it is built.
  watchTheme((theme) => {
    page.theme = theme;
    views[state.view]?.refresh();
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
        views[state.view]?.refresh();
        return;
      case 'showDepth':
        state.signal.id = m.series.id;
        state.signal.params = m.series.params;
        show('depth');
        load('depth')
          .then((v) => (v as DepthView).setActivation(m.series.id, m.series.params))
          .catch(reportError);
        return;
      case 'echo':
        vscodeApi.postMessage(m.message);
        return;
      case 'showVector':
        // Opened before it is shown, so its first frame is of these logits, not the previous ones.
        load('softmax')
          .then((v) => {
            (v as SoftmaxView).open(m.id, m.logits, m.notice);
            show('softmax');
          })
          .catch(reportError);
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
  // A panel opened for another view (Explain on a softmax pitfall, the depth link) starts there: the
  // plot's series are set but not drawn, and the host's next message fills that view.
  if (!restored) {
    plot.setSeries(init.series ?? [...DEFAULT_SERIES], 'replace');
    state.view = init.view ?? 'plot';
  }
  show(state.view);
  post({ type: 'ready' });
}
