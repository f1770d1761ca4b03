// Issue 10 in a real VS Code: a file written to attack the hover (test/fixtures/hostile/) gets hovers
// whose rendering — VS Code's marked + sanitizer allow-list, reproduced in test/unit/vscodeHoverRender.ts —
// holds no image but ours and no link but ours; the plot panel fed values near ±1.7e308 keeps answering;
// vector activations open in the Softmax view; the webview's error buffer stays bounded.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { getActivation, validateParams } from '../../src/core';
import { attr, elements, renderHover } from '../unit/vscodeHoverRender';
import { activateExtension, hoversAt, openFixture, positionOf } from './helpers';
import { images } from './hoverExpect';
import { nextRendered, plotState, renderedAfter, type Rendered } from './plotHelpers';

const FILE = 'hostile/caption_block.py';
const HOSTILE_CALLS = [
  'F.relu(h, "`` <img',
  'F.relu(h, "`` [Docs',
  'F.relu(h, "`` [run',
  'F.relu(h, "\u202e',
];

/** Our hover at `needle` (+2 characters: on the name), with its MarkdownString. */
async function ourHover(
  document: vscode.TextDocument,
  needle: string,
): Promise<vscode.MarkdownString> {
  const hovers = await hoversAt(document, positionOf(document, needle, 0, 3));
  const ours = hovers
    .flatMap((h) => h.contents)
    .filter((c): c is vscode.MarkdownString => typeof c !== 'string' && 'value' in c)
    .filter((c) => /^\*\*[^*]+\*\* · /.test(c.value));
  assert.equal(ours.length, 1, `one Activation Lens hover at ${needle}`);
  return ours[0];
}

/**
 * The https addresses the catalogue gives (docs pages and the sources of its facts): the only web links a
 * hover may hold.
 */
