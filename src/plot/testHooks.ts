import type { CommandHandler, TestCommandId } from '../contributions';
import type { FollowCursor } from './followCursor';
import type { PlotHost } from './plotHost';
import { PlotPanel } from './plotPanel';
import { textReads } from '../reading/documentTexts';

/**
 * Commands only tests use, registered outside production mode and declared nowhere in package.json (so not
 * in the palette). Commands rather than an exported API because both the integration suite (extension
 * host) and the browser suite (through the command palette's executeCommand) can reach them, and they keep
 * the extension's `activate` return value free of test concerns.
 */
export function testHookHandlers(
  host: PlotHost,
  follow: FollowCursor,
): Record<TestCommandId, CommandHandler> {
  return {
    // `{ clearWebviewErrors: true }` empties the error ring first: a suite that fills it on purpose
    // leaves the next suite's "no webview errors" check meaningful.
    'activationLens.test.plotState': (arg?: { clearWebviewErrors?: boolean }) => {
      if (arg?.clearWebviewErrors) {
        host.clearWebviewErrors();
      }
      return {
        open: PlotPanel.open !== undefined,
        visible: PlotPanel.open?.panel.visible ?? false,
        viewColumn: PlotPanel.open?.panel.viewColumn,
        lastRendered: host.lastRendered,
        droppedMessages: host.droppedMessages,
        webviewErrors: [...host.webviewErrors],
        liveListeners: host.liveListeners,
        followCursor: follow.isEnabled,
        lastExport: host.lastExport,
        userErrors: host.userErrors,
      };
    },
    // Resolves with the first `rendered` whose seq is above `after`: tests await the event, never sleep.
    // The time limit only turns a hang into an answer (undefined).
    'activationLens.test.nextRendered': (arg?: { after?: number; timeoutMs?: number }) => {
      const after = arg?.after ?? -1;
      if (host.lastRendered && host.lastRendered.seq > after) {
        return Promise.resolve(host.lastRendered);
      }
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          sub.dispose();
          resolve(undefined);
        }, arg?.timeoutMs ?? 20_000);
        const sub = host.onDidRender((m) => {
          if (m.seq > after) {
            clearTimeout(timer);
            sub.dispose();
            resolve(m);
          }
        });
      });
    },
    // How many times a document's text was copied out of VS Code (follow-cursor off must cost none).
    'activationLens.test.textReads': () => textReads(),
    // Has the webview post `message` back as it is: malformed input travels the real channel.
    'activationLens.test.echo': (message: unknown) => {
      PlotPanel.open?.post({ type: 'echo', message });
      return PlotPanel.open !== undefined;
    },
  };
}

declare function setTimeout(handler: () => void, ms: number): unknown;
declare function clearTimeout(handle: unknown): void;
