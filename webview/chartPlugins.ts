import type { Chart, Plugin } from 'chart.js';
import { evaluate } from '../src/core/activations';
import { clipForPlot } from '../src/plotLimits';
import type { SeriesCurves } from './curves';
import type { Theme } from './theme';

/** What the plugins draw from; the chart view mutates it before each update. */
export interface ChartModel {
  curves: SeriesCurves[];
  threshold: number;
  shade: boolean;
  crosshair: number | undefined;
  theme: Theme;
}

/**
 * Shades, behind the lines, the x-intervals where |f′| < threshold for some plotted series: the saturated
 * or dead-gradient regions.
 */
export function shadePlugin(model: ChartModel): Plugin<'line'> {
  return {
    id: 'activationLensShade',
    beforeDatasetsDraw(chart: Chart) {
      if (!model.shade) {
        return;
      }
      const { ctx, chartArea: area, scales } = chart;
      ctx.save();
      ctx.fillStyle = model.theme.shade;
      for (const c of model.curves) {
        let start = -1;
        const n = c.xs.length;
        for (let k = 0; k <= n; k++) {
          const low = k < n && Math.abs(c.dy[k]) < model.threshold;
          if (low && start < 0) {
            start = k;
          } else if (!low && start >= 0) {
            const x0 = scales.x.getPixelForValue(c.xs[start]);
            const x1 = scales.x.getPixelForValue(c.xs[k - 1]);
            ctx.fillRect(x0, area.top, Math.max(1, x1 - x0), area.bottom - area.top);
            start = -1;
          }
        }
      }
      ctx.restore();
    },
  };
}

/** Marks each kink on f with a hollow circle in the series' colour. */
export function kinkPlugin(model: ChartModel): Plugin<'line'> {
  return {
    id: 'activationLensKinks',
    afterDatasetsDraw(chart: Chart) {
      const { ctx, scales } = chart;
      ctx.save();
      ctx.lineWidth = 2;
      model.curves.forEach((c, i) => {
        if (!c.series.show.f) {
          return;
        }
        ctx.strokeStyle = model.theme.series[i % model.theme.series.length];
        ctx.fillStyle = model.theme.background;
        for (const x of c.kinks) {
          const y = clipForPlot(evaluate(c.series.id, x, c.series.params).y);
          if (!Number.isFinite(y)) {
            continue;
          }
          ctx.beginPath();
          ctx.arc(scales.x.getPixelForValue(x), scales.y.getPixelForValue(y), 4, 0, 2 * Math.PI);
          ctx.fill();
          ctx.stroke();
        }
      });
      ctx.restore();
    },
  };
}

/** A vertical line at the crosshair's x. */
export function crosshairPlugin(model: ChartModel): Plugin<'line'> {
  return {
    id: 'activationLensCrosshair',
    afterDraw(chart: Chart) {
      if (model.crosshair === undefined) {
        return;
      }
      const { ctx, chartArea: area, scales } = chart;
      const px = scales.x.getPixelForValue(model.crosshair);
      if (px < area.left || px > area.right) {
        return;
      }
      ctx.save();
      ctx.strokeStyle = model.theme.foreground;
      ctx.globalAlpha = 0.6;
      ctx.setLineDash([3, 3]);
      ctx.beginPath();
      ctx.moveTo(px, area.top);
      ctx.lineTo(px, area.bottom);
      ctx.stroke();
      ctx.restore();
    },
  };
}
