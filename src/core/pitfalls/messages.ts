/**
 * What each pitfall says: our own templates, filled with numbers the core computes (never text from the file).
 * The same sentence is the diagnostic's message and the first line of the hover over the flagged expression.
 */
import { evaluate, evaluateVector } from '../activations';
import { formatNumber } from '../numberFormat';

const DIGITS = 4;

/** Each message once per distinct arguments: the numbers behind it never change. */
function memo<A extends unknown[]>(make: (...args: A) => string): (...args: A) => string {
  const cache = new Map<string, string>();
  return (...args: A) => {
    const key = args.join('\u0000');
    let m = cache.get(key);
    if (m === undefined) {
      m = make(...args);
      cache.set(key, m);
    }
    return m;
  };
}

function num(x: number): string {
  return formatNumber(x, DIGITS);
}

function vec(xs: readonly number[]): string {
  return `[${xs.map(num).join(', ')}]`;
}

/** The largest x whose exp is finite: ln(max double) ≈ 709.8, ln(max float32) ≈ 88.72. */
const EXP_LIMIT_64 = Math.log(Number.MAX_VALUE);
const EXP_LIMIT_32 = Math.log(3.4028234663852886e38);

/** Logits large enough to underflow a softmax in float64. */
const BIG: readonly number[] = [1000, 0];
/** The logits the softmax messages quote (Explain opens the Softmax view on them). */
export const UNDERFLOW_LOGITS = BIG;

/** `log(softmax(z))` / `log(sigmoid(x))`, and the function that computes the same without underflow. */
export const logOfMessage = memo((kind: 'softmax' | 'sigmoid', better: string): string => {
  if (kind === 'softmax') {
    const p = evaluateVector('softmax', [...BIG]).y;
    const exact = evaluateVector('log_softmax', [...BIG]).y;
    return (
      `log of softmax: softmax(${BIG.map(num).join(', ')}) underflows to ${vec(p)}; log gives ` +
      `${vec(p.map(Math.log))} and NaN gradients. ${better} computes z − logsumexp(z) = ${vec(exact)}.`
    );
  }
  const x = -800;
  const s = evaluate('sigmoid', x).y;
  return (
    `log of sigmoid: sigmoid(${num(x)}) underflows to ${num(s)}; log gives ${num(Math.log(s))} and ` +
    `NaN gradients. ${better}(${num(x)}) = ${num(evaluate('logsigmoid', x).y)}.`
  );
});

/** softmax without `dim` in PyTorch. */
export const implicitDimMessage = memo((kind: 'softmax' | 'log_softmax' | 'softmin'): string => {
  return (
    `${kind} without dim: PyTorch's implicit dimension is deprecated and picks dim 0 for 1-D and 3-D ` +
    `inputs (dim 1 otherwise), so a (batch, sequence, classes) tensor is normalized across the batch. ` +
    `Pass dim explicitly.`
  );
});

/** A softmax output fed to a loss that applies log_softmax itself. */
export const softmaxIntoLossMessage = memo((loss: string): string => {
  // After softmax the logits lie in [0, 1]: for two classes the loss is at least −log_softmax([1, 0])[0].
  const floor = -evaluateVector('log_softmax', [1, 0]).y[0];
  return (
    `softmax applied twice: ${loss} applies log_softmax to its input itself, so its inputs here lie in ` +
    `[0, 1] and with 2 classes the loss never falls below ${num(floor)} (log(1 + e^−1)); gradients ` +
    `shrink. Pass the logits.`
  );
});

/** A log_softmax output fed to cross_entropy: the value is right, the intent was nll_loss. */
export const logSoftmaxIntoLossMessage = memo((loss: string): string => {
  return (
    `log_softmax applied twice: ${loss} applies log_softmax to its input itself. The loss is unchanged ` +
    `(log_softmax of log-probabilities is a no-op) but the work is doubled: use nll_loss on ` +
    `log-probabilities, or pass the logits to cross_entropy.`
  );
});

/** A sigmoid output fed to a loss that applies sigmoid itself. */
export const sigmoidIntoLossMessage = memo((loss: string): string => {
  const lo = evaluate('sigmoid', 0).y;
  const hi = evaluate('sigmoid', 1).y;
  const floor = -evaluate('logsigmoid', 0).y;
  return (
    `sigmoid applied twice: ${loss} applies sigmoid to its input itself, so every prediction lies in ` +
    `[${num(lo)}, ${num(hi)}] and a target of 0 costs at least ${num(floor)}. Pass the logits.`
  );
});

/** Keras: a softmax/sigmoid last layer and a loss built with from_logits=True. */
export const kerasFromLogitsMessage = memo(
  (activation: 'softmax' | 'sigmoid', loss: string): string => {
    return activation === 'softmax'
      ? `softmax applied twice: the last layer outputs probabilities and ${loss}(from_logits=True) ` +
          `applies softmax to them again; its inputs lie in [0, 1], so the loss never gets near 0. ` +
          `Use from_logits=False, or drop the activation.`
      : `sigmoid applied twice: the last layer outputs probabilities and ${loss}(from_logits=True) ` +
          `applies sigmoid to them again; every prediction lies in [${num(evaluate('sigmoid', 0).y)}, ` +
          `${num(evaluate('sigmoid', 1).y)}]. Use from_logits=False, or drop the activation.`;
  },
);

/** exp(x) / sum(exp(x)) without the maximum subtracted. */
export const softmaxOverflowMessage = memo((): string => {
  const naive = Math.exp(BIG[0]) / (Math.exp(BIG[0]) + Math.exp(BIG[1]));
  return (
    `softmax overflow: exp overflows to ∞ above ${num(EXP_LIMIT_64)} in float64 (${num(EXP_LIMIT_32)} ` +
    `in float32) and ∞ / ∞ is ${num(naive)}: logits ${vec(BIG)} give NaN where subtracting the ` +
    `maximum first gives ${vec(evaluateVector('softmax', [...BIG]).y)}.`
  );
});

/** log(1 + exp(x)). */
export const softplusOverflowMessage = memo((better: string): string => {
  const x = BIG[0];
  return (
    `softplus overflow: exp(x) overflows to ∞ above ${num(EXP_LIMIT_64)} in float64 ` +
    `(${num(EXP_LIMIT_32)} in float32), so log(1 + exp(${num(x)})) = ${num(Math.log(1 + Math.exp(x)))} ` +
    `where softplus(${num(x)}) = ${num(evaluate('softplus', x).y)}. ${better} computes it without overflow.`
  );
});

/** 1 / (1 + exp(−x)). */
export const sigmoidOverflowMessage = memo(
  (better: string, module: 'numpy' | 'torch' | 'other'): string => {
    const x = -BIG[0];
    const what =
      module === 'torch'
        ? `the value is still ${num(1 / (1 + Math.exp(-x)))} but its gradient is ∞ / ∞ = NaN`
        : module === 'numpy'
          ? `NumPy warns "overflow encountered in exp"`
          : `math.exp raises OverflowError`;
    return (
      `sigmoid overflow: exp(−x) overflows to ∞ for x below −${num(EXP_LIMIT_64)} in float64 ` +
      `(−${num(EXP_LIMIT_32)} in float32); at x = ${num(x)} ${what}. ${better} gives ` +
      `${num(evaluate('sigmoid', x).y)} without overflow.`
    );
  },
);
