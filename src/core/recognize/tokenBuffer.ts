/**
 * Tokens as parallel typed arrays, filled by the lexer: a whole file is lexed without allocating an object
 * per token, and the lexer writes through one small method that the JIT inlines (a callback per token cost
 * as much as the lexing itself).
 */

/** Growable parallel arrays: kind (ID…PUNCT), span and flags (NL, STMT) per token. */
export class TokenBuffer {
  count = 0;
  kinds: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  flags: Uint8Array;

  /**
   * Room for `capacity` tokens of the range `[from, to)`: when the text turns out denser, the buffer grows
   * to what the density so far predicts for the whole range (one growth, not one per doubling).
   */
  constructor(
    capacity: number,
    private readonly from = 0,
    private readonly to = 0,
  ) {
    const n = Math.max(16, capacity);
    this.kinds = new Uint8Array(n);
    this.starts = new Int32Array(n);
    this.ends = new Int32Array(n);
    this.flags = new Uint8Array(n);
  }

  /** Appends token `[s, e)` of `kind`, with `flag` (NL when first on its line). */
  push(kind: number, s: number, e: number, flag: number): void {
    const n = this.count;
    if (n === this.kinds.length) {
      this.grow(s);
    }
    this.kinds[n] = kind;
    this.starts[n] = s;
    this.ends[n] = e;
    this.flags[n] = flag;
    this.count = n + 1;
  }

  /** Grows when full at offset `at`: at least by half, else to the predicted count (never more tokens
   * than characters). */
  private grow(at: number): void {
    const full = this.kinds.length;
    const read = at - this.from;
    const predicted = read > 0 ? Math.ceil(((full * (this.to - this.from)) / read) * 1.1) : 0;
    const n = Math.max(Math.ceil(full * 1.5), Math.min(predicted, this.to - this.from + 16));
    const kinds = new Uint8Array(n);
    kinds.set(this.kinds);
    this.kinds = kinds;
    const flags = new Uint8Array(n);
    flags.set(this.flags);
    this.flags = flags;
    const starts = new Int32Array(n);
    starts.set(this.starts);
    this.starts = starts;
    const ends = new Int32Array(n);
    ends.set(this.ends);
    this.ends = ends;
  }
}

/**
 * One buffer that lives as long as the process. Buffers are short-lived (a model keeps their arrays, not
 * them), and V8 lets a class's hidden class die at a full collection when no instance is alive; the
 * lexer's optimized code, which depends on it, is then thrown away and the next first hover runs unoptimized
 * (measured: 20–60 ms instead of 1–2 ms after every full collection).
 */
export const KEEP_ALIVE = new TokenBuffer(0);
