/**
 * Runs the seeded random networks for the depth view off the critical path: the work is cut into
 * NetworkSimulation steps, run for at most SLICE_MS before yielding to the event loop, so the panel
 * keeps painting and answering input. Finished results are cached by their inputs.
 */
import { NetworkSimulation, type SimulationResult } from '../src/core/signal';
import type { Params } from '../src/core/types';

export interface SimulationRequest {
  id: string;
  params: Params;
  sigmaW2: number;
  sigmaB2: number;
  q0: number;
  depth: number;
  width: number;
  batch: number;
  seeds: number;
}

/** One run per seed, as the network returned them. */
export type SimulationRuns = SimulationResult[];

/** Work per slice: well under the 50 ms frame budget even on a slow machine. */
const SLICE_MS = 12;
const CACHE_SIZE = 24;

function keyOf(r: SimulationRequest): string {
  return JSON.stringify([
    r.id,
    r.params,
    r.sigmaW2,
    r.sigmaB2,
    r.q0,
    r.depth,
    r.width,
    r.batch,
    r.seeds,
  ]);
}

export class SimulationRunner {
  private readonly cache = new Map<string, SimulationRuns>();
  private generation = 0;

  /** A finished result for these inputs, if one is cached. */
  cached(r: SimulationRequest): SimulationRuns | undefined {
    return this.cache.get(keyOf(r));
  }

  /** Stops whatever is running (its callbacks will not be called). */
  cancel(): void {
    this.generation++;
  }

  /**
   * Starts the runs (cancelling any before), reporting progress in [0, 1] and then the results.
   * Errors are handed to `onError` rather than thrown from a timer.
   */
  start(
    r: SimulationRequest,
    onProgress: (p: number) => void,
    onDone: (runs: SimulationRuns) => void,
    onError: (e: unknown) => void,
  ): void {
    const gen = ++this.generation;
    const hit = this.cached(r);
    if (hit) {
      onDone(hit);
      return;
    }
    // For the browser check of the panel's responsiveness: the window in which the runs own the thread.
    performance.mark('activationLens.simulationStart');
    const runs: SimulationResult[] = [];
    let sim: NetworkSimulation | undefined;
    const slice = () => {
      if (gen !== this.generation) {
        return;
      }
      try {
        const t0 = performance.now();
        while (performance.now() - t0 < SLICE_MS) {
          sim ??= new NetworkSimulation(r.id, r.params, {
            sigmaW2: r.sigmaW2,
            sigmaB2: r.sigmaB2,
            q0: r.q0,
            depth: r.depth,
            width: r.width,
            batch: r.batch,
            seed: runs.length + 1,
          });
          if (sim.step()) {
            runs.push(sim.result());
            sim = undefined;
            if (runs.length === r.seeds) {
              this.remember(keyOf(r), runs);
              onDone(runs);
              performance.mark('activationLens.simulationEnd');
              return;
            }
          }
        }
        onProgress((runs.length + (sim?.progress ?? 0)) / r.seeds);
        setTimeout(slice, 0);
      } catch (e) {
        onError(e);
      }
    };
    setTimeout(slice, 0);
  }

  private remember(key: string, runs: SimulationRuns): void {
    if (this.cache.size >= CACHE_SIZE) {
      this.cache.delete(this.cache.keys().next().value as string);
    }
    this.cache.set(key, runs);
  }
}
