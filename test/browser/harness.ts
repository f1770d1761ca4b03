// Browser-check harness: a real VS Code workbench (VS Code server + headless Debian chromium) with
// this extension loaded as a development extension, driven by playwright-core from Node.
//
//   import { openWorkbench, type Workbench } from './harness';
//   describe('hover', function () {
//     let wb: Workbench;
//     before(async () => { wb = await openWorkbench(); });   // test/fixtures/, Restricted Mode
//     after(async () => { await wb?.close(); });
//     it('shows the ReLU hover', async () => {
//       await wb.openFile('smoke.py');
//       const hover = await wb.hoverOver('relu');            // Locator of the visible hover
//       await hover.getByText('ReLU').first().waitFor();
//       await wb.screenshot('relu-hover');                   // test-results/relu-hover.png
//     });
//   });
//
// Run: `npm run test:browser` (scripts/runBrowser.mjs; MOCHA_GREP=regex for a subset). Every
// wait is on a DOM condition with Playwright's timeout, never a fixed sleep. Each workbench has
// its own server (fresh user data) and browser; runBrowser.mjs closes any a test forgot.
import { mkdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';

/** The repository root (this file is bundled to out/test/browser/). */
export const repoRoot = resolve(__dirname, '../../..');

/** Where screenshots go (git-ignored). */
export const resultsDir = join(repoRoot, 'test-results');

/** A started VS Code server, as scripts/vscodeServer.mjs returns it. */
export interface Server {
  port: number;
  url: string;
  stop(): Promise<void>;
  payloadUrl(options: {
    folder: string;
    extensionTestsPath?: string;
    kind?: 'node' | 'web';
    extensionDevelopmentPath?: string;
  }): string;
}

interface ServerLib {
  startServer(options?: {
    env?: Record<string, string>;
    extensionsDir?: string;
    userSettings?: Record<string, unknown>;
  }): Promise<Server>;
  launchBrowser(): Promise<Browser>;
}

/** Options of {@link openWorkbench}. */
export interface WorkbenchOptions {
  /** Workspace folder, absolute or relative to the repository (default `test/fixtures`). */
  folder?: string;
  /** `true` answers the trust prompt with Yes; default keeps Restricted Mode, like users who say No. */
  trust?: boolean;
  /** `'web'` runs the extension's `browser` entry in the web-worker extension host. */
  kind?: 'node' | 'web';
  /** Extra environment for the server (reaches the Node extension host). */
  env?: Record<string, string>;
  viewport?: { width: number; height: number };
  /**
   * A folder of extra installed extensions (the benchmark's bare webview), loaded beside this
   * repository as the development extension.
   */
  alongside?: string;
}

/** A VS Code window to drive from a test. */
export interface Workbench {
  page: Page;
  server: Server;
  /** Opens a file of the workspace folder through Quick Open (Ctrl+P) and waits for its editor. */
  openFile(relPath: string): Promise<void>;
  /**
   * Runs a command from the Command Palette by its exact title, e.g.
   * `'Activation Lens: Plot Activation'`. Resolves once the palette closed or the command showed
   * its own QuickPick/InputBox (then answer it through `page`).
   */
  runCommand(title: string): Promise<void>;
  /**
   * Moves the mouse onto the `nth` (0-based) occurrence of `text` in the active editor's
   * rendered lines (onto its character `at`, default 0) and returns the editor hover once it is
   * visible.
   */
  hoverOver(text: string, nth?: number, at?: number): Promise<Locator>;
  /**
   * Resolves once VS Code reports this extension activated (Developer: Show Running Extensions lists
   * its activation time), then closes that view again. The hover provider is registered inside
   * `activate`, and the registration reaches the window before VS Code hears that activation ended
   * (one channel, in order): a hover asked for after this is asked of us. Once per window.
   */
  extensionActivated(): Promise<void>;
  /**
   * Right-clicks the `nth` occurrence of `text` (its character `at`) as a user does, the cursor
   * elsewhere until then, and returns the editor's context menu once it is visible.
   */
  contextMenuAt(text: string, nth?: number, at?: number): Promise<Locator>;
  /** Moves the cursor to `line` (1-based) with Go to Line, which scrolls it into view. */
  goToLine(line: number): Promise<void>;
  /** Saves a picture of the whole window to `test-results/<name>.png`; returns its path. */
  screenshot(name: string): Promise<string>;
  /** Closes the browser and stops the server. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Our row in Developer: Show Running Extensions: a development extension is listed by its id, an
 * installed one by its display name.
 */
export const EXTENSION_ROW = /activation-lens\.activation-lens|Activation Lens/;

/** Every workbench not yet closed: scripts/runBrowser.mjs closes them after the run. */
const openWorkbenches: Set<Workbench> =
  ((globalThis as Record<string, unknown>).__activationLensWorkbenches as Set<Workbench>) ??
  new Set<Workbench>();
(globalThis as Record<string, unknown>).__activationLensWorkbenches = openWorkbenches;

async function serverLib(): Promise<ServerLib> {
  // A runtime import keeps the .mjs (it uses import.meta.url) out of this cjs bundle.
  const href = pathToFileURL(join(repoRoot, 'scripts/vscodeServer.mjs')).href;
  return (await import(href)) as ServerLib;
}

/**
 * The folder the packaged extension was installed into (scripts/runInstalled.mjs sets it): the
 * workbenches then run that installed copy, with no development path.
 */
export const installedExtensionsDir = process.env.ACTIVATION_LENS_EXTENSIONS_DIR || undefined;

/** An installed extension runs in the web worker host when the user's settings ask for it. */
const WEB_KIND_SETTINGS = {
  'remote.extensionKind': { 'activation-lens.activation-lens': ['web'] },
};

/**
 * Starts a VS Code server and a browser, and opens the workbench on `folder`. With
 * {@link installedExtensionsDir} the extension is the installed .vsix, else this repository as a
 * development extension.
 */
export async function openWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  const lib = await serverLib();
  const folder = options.folder ?? 'test/fixtures';
  const server = await lib.startServer({
    env: options.env,
    extensionsDir: installedExtensionsDir ?? options.alongside,
    userSettings: installedExtensionsDir && options.kind === 'web' ? WEB_KIND_SETTINGS : undefined,
  });
  let browser: Browser | undefined;
  try {
    browser = await lib.launchBrowser();
    const page = await browser.newPage({
      viewport: options.viewport ?? { width: 1280, height: 800 },
    });
    const workspaceFolder = isAbsolute(folder) ? folder : join(repoRoot, folder);
    const url = server.payloadUrl({
      folder: workspaceFolder,
      kind: options.kind,
      ...(options.alongside && !installedExtensionsDir
        ? { extensionDevelopmentPath: repoRoot }
        : {}),
    });
    await page.goto(url);
    await page.locator('.monaco-workbench .part.statusbar').waitFor();
    await answerTrustPrompt(page, options.trust ?? false);
    const workbench = driver(page, server, browser, workspaceFolder);
    openWorkbenches.add(workbench);
    return workbench;
  } catch (e) {
    await browser?.close();
    await server.stop();
    throw e;
  }
}

/** A fresh profile always asks whether to trust the folder; the modal blocks everything else. */
async function answerTrustPrompt(page: Page, trust: boolean): Promise<void> {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.getByText('Do you trust the authors').waitFor();
  const answer = trust ? 'Yes, I trust the authors' : "No, I don't trust the authors";
  await dialog.getByRole('button', { name: answer }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/**
 * The notebook just opened shows as a notebook. VS Code picks the notebook editor only once it has
 * registered the extensions' contributions (`vscode.ipynb` contributes it); before that, in a fresh
 * profile, it opens the file as JSON text. Tests open a notebook after {@link Workbench.extensionActivated}.
 */
async function assertNotebookEditor(page: Page, name: string): Promise<void> {
  const notebook = page.locator('.notebookOverlay:visible .monaco-editor .view-lines');
  const text = page.locator('.editor-group-container.active .monaco-editor .view-lines:visible');
  await notebook.or(text).first().waitFor();
  if (!(await notebook.first().isVisible())) {
    throw new Error(
      `${name} opened as text: VS Code had not registered the notebook editor yet (open it after extensionActivated)`,
    );
  }
}

function driver(page: Page, server: Server, browser: Browser, workspaceFolder: string): Workbench {
  const quickInput = page.locator('.quick-input-widget');
  let closed: Promise<void> | undefined;
  let activated: Promise<void> | undefined;

  /**
   * What the active editor group shows: a text editor inside it, or a notebook, whose cell editors
   * VS Code lays over the group from an element of its own (`.notebookOverlay`, one per open
   * notebook, only the shown ones visible; the tests show one notebook at a time).
   */
  const activeEditor = page
    .locator('.editor-group-container.active:has(.monaco-editor .view-lines:visible)')
    .or(page.locator('.notebookOverlay:visible'))
    .first();

  /**
   * Where the `nth` occurrence of `text` is on screen, in the active editor: a file's one editor or
   * a notebook's cell editors, counted top to bottom.
   */
  const pointAt = async (text: string, nth: number, at: number) => {
    await activeEditor.locator('.monaco-editor .view-lines').first().waitFor();
    const root = await activeEditor.elementHandle();
    try {
      // An editor's lines (a notebook's cells, each its own editor) are filled in after the editor
      // element appears: wait for the text itself.
      const point = await page.waitForFunction(
        locateText,
        { root, text, nth, at },
        { timeout: 10_000 },
      );
      return (await point.jsonValue()) as { x: number; y: number };
    } catch {
      throw new Error(`occurrence ${nth} of ${JSON.stringify(text)} not among the rendered lines`);
    } finally {
      await root?.dispose();
    }
  };

  const workbench: Workbench = {
    page,
    server,

    async openFile(relPath) {
      const name = relPath.split('/').pop() ?? relPath;
      await page.keyboard.press('Control+P');
      const input = quickInput.locator('input');
      await input.waitFor();
      // The absolute path: Quick Open lists it without a file search (the server's ripgrep
      // binary is not installed offline) and it matches exactly one file.
      await input.fill(join(workspaceFolder, relPath));
      // Enter only once the file is the focused pick (what Enter opens): the list first shows
      // recently opened files while the typed path is still being resolved.
      await quickInput
        .locator('.quick-input-list .monaco-list-row.focused', { hasText: name })
        .waitFor();
      await page.keyboard.press('Enter');
      await quickInput.waitFor({ state: 'hidden' });
      await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
      if (name.endsWith('.ipynb')) {
        await assertNotebookEditor(page, name);
      }
      await activeEditor.locator('.monaco-editor .view-lines').first().waitFor();
    },

    async runCommand(title) {
      await page.keyboard.press('F1');
      const input = quickInput.locator('input');
      await input.waitFor();
      await input.fill(`>${title}`);
      // Fuzzy ranking may put a longer title first ("Compare New Untitled Text Files"), so pick
      // the row whose label is exactly the title (its aria-label may add ", <keybinding>").
      const quoted = JSON.stringify(title);
      const quotedPrefix = JSON.stringify(`${title}, `);
      const row = quickInput.locator(
        `.monaco-list-row[aria-label=${quoted}], .monaco-list-row[aria-label^=${quotedPrefix}]`,
      );
      await row.first().click();
      // Done when the palette is gone, or has become the command's own QuickPick/InputBox
      // (the input no longer holds the `>` command query).
      await page.waitForFunction(() => {
        const widget = document.querySelector<HTMLElement>('.quick-input-widget');
        const input = widget?.querySelector('input');
        return !widget || widget.style.display === 'none' || !input?.value.startsWith('>');
      });
    },

    async hoverOver(text, nth = 0, at = 0) {
      const point = await pointAt(text, nth, at);
      // Arrive from elsewhere so the editor sees a fresh mouse move onto the word.
      await page.mouse.move(point.x, point.y - 40);
      await page.mouse.move(point.x, point.y, { steps: 4 });
      const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
      await hover.waitFor({ state: 'visible' });
      return hover;
    },

    extensionActivated() {
      activated ??= (async () => {
        await workbench.runCommand('Developer: Show Running Extensions');
        const row = page.locator('.monaco-list-row', { hasText: EXTENSION_ROW });
        await row.getByText(/Activation: \d+ms/).waitFor();
        await workbench.runCommand('View: Close Editor');
        await page
          .locator('.tabs-container .tab.active', { hasText: 'Running Extensions' })
          .waitFor({
            state: 'detached',
          });
      })();
      return activated;
    },

    async contextMenuAt(text, nth = 0, at = 0) {
      const point = await pointAt(text, nth, at);
      await page.mouse.click(point.x, point.y, { button: 'right' });
      const menu = page.locator('.context-view .monaco-menu').first();
      await menu.waitFor({ state: 'visible' });
      return menu;
    },

    async goToLine(line) {
      await page.keyboard.press('Control+G');
      const input = quickInput.locator('input');
      await input.waitFor();
      await input.fill(`:${line}`);
      await page.keyboard.press('Enter');
      await quickInput.waitFor({ state: 'hidden' });
      // The status bar's cursor position confirms the move (and so the scroll) happened.
      await page
        .locator('.statusbar-item', { hasText: `Ln ${line}, Col` })
        .first()
        .waitFor();
    },

    async screenshot(name) {
      mkdirSync(resultsDir, { recursive: true });
      const path = join(resultsDir, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },

    close() {
      closed ??= (async () => {
        openWorkbenches.delete(workbench);
        await browser.close().catch(() => undefined);
        await server.stop();
      })();
      return closed;
    },
  };
  return workbench;
}

/**
 * Runs in the page: the centre of the first character of the `nth` occurrence of `text` in the
 * rendered lines of the editors under `root`, counted top to bottom (lines use no-break spaces and
 * split tokens into spans); undefined while there is none.
 */
function locateText({
  root,
  text,
  nth,
  at,
}: {
  root: Element | null;
  text: string;
  nth: number;
  at: number;
}): { x: number; y: number } | undefined {
  if (!root) {
    return undefined;
  }
  const lines = Array.from(root.querySelectorAll('.view-line')).sort(
    (a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top,
  );
  let seen = 0;
  for (const line of lines) {
    const content = (line.textContent ?? '').replace(/\u00a0/g, ' ');
    for (let found = content.indexOf(text); found >= 0; found = content.indexOf(text, found + 1)) {
      if (seen++ < nth) {
        continue;
      }
      // Walk the text nodes to the character `at` of the occurrence, then measure it.
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let offset = found + at;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent?.length ?? 0;
        if (offset < length) {
          const range = document.createRange();
          range.setStart(node, offset);
          range.setEnd(node, offset + 1);
          const box = range.getBoundingClientRect();
          return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        }
        offset -= length;
      }
    }
  }
  return undefined;
}
