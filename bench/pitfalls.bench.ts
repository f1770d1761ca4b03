/**
 * Pitfall scan benchmark: `findPitfalls` over 5,000-line Python files, the diagnostics' cost on each edit.
 * The typical file repeats a training module full of activation calls, softmax heads, losses and exp — all
 * written correctly — with one pitfall in every ~500 lines; the dense file has five pitfalls in every 50 lines (each
 * finding costs a recognizer call). Beside them, baselines measured in the same run on the same text:
 * tokenizing the whole file once and a regular-expression scan for `softmax`. The target (≤ 5 ms for the
 * typical file) is reported, never asserted.
 */
import { findPitfalls } from '../src/core';
import { tokenize } from '../src/core/recognize/tokenizer';

const MODULE = `import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class Classifier(nn.Module):
    """A small classifier with a residual block and a softmax head."""

    def __init__(self, d: int, n_classes: int, slope: float = 0.1) -> None:
        super().__init__()
        self.fc1 = nn.Linear(d, 4 * d)
        self.fc2 = nn.Linear(4 * d, d)
        self.head = nn.Linear(d, n_classes)
        self.act = nn.LeakyReLU(slope, inplace=True)
        self.norm = nn.LayerNorm(d)
        self.criterion = nn.CrossEntropyLoss(label_smoothing=0.1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.act(self.fc1(self.norm(x)))
        h = F.dropout(F.gelu(h, approximate="tanh"), 0.1, self.training)
        h = x + torch.sigmoid(self.fc2(h)) * h.tanh()
        return F.log_softmax(self.head(h), dim=-1)

    def loss(self, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        logits = self.head(x)
        probs = F.softmax(logits)
        scores = torch.log(F.softmax(logits, dim=1))
        return self.criterion(logits, y) + F.nll_loss(scores, y) + probs.sum()


def softmax(z):
    """Reference softmax for the tests."""
    return np.exp(z) / np.sum(np.exp(z), axis=-1, keepdims=True)


def calibrate(logits: np.ndarray, temperature: float = 1.5) -> np.ndarray:
    scaled = logits / temperature
    return 1 / (1 + np.exp(-scaled))
`;

/** Correct code: every softmax has its dim, logs are fused, the hand-written forms are the stable ones. */
const CLEAN = `

class Encoder(nn.Module):
    """Transformer-style encoder block with a gated MLP."""

    def __init__(self, d: int, heads: int, dropout: float = 0.1) -> None:
        super().__init__()
        self.qkv = nn.Linear(d, 3 * d)
        self.out = nn.Linear(d, d)
        self.up = nn.Linear(d, 4 * d)
        self.gate = nn.Linear(d, 4 * d)
        self.down = nn.Linear(4 * d, d)
        self.attn_softmax = nn.Softmax(dim=-1)
        self.heads = heads
        self.drop = nn.Dropout(dropout)

    def attention(self, x: torch.Tensor) -> torch.Tensor:
        q, k, v = self.qkv(x).chunk(3, dim=-1)
        scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
        weights = F.softmax(scores, dim=-1)
        return self.out(self.drop(weights) @ v)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x + self.attention(x)
        h = F.silu(self.gate(x)) * self.up(x)
        return x + self.down(F.gelu(h, approximate="tanh"))


def stable_softmax(z: np.ndarray, axis: int = -1) -> np.ndarray:
    shifted = z - z.max(axis=axis, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=axis, keepdims=True)


def log_probs(logits: torch.Tensor) -> torch.Tensor:
    return torch.log_softmax(logits, dim=-1)


def bce(logits: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    return F.binary_cross_entropy_with_logits(logits, y) + F.cross_entropy(logits, y.long())


def softplus(x: np.ndarray) -> np.ndarray:
    return np.logaddexp(0, x)


def probabilities(model: nn.Module, x: torch.Tensor) -> torch.Tensor:
    with torch.no_grad():
        return torch.sigmoid(model(x)).clamp(1e-6, 1 - 1e-6)


def entropy(p: torch.Tensor) -> torch.Tensor:
    return -(p * torch.log(p + 1e-12)).sum(dim=-1)
`;

/** The typical file's one pitfall in ~500 lines. */
const ONE_PITFALL = `

def scores(logits: torch.Tensor) -> torch.Tensor:
    return torch.log(F.softmax(logits, dim=1))
`;

const LINES = 5000;

function fileOf(unit: string): string {
  const lines = unit.split('\n').length;
  return Array.from({ length: Math.ceil(LINES / lines) }, () => unit)
    .join('\n')
    .split('\n')
    .slice(0, LINES)
    .join('\n');
}

/** Milliseconds per call of `f`: the fastest of several rounds after a warm-up (the machine is shared). */
function timeMs(f: () => unknown, rounds = 15): number {
  for (let i = 0; i < 5; i++) {
    f();
  }
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** Prints findPitfalls' cost on a 5,000-line file and its ratios to same-run baselines. */
export async function runPitfallsBench(): Promise<void> {
  console.log('\n== pitfalls ==');
  const header =
    'import math\n\nimport numpy as np\nimport torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n';
  const typical = header + fileOf(CLEAN.repeat(9) + ONE_PITFALL);
  const dense = fileOf(MODULE);
  for (const [name, doc] of [
    ['typical', typical],
    ['dense', dense],
  ] as const) {
    const found = findPitfalls(doc, 'python');
    if (found.length === 0) {
      throw new Error(`bench document ${name}: no pitfalls found`);
    }
    // A fresh string per scan, as document.getText() gives on each edit.
    let k = 0;
    const texts = Array.from({ length: 4 }, (_, i) => `${doc}${' '.repeat(i)}`);
    const scan = timeMs(() => findPitfalls(texts[k++ % texts.length], 'python'));
    const lexAll = timeMs(() => tokenize(doc, 0, doc.length, 'python'));
    const regex = timeMs(() => doc.match(/softmax/g)?.length);
    const lines = doc.split('\n').length;
    console.log(
      `${name} ${lines}-line Python file (${doc.length} chars, ${found.length} pitfalls):`,
    );
    console.log(
      `  findPitfalls                         ${scan.toFixed(2)} ms${name === 'typical' ? ' (target ≤ 5 ms)' : ''}`,
    );
    console.log(
      `  baseline: tokenize the whole file    ${lexAll.toFixed(2)} ms  -> ratio ${(scan / lexAll).toFixed(2)}x`,
    );
    console.log(
      `  baseline: regex scan for "softmax"   ${regex.toFixed(3)} ms  -> ratio ${(scan / regex).toFixed(1)}x`,
    );
  }
}
