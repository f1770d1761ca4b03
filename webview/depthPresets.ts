/**
 * Initialization presets as real code sets them, expressed as the mean-field (σ_w², σ_b²): weights with
 * variance σ_w²/fan_in and biases with variance σ_b². Fan-in and fan-out are the layer width.
 */
import { getActivation } from '../src/core/activations';
import type { Params } from '../src/core/types';

export interface Preset {
  readonly key: string;
  readonly label: string;
  /** Where the numbers come from, shown under the controls. */
  readonly note: string;
  values(id: string, params: Params, width: number): { sigmaW2: number; sigmaB2: number };
}

/** torch.nn.init.calculate_gain for the activation, 1 where PyTorch defines none. */
export function calculateGain(id: string, params: Params): number {
  const info = getActivation(id);
  return info.gain ? info.gain(params) : 1;
}

export const PRESETS: readonly Preset[] = [
  {
    key: 'torch-linear',
    label: 'PyTorch nn.Linear default',
    note: 'kaiming_uniform_(a=√5): W ~ U(±1/√fan_in), so σ_w² = 1/3; bias ~ U(±1/√fan_in), so σ_b² = 1/(3·fan_in).',
    values: (_id, _p, width) => ({ sigmaW2: 1 / 3, sigmaB2: 1 / (3 * width) }),
  },
  {
    key: 'kaiming',
    label: 'Kaiming/He normal',
    note: "kaiming_normal_ with PyTorch's default nonlinearity (leaky_relu, a = 0): std = √2/√fan_in, σ_w² = 2; zero bias.",
    values: () => ({ sigmaW2: 2, sigmaB2: 0 }),
  },
  {
    key: 'gain',
    label: 'calculate_gain(activation)²',
    note: 'std = gain/√fan_in with torch.nn.init.calculate_gain for this activation: σ_w² = gain²; zero bias.',
    values: (id, p) => ({ sigmaW2: calculateGain(id, p) ** 2, sigmaB2: 0 }),
  },
  {
    key: 'xavier',
    label: 'Xavier/Glorot normal',
    note: 'xavier_normal_ (gain 1): std = √(2/(fan_in + fan_out)), so σ_w² = 1 with equal fans; zero bias.',
    values: () => ({ sigmaW2: 1, sigmaB2: 0 }),
  },
  {
    key: 'lecun',
    label: 'LeCun normal (SELU)',
    note: 'lecun_normal: std = 1/√fan_in, σ_w² = 1, the init SELU is designed for; zero bias.',
    values: () => ({ sigmaW2: 1, sigmaB2: 0 }),
  },
  {
    key: 'relu-bias',
    label: 'He + ReLU bias 0.1',
    note: "The lecture's positive bias: He init (σ_w² = 2) with bias 0.1, taken as a bias of the same size, σ_b² = 0.1² (a constant 0.1 would also shift the mean).",
    values: () => ({ sigmaW2: 2, sigmaB2: 0.01 }),
  },
];

export function presetOf(key: string): Preset | undefined {
  return PRESETS.find((p) => p.key === key);
}