const CATALOGUE_LINKS = new Set(
  ['relu', 'threshold', 'leaky_relu', 'softmax'].flatMap(
    (id) => JSON.stringify(getActivation(id)).match(/https:\/\/[^"\s]+/g) ?? [],
  ),
);

function assertOnlyOurs(markdown: string, where: string): void {
  const all = elements(renderHover(markdown));
  const images = all.filter((e) => e.tagName === 'img');
  // Our formulas and plot are there: a render that lost every image would pass the check below.
  assert.ok(images.length >= 1, `${where}: no image at all`);
  for (const img of images) {
    assert.match(attr(img, 'src') ?? '', /^data:image\/svg\+xml;base64,/, `${where}: image`);
  }
  const hrefs = all.filter((e) => e.tagName === 'a').map((a) => attr(a, 'href') ?? '');
  for (const href of hrefs) {
    assert.ok(
      /^command:activationLens\.(plot|compare)\?/.test(href) || CATALOGUE_LINKS.has(href),
      `${where}: link ${href}`,
    );
  }
  // Our actions row, once: Plot, Compare and "Signal through depth" (the plot command with the depth
  // view). A file cannot add a link to our own commands with arguments of its choosing.
  const commands = hrefs
    .filter((h) => h.startsWith('command:'))
    .map((h) => {
      const [args] = JSON.parse(decodeURIComponent(h.slice(h.indexOf('?') + 1))) as [
        { view?: string },
      ];
      return `${h.replace(/\?.*/, '')}${args.view ? ` (${args.view})` : ''}`;
    });
  assert.deepEqual(
    commands,
    [
      'command:activationLens.plot',
      'command:activationLens.compare',
      'command:activationLens.plot (depth)',
    ].slice(0, commands.length),
    `${where}: links ${hrefs.join(' ')}`,
  );
  assert.ok(commands.length >= 1, `${where}: the Plot link`);
  const icons = all.filter((e) => e.tagName === 'span').map((e) => attr(e, 'class'));
  assert.ok(
    icons.every((c) => c === 'codicon codicon-graph-line'),
    `${where}: icons ${icons}`,
  );
}

/** A report the webview echoes back: once it arrives, everything posted before it was handled. */
const probe = (id: string): Rendered => ({
  type: 'rendered',
  seq: 0,
  view: 'plot',
  series: [{ id, params: {}, curves: [], points: 0 }],
  range: [0, 1],
  drawMs: 0,
  colours: [],
});

/**
 * Has the webview echo a probe and waits for it: a hung webview never answers, and the hook's time limit turns
 * that into a failure. No wall-clock bound here: under load a sound webview may take longer than any guess.
 */
async function answersProbe(id: string): Promise<void> {
  await renderedAfter(
    () => vscode.commands.executeCommand('activationLens.test.echo', probe(id)),
    (r) => r.series[0]?.id === id,
  );
}

async function closePanel(): Promise<void> {
  const tabs = vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview);
  await vscode.window.tabGroups.close(tabs);
}

describe('hostile repository (issue 10)', function () {
  this.timeout(60_000);

  before(async () => {
    await activateExtension();
  });

  after(closePanel);

  for (const needle of HOSTILE_CALLS) {
    it(`hover on ${JSON.stringify(needle)}: no image but ours, no link but ours`, async () => {
      const { document } = await openFixture(FILE);
      const md = await ourHover(document, needle);
      assert.ok(!md.value.includes('example.invalid'), 'the address is only escaped text');
      assert.ok(
        !/[\u202a-\u202e\u2066-\u2069]/.test(md.value),
        'no bidi control reaches the hover',
      );
      assert.ok(
        md.isTrusted === undefined || typeof md.isTrusted === 'object',
        'not blanket-trusted',
      );
      if (typeof md.isTrusted === 'object') {
        assert.deepEqual([...md.isTrusted.enabledCommands].sort(), [
          'activationLens.compare',
          'activationLens.plot',
        ]);
      }
      assertOnlyOurs(md.value, needle);
    });
  }

  for (const needle of ['nn.Threshold(', 'nn.LeakyReLU(']) {
    it(`hover plot of ${needle} near the largest double: finite coordinates, marked as clipped`, async () => {
      const { document } = await openFixture(FILE);
      const md = await ourHover(document, needle);
      const plot = images(md.value).find((i) => i.alt.includes('f solid'));
      assert.ok(plot, 'a plot');
      assert.ok(!/NaN|Infinity/.test(plot.svg), 'no NaN coordinates');
      assert.match(plot.svg, /clipped/);
      assertOnlyOurs(md.value, needle);
    });
  }

  // chart.js rounds the axis ends out to its tick step: a span near ±1.7e308 rounded out is ±∞, and its tick
  // loop then never ends (the webview hung). The core refuses parameters beyond ±1e100 (validateParams), the
  // panel with it; the largest it accepts must draw, and the panel must keep answering either way.
  for (const [threshold, value] of [
    [0.1, -1e100],
    [-0.1, 1e100],
  ]) {
    it(`the panel fed Threshold(${threshold}, ${value}) draws and the panel keeps answering`, async () => {
      const r = await renderedAfter(
        () =>
          vscode.commands.executeCommand('activationLens.plot', {
            series: [{ id: 'threshold', params: { threshold, value } }],
          }),
        (m) => m.series[0]?.params.value === value,
      );
      assert.equal(r.view, 'plot');
      await answersProbe(`probe${value}`);
    });
  }

  for (const value of [-1.7e308, 1.7e308]) {
    it(`the panel refuses Threshold(0.1, ${value}) as the core does and keeps answering`, async () => {
      const params = { threshold: 0.1, value };
      assert.match(validateParams('threshold', params) ?? '', /'value' must be between/);
      let after = (await plotState()).lastRendered?.seq ?? 0;
      await vscode.commands.executeCommand('activationLens.plot', {
        series: [{ id: 'threshold', params }],
      });
      // Every render up to the probe's echo: none of them draws the refused value.
      const probeId = `refused${value}`;
      await vscode.commands.executeCommand('activationLens.test.echo', probe(probeId));
      for (;;) {
        const r = await nextRendered(after);
        assert.ok(r, 'the webview never echoed the probe');
        assert.notEqual(r.series[0]?.params.value, value, 'the refused series was drawn');
        if (r.series[0]?.id === probeId) {
          break;
        }
        after = r.seq;
      }
    });
  }

  it("softmax's Plot link opens the Softmax view with the hover's logits; Compare goes there too", async () => {
    const { document } = await openFixture(FILE);
    const md = await ourHover(document, 'F.softmax(');
    const link = (command: string): unknown => {
      const m = new RegExp(`\\]\\(command:${command.replace('.', '\\.')}\\?([^ )]+)`).exec(
        md.value,
      );
      assert.ok(m, `${command} link`);
      return JSON.parse(decodeURIComponent(m[1]))[0];
    };
    const plot = await renderedAfter(
      () => vscode.commands.executeCommand('activationLens.plot', link('activationLens.plot')),
      (m) => m.view === 'softmax',
    );
    assert.equal(plot.series[0].id, 'softmax');
    assert.equal(plot.series[0].points, 4, 'the four logits of the hover example');
    await renderedAfter(
      () => vscode.commands.executeCommand('activationLens.plot', { series: [{ id: 'relu' }] }),
      (m) => m.view === 'plot',
    );
    const compare = await renderedAfter(
      () =>
        vscode.commands.executeCommand('activationLens.compare', link('activationLens.compare')),
      (m) => m.view === 'softmax',
    );
    assert.equal(compare.series[0].id, 'softmax');
  });

  it('keeps only the most recent webview errors', async () => {
    await renderedAfter(
      () => vscode.commands.executeCommand('activationLens.plot', { series: [{ id: 'relu' }] }),
      () => true,
    );
    for (let i = 0; i < 100; i++) {
      await vscode.commands.executeCommand('activationLens.test.echo', {
        type: 'error',
        message: `e${i}`,
      });
    }
    await answersProbe('probe-errors');
    const { webviewErrors } = await plotState();
    assert.equal(webviewErrors.length, 20);
    assert.equal(webviewErrors.at(-1), 'e99');
    // The errors were made on purpose: later suites check that the webview reported none.
    const cleared = await vscode.commands.executeCommand<{ webviewErrors: string[] }>(
      'activationLens.test.plotState',
      { clearWebviewErrors: true },
    );
    assert.deepEqual(cleared.webviewErrors, []);
  });
});
