// Issue 10's reproduction in a real VS Code window: the mouse over calls whose strings try to escape the
// hover (test/fixtures/hostile/). The rendered hover widget holds no image but our data: URIs and no link
// but our commands and the catalogue's docs; the text the file wrote is shown as text in the title.
import * as assert from 'node:assert/strict';
import { hoverShowing } from './callActions';
import { openWorkbench, type Workbench } from './harness';

const CALLS = ['relu(h, "`` <img', 'relu(h, "`` [Docs', 'relu(h, "`` [run'];

describe('hostile file in the VS Code window (issue 10)', () => {
  let wb: Workbench;
  before(async () => {
    wb = await openWorkbench();
    await wb.openFile('hostile/caption_block.py');
  });
  after(async () => {
    await wb?.close();
  });

  for (const text of CALLS) {
    it(`the mouse over ${text}: only our images and links, the call shown as text`, async () => {
      const hover = await hoverShowing(wb, text, 'ReLU');
      await hover.locator('img').first().waitFor();
      const found = await hover.evaluate((el) => ({
        images: Array.from(el.querySelectorAll('img')).map((i) => i.getAttribute('src') ?? ''),
        links: Array.from(el.querySelectorAll('a')).map(
          (a) => a.getAttribute('data-href') || a.getAttribute('href') || '',
        ),
        icons: Array.from(el.querySelectorAll('.codicon')).map((i) => i.className),
        title: el.querySelector('code')?.textContent ?? '',
      }));
      await wb.page.keyboard.press('Escape');
      assert.ok(found.images.length >= 2, 'formulas and plot');
      for (const src of found.images) {
        assert.match(src, /^data:image\/svg\+xml;base64,/, 'image source');
      }
      const commands = found.links.filter((h) => h.startsWith('command:'));
      assert.deepEqual(
        commands.map((h) => h.replace(/\?.*/, '')),
        [
          'command:activationLens.plot',
          'command:activationLens.compare',
          // Signal through depth: the plot command opening the depth view.
          'command:activationLens.plot',
        ],
        found.links.join('\n'),
      );
      for (const href of found.links.filter((h) => !h.startsWith('command:'))) {
        assert.match(href, /^https:\/\/docs\.pytorch\.org\//, 'docs link');
      }
      assert.ok(
        found.icons.every((c) => /codicon-graph-line/.test(c)),
        `icons: ${found.icons.join(', ')}`,
      );
      assert.ok(found.title.includes(text.slice(0, 12)), `title: ${found.title}`);
    });
  }
});
