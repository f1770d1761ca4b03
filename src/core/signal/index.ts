/**
 * Signal propagation through depth: mean-field theory (variance map, χ, fixed points, edge of chaos),
 * its phase diagram, and a real finite random network to set beside it.
 */
export type * from './types';
export { signalPropagation, criticalSigmaW2, edgeCandidates } from './propagation';
export { phaseDiagram, CellState } from './phase';
export type { PhaseDiagram, PhaseDiagramOptions } from './phase';
export { simulateNetwork, NetworkSimulation } from './simulate';
