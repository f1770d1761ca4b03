// The hover on whole real-code-shaped files of the labelled corpus (test/fixtures/corpus/, issue #9), in a
// real VS Code: a long Keras applications file whose big docstrings hold code-looking prose, a burn model
// and a candle model, and a notebook. Code is hovered as what the frameworks' docs say it is (values from
// the core for the code's parameters); prose and look-alikes get no hover. The expectations are the
// corpus labels of those places (`*.labels.json`), restated here for the places today's reading settles.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { evaluate, getActivation, type Params } from '../../src/core';
import { activateExtension, fixturesFolder, openFixture } from './helpers';
import { assertClose, lensHover, valueRows } from './hoverExpect';

interface Place {
  needle: string;
  /** The part of the needle the mouse rests on (its first character). */
  at: string;
  nth?: number;
  /** Catalogue id, framework as the hover names it, the code's parameters; null: no hover. */
  expect: { id: string; framework: string; params?: Params } | null;
}

const KERAS_APPLICATION: readonly Place[] = [
  // Prose and examples inside the 6 KB BASE_DOCSTRING and a function docstring.
  { needle: '`layers.Activation("relu")`', at: 'relu', expect: null },
  { needle: 'outputs = layers.Dense(10, activation="softmax")(x)', at: 'softmax', expect: null },
  { needle: 'be `None` or `"softmax"`.', at: 'softmax', expect: null },
  { needle: 'use `layers.Activation("softmax")` after', at: 'softmax', expect: null },
  // Code after the docstrings.
  {
    needle: 'layers.Activation("hard_swish")(x)\n',
    at: 'hard_swish',
    expect: { id: 'hardswish', framework: 'Keras' },
  },
  {
    needle: 'layers.Dense(hidden, activation="relu")',
    at: 'relu',
    expect: { id: 'relu', framework: 'Keras' },
  },
  {
    needle: 'activation="hard_silu")',
    at: 'hard_silu',
    expect: { id: 'hardswish', framework: 'Keras' },
  },
  {
    needle: 'activation="softmax", name="head"',
    at: 'softmax',
    expect: { id: 'softmax', framework: 'Keras', params: { dim: -1 } },
  },
  // Look-alikes in code.
  { needle: 'name=prefix + "squeeze_excite_relu"', at: 'squeeze_excite_relu', expect: null },
  { needle: 'imagenet_utils.validate_activation(', at: 'validate_activation', expect: null },
  { needle: 'not in (None, "softmax")', at: 'softmax', expect: null },
];

const BURN_MODEL: readonly Place[] = [
  { needle: '`Conv2d -> BatchNorm -> Gelu`', at: 'Gelu', expect: null },
  {
    needle: 'activation: Gelu::new(),',
    at: 'Gelu',
    expect: { id: 'gelu', framework: 'Burn', params: { approximate: 'none' } },
  },
  {
    needle: 'leaky: LeakyReluConfig::new().with_negative_slope(0.2).init(),',
    at: 'LeakyReluConfig',
    expect: { id: 'leaky_relu', framework: 'Burn', params: { negative_slope: 0.2 } },
  },
  { needle: 'activation: Relu::new(),', at: 'Relu', expect: { id: 'relu', framework: 'Burn' } },
  {
    needle: 'burn::tensor::activation::softplus(t, 2.0)',
    at: 'softplus',
    expect: { id: 'softplus', framework: 'Burn', params: { beta: 2 } },
  },
  {
    needle: 'burn::tensor::activation::hard_sigmoid(ls, 0.2, 0.5)',
    at: 'hard_sigmoid',
    expect: { id: 'hardsigmoid', framework: 'Burn', params: { slope: 0.2 } },
  },
  {
    needle: 'tensor::activation::{log_softmax, relu, sigmoid, softmax},',
    at: 'sigmoid',
    expect: null,
  },
  { needle: 'pub fn gate<B: Backend>(', at: 'gate', expect: null },
];

const CANDLE_MODEL: readonly Place[] = [
  { needle: '`HiddenActLayer::new(HiddenAct::Gelu).forward(&xs)`', at: 'Gelu', expect: null },
  {
    needle: 'HiddenAct::Gelu => xs.gelu_erf(),',
    at: 'gelu_erf',
    expect: { id: 'gelu', framework: 'Candle', params: { approximate: 'none' } },
  },
  {
    needle: 'HiddenAct::GeluApproximate => xs.gelu(),',
    at: 'gelu(',
    expect: { id: 'gelu', framework: 'Candle', params: { approximate: 'tanh' } },
  },
  {
    needle: 'let sig = candle_nn::ops::sigmoid(&logits)?;',
    at: 'sigmoid',
    expect: { id: 'sigmoid', framework: 'Candle' },
  },
  {
    needle: 'self.dense.forward(&first)?.tanh()',
    at: 'tanh',
    expect: { id: 'tanh', framework: 'Candle' },
  },
  { needle: 'use candle::{DType, Device, Module, Result, Tensor, D};', at: 'Module', expect: null },
  { needle: 'let gelu_fast = HiddenActLayer', at: 'gelu_fast', expect: null },
];

