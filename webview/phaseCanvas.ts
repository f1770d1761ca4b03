/**
 * The phase diagram over (σ_w², σ_b²) on a canvas: cells coloured by χ* (blue ordered, red chaotic,
 * the background colour at χ* = 1), hatched grey where the variance diverges, dotted where several
 * attractors compete, the edge-of-chaos curve, and the current point, which can be dragged (pointer)
 * or moved with the arrow keys.
 */
import { CellState, type PhaseDiagram } from '../src/core/signal';
import { formatNumber } from '../src/core/numberFormat';
import type { Theme } from './theme';

const PAD = { left: 44, right: 10, top: 10, bottom: 34 };
/** χ* at which a colour saturates: ×4 per layer either way. */
const SATURATE = Math.log(4);

function rgb(colour: string): [number, number, number] {
  const hex = /^#([0-9a-f]{6})/i.exec(colour.trim());
  if (hex) {
    const n = parseInt(hex[1], 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  const m = /rgba?\((\d+)\D+(\d+)\D+(\d+)/.exec(colour);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [128, 128, 128];
}

function mix(a: [number, number, number], b: [number, number, number], t: number): string {
  const c = a.map((v, i) => Math.round(v + (b[i] - v) * t));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

export class PhaseCanvas {
  readonly canvas: HTMLCanvasElement;
  private diagram: PhaseDiagram | undefined;
  private windowW: [number, number] = [0, 4];
  private windowB: [number, number] = [0, 0.5];
  private point = { w: 1, b: 0 };
  private theme: Theme | undefined;
  private dragging = false;

  constructor(private readonly onMove: (sigmaW2: number, sigmaB2: number) => void) {
    this.canvas = document.createElement('canvas');
    this.canvas.width = 360;
    this.canvas.height = 280;
    this.canvas.className = 'phase-diagram';
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('role', 'application');
    this.canvas.addEventListener('pointerdown', (e) => {
      this.dragging = true;
      this.canvas.setPointerCapture(e.pointerId);
      this.moveTo(e);
    });
    this.canvas.addEventListener('pointermove', (e) => {
      if (this.dragging) {
        this.moveTo(e);
      }
    });
    const stop = () => {
      this.dragging = false;
    };
    this.canvas.addEventListener('pointerup', stop);
    this.canvas.addEventListener('pointercancel', stop);
    this.canvas.addEventListener('keydown', (e) => {
      const dw = (this.windowW[1] - this.windowW[0]) / 64;
      const db = (this.windowB[1] - this.windowB[0]) / 64;
      const moves: Record<string, [number, number]> = {
        ArrowLeft: [-dw, 0],
        ArrowRight: [dw, 0],
        ArrowUp: [0, db],
        ArrowDown: [0, -db],
      };
      const m = moves[e.key];
      if (m) {
        e.preventDefault();
        this.onMove(...this.clamp(this.point.w + m[0], this.point.b + m[1]));
      }
    });
  }

  /** The plot area in canvas pixels. */
  private get area() {
    return {
      x: PAD.left,
      y: PAD.top,
      w: this.canvas.width - PAD.left - PAD.right,
      h: this.canvas.height - PAD.top - PAD.bottom,
    };
  }

  /** Canvas position of (σ_w², σ_b²). */
  toCanvas(w: number, b: number): { x: number; y: number } {
    const a = this.area;
    return {
      x: a.x + ((w - this.windowW[0]) / (this.windowW[1] - this.windowW[0])) * a.w,
      y: a.y + a.h - ((b - this.windowB[0]) / (this.windowB[1] - this.windowB[0])) * a.h,
    };
  }

  private clamp(w: number, b: number): [number, number] {
    const c = (v: number, [lo, hi]: [number, number]) => Math.min(hi, Math.max(lo, v));
    return [c(w, this.windowW), c(b, this.windowB)];
  }

  private moveTo(e: PointerEvent): void {
    const r = this.canvas.getBoundingClientRect();
    const a = this.area;
    const px = ((e.clientX - r.left) / r.width) * this.canvas.width;
    const py = ((e.clientY - r.top) / r.height) * this.canvas.height;
    const w = this.windowW[0] + ((px - a.x) / a.w) * (this.windowW[1] - this.windowW[0]);
    const b = this.windowB[0] + ((a.y + a.h - py) / a.h) * (this.windowB[1] - this.windowB[0]);
    this.onMove(...this.clamp(w, b));
  }

  /** New diagram (new activation or window) and/or point; redraws. */
  draw(
    diagram: PhaseDiagram,
    windowW: [number, number],
    windowB: [number, number],
    point: { w: number; b: number },
    theme: Theme,
  ): void {
    this.diagram = diagram;
    this.windowW = windowW;
    this.windowB = windowB;
    this.point = point;
    this.theme = theme;
    this.paint();
    const f = (v: number) => formatNumber(v, 3);
    this.canvas.setAttribute(
      'aria-label',
      `Phase diagram over σ_w² from ${f(windowW[0])} to ${f(windowW[1])} and σ_b² from ${f(
        windowB[0],
      )} to ${f(windowB[1])}; the current point is σ_w² = ${f(point.w)}, σ_b² = ${f(
        point.b,
      )}. Arrow keys move it.`,
    );
  }

  private paint(): void {
    const d = this.diagram;
    const t = this.theme;
    const ctx = this.canvas.getContext('2d');
    if (!d || !t || !ctx) {
      return;
    }
    const a = this.area;
    const cols = d.sigmaW2.length;
    const rows = d.sigmaB2.length;
    const bg = rgb(t.background);
    const ordered = rgb(t.series[0]);
    const chaotic = rgb(t.series[4]);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    const cw = a.w / cols;
    const ch = a.h / rows;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const k = r * cols + c;
        const x = a.x + c * cw;
        const y = a.y + a.h - (r + 1) * ch;
        if (d.state[k] === CellState.Diverges) {
          ctx.fillStyle = t.grid;
          ctx.fillRect(x, y, cw + 0.5, ch + 0.5);
          continue;
        }
        const s = Math.max(-1, Math.min(1, Math.log(d.chiStar[k]) / SATURATE));
        ctx.fillStyle = s < 0 ? mix(bg, ordered, -s) : mix(bg, chaotic, s);
        ctx.fillRect(x, y, cw + 0.5, ch + 0.5);
        if (d.state[k] === CellState.Several) {
          ctx.fillStyle = t.foreground;
          ctx.fillRect(x + cw / 2 - 0.75, y + ch / 2 - 0.75, 1.5, 1.5);
        }
      }
    }
    // The edge of chaos.
    ctx.strokeStyle = t.foreground;
    ctx.lineWidth = 2;
    for (const line of d.edge) {
      ctx.beginPath();
      line.forEach((p, i) => {
        const { x, y } = this.toCanvas(p.sigmaW2, p.sigmaB2);
        if (i === 0) {
          ctx.moveTo(x, y);
        } else {
          ctx.lineTo(x, y);
        }
      });
      ctx.stroke();
    }
    this.axes(ctx, t);
    const p = this.toCanvas(this.point.w, this.point.b);
    ctx.beginPath();
    ctx.arc(p.x, p.y, 6, 0, 2 * Math.PI);
    ctx.fillStyle = t.background;
    ctx.fill();
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = t.foreground;
    ctx.stroke();
  }

  private axes(ctx: CanvasRenderingContext2D, t: Theme): void {
    const a = this.area;
    ctx.strokeStyle = t.grid;
    ctx.lineWidth = 1;
    ctx.strokeRect(a.x, a.y, a.w, a.h);
    ctx.fillStyle = t.foreground;
    ctx.font = '11px sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (let i = 0; i <= 4; i++) {
      const w = this.windowW[0] + ((this.windowW[1] - this.windowW[0]) * i) / 4;
      ctx.fillText(formatNumber(w, 3), a.x + (a.w * i) / 4, a.y + a.h + 3);
    }
    ctx.fillText('σ_w² (weight variance × fan-in)', a.x + a.w / 2, a.y + a.h + 18);
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (let i = 0; i <= 4; i++) {
      const b = this.windowB[0] + ((this.windowB[1] - this.windowB[0]) * i) / 4;
      ctx.fillText(formatNumber(b, 3), a.x - 4, a.y + a.h - (a.h * i) / 4);
    }
    ctx.save();
    ctx.translate(10, a.y + a.h / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = 'center';
    ctx.fillText('σ_b²', 0, 0);
    ctx.restore();
  }
}
