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

/**
 * Work per slice. The browser check (test/browser/depth.test.ts) holds every task under 50 ms while a
 * width-512, depth-100 simulation runs; on a machine shared by many processes a slice's wall time is several
 * times its CPU time (12 ms slices were measured at 50–72 ms under a load of 16 on 2 cores), so slices are
 * short and yield without the 4 ms minimum delay of nested timers.
 */
const SLICE_MS = 5;
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
  /**
   * Slices run as MessageChannel messages: unlike a nested setTimeout they are not held back 4 ms, so
   * short slices do not leave the thread idle between them. One run at a time: a cancelled run's pending
   * slice finds its generation gone.
   */
  private readonly channel = new MessageChannel();
  /** Tasks the latest run has taken so far (the browser check relates long tasks to it). */
  slices = 0;
  private nextSlice: (() => void) | undefined;

  constructor() {
    this.channel.port1.onmessage = () => {
      const slice = this.nextSlice;
      this.nextSlice = undefined;
      slice?.();
    };
  }

  private yieldThen(slice: () => void): void {
    this.nextSlice = slice;
    this.channel.port2.postMessage(null);
  }

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
    this.slices = 0;
    let sim: NetworkSimulation | undefined;
    const slice = () => {
      if (gen !== this.generation) {
        return;
      }
      this.slices++;
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
        this.yieldThen(slice);
      } catch (e) {
        onError(e);
      }
    };
    this.yieldThen(slice);
  }

  private remember(key: string, runs: SimulationRuns): void {
    if (this.cache.size >= CACHE_SIZE) {
      this.cache.delete(this.cache.keys().next().value as string);
    }
    this.cache.set(key, runs);
  }
}