interface PlotArgs {
  series: { id: string; params: Record<string, number | string> }[];
}

/** Hovers each place in `document` and checks the hover against its expectation. */
async function checkPlaces(document: vscode.TextDocument, places: readonly Place[]): Promise<void> {
  for (const p of places) {
    const text = document.getText();
    let start = -1;
    for (let i = 0; i <= (p.nth ?? 0); i++) {
      start = text.indexOf(p.needle, start + 1);
      assert.ok(start >= 0, `${JSON.stringify(p.needle)} #${i} not in ${document.uri.path}`);
    }
    const offset = p.needle.indexOf(p.at) + 1;
    const md = await lensHover(document, p.needle, p.nth ?? 0, offset);
    const where = `${JSON.stringify(p.at)} in ${JSON.stringify(p.needle)}`;
    if (p.expect === null) {
      assert.equal(md, undefined, `no hover expected on ${where}`);
      continue;
    }
    assert.ok(md, `no hover on ${where}`);
    const info = getActivation(p.expect.id);
    assert.ok(info, p.expect.id);
    const title = md.split('\n')[0];
    assert.ok(title.includes(`**${info.name}`), `${where}: ${title}`);
    assert.ok(title.includes(` · ${p.expect.framework} · `), `${where}: ${title}`);
    // The Plot link carries the id and the effective parameters the hover was built from.
    const plot = /\]\(command:activationLens\.plot\?([^ )]+)/.exec(md);
    assert.ok(plot, `${where}: plot link`);
    const [args] = JSON.parse(decodeURIComponent(plot[1])) as [PlotArgs];
    assert.equal(args.series[0].id, p.expect.id, where);
    for (const [name, value] of Object.entries(p.expect.params ?? {})) {
      assert.equal(args.series[0].params[name], value, `${where}: ${name}`);
    }
    if (info.kind === 'scalar') {
      const points = valueRows(md);
      assert.ok(points.length > 0, `${where}: values shown`);
      for (const v of points) {
        const e = evaluate(p.expect.id, v.x, p.expect.params ?? {});
        assertClose(v.y, e.y, 4, `${where}: f(${v.x})`);
        assertClose(v.dy, e.dy, 4, `${where}: f'(${v.x})`);
      }
    }
  }
}

describe('hover: whole real-code-shaped files (#9 corpus)', () => {
  before(async () => {
    await activateExtension();
  });

  it('a long Keras applications file: code after big docstrings is hovered, their prose is not', async () => {
    const { document } = await openFixture('corpus/keras/mobilenet_v3.py');
    // The file is long and its docstring large enough that a window around the cursor starts in it.
    assert.ok(document.getText().length > 12_000 && document.lineCount > 400);
    await checkPlaces(document, KERAS_APPLICATION);
  });

  it('a burn model file: modules, configs with their with_* parameters, qualified functions', async () => {
    const { document } = await openFixture('corpus/burn/model.rs');
    await checkPlaces(document, BURN_MODEL);
  });

  it('a candle model file: tensor methods (gelu is tanh, gelu_erf exact) and candle_nn::ops', async () => {
    const { document } = await openFixture('corpus/candle/bert.rs');
    await checkPlaces(document, CANDLE_MODEL);
  });

  it('a notebook: code cells are hovered, comments and dict keys are not', async () => {
    const uri = vscode.Uri.joinPath(
      fixturesFolder(),
      'corpus',
      'notebook',
      'pytorch_activations.ipynb',
    );
    const notebook = await vscode.workspace.openNotebookDocument(uri);
    await vscode.window.showNotebookDocument(notebook);
    const code = notebook.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code);
    assert.equal(code.length, 5);
    await checkPlaces(code[1].document, [
      { needle: '"relu": F.relu(x)', at: 'relu(', expect: { id: 'relu', framework: 'PyTorch' } },
      { needle: '"relu": F.relu(x)', at: '"relu"', expect: null },
      {
        needle: '"sigmoid": torch.sigmoid(x)',
        at: 'sigmoid(',
        expect: { id: 'sigmoid', framework: 'PyTorch' },
      },
    ]);
    await checkPlaces(code[2].document, [
      {
        needle: 'self.act = nn.LeakyReLU()',
        at: 'LeakyReLU',
        expect: { id: 'leaky_relu', framework: 'PyTorch', params: { negative_slope: 0.01 } },
      },
    ]);
    await checkPlaces(code[4].document, [
      { needle: '# relu = lambda z: z', at: 'relu', expect: null },
      {
        needle: 'h.softmax(dim=0)',
        at: 'softmax',
        expect: { id: 'softmax', framework: 'PyTorch', params: { dim: 0 } },
      },
    ]);
  });
});
