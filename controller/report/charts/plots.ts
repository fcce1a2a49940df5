/**
 * Draws the report's charts with Observable Plot. Plot renders SVG, so the charts print as
 * sharp vectors at any size, and its axes and labels use `currentColor`, so the same chart
 * reads white-on-dark on screen and black-on-white on paper without being redrawn. Loaded
 * only by the report page (a separate chunk): the live controller never pays for it.
 */
import * as Plot from '@observablehq/plot';
import { kindLabel } from '../../i18n/kindLabel';
import * as m from '../../i18n/paraglide/messages.js';
import { axisMoney } from '../format';
import {
  KIND_COLOURS,
  kindsOf,
  type Band,
  type ChartModel,
  type GmvChart,
  type SeriesChart,
  type StockChart,
  type UnitsChart,
  type ViewerChart,
} from './chartData';

const ACCENT = '#ff5a1f';
const DEAL = '#ff2d55';
const LINES = [
  '#ff5a1f',
  '#3b82f6',
  '#14b8a6',
  '#a855f7',
  '#eab308',
  '#ef4444',
  '#22c55e',
  '#64748b',
];
const HEIGHT = 260;

interface Options {
  width: number;
}

const style = {
  background: 'transparent',
  color: 'inherit',
  fontFamily: 'inherit',
  fontSize: '12px',
  overflow: 'visible',
};

/** Segment kinds by their fixed colours; the legend names only the kinds this show had. */
function kindScale(bands: readonly Band[]) {
  const kinds = kindsOf(bands);
  return {
    type: 'ordinal' as const,
    domain: kinds,
    range: kinds.map((k) => KIND_COLOURS[k] ?? '#888'),
    legend: kinds.length > 0,
    tickFormat: (k: string) => kindLabel(k),
  };
}

const xMinutes = (endX: number) => ({
  label: m.rep_axis_minutes(),
  domain: [0, Math.max(endX, 1)],
  nice: false,
});

function bandMarks(chart: GmvChart | ViewerChart) {
  return Plot.rect(chart.bands, {
    x1: 'x1',
    x2: 'x2',
    fill: 'kind',
    fillOpacity: 0.16,
    title: (b: { title: string; kind: string }) => `${kindLabel(b.kind)}: ${b.title}`,
  });
}

function gmv(chart: GmvChart, { width }: Options) {
  return Plot.plot({
    width,
    height: HEIGHT,
    marginLeft: 64,
    style,
    ariaLabel: chart.title,
    ariaDescription: chart.summary,
    x: xMinutes(chart.endX),
    y: {
      label: m.rep_axis_gmv({ currency: chart.currency }),
      grid: true,
      nice: true,
      tickFormat: (v: number) => axisMoney(v, chart.currency),
    },
    color: kindScale(chart.bands),
    marks: [
      bandMarks(chart),
      Plot.rect(chart.deals, {
        x1: 'x1',
        x2: 'x2',
        fill: 'none',
        stroke: DEAL,
        strokeWidth: 1.5,
        strokeDasharray: '5,3',
        title: 'label',
      }),
      Plot.text(chart.deals, {
        x: 'x1',
        text: () => m.rep_chart_deal_mark(),
        frameAnchor: 'top-left',
        dx: 4,
        dy: 4,
        fill: DEAL,
        fontWeight: 700,
      }),
      Plot.ruleY([0]),
      Plot.lineY(chart.points, {
        x: 'x',
        y: 'y',
        curve: 'step-after',
        stroke: ACCENT,
        strokeWidth: 2.5,
      }),
    ],
  });
}

function units(chart: UnitsChart, { width }: Options) {
  const longest = Math.max(...chart.bars.map((b) => Math.min(b.name.length, 28)));
  return Plot.plot({
    width,
    height: Math.max(120, 36 + chart.bars.length * 30),
    marginLeft: Math.min(220, 16 + longest * 7),
    marginRight: 40,
    style,
    ariaLabel: chart.title,
    ariaDescription: chart.summary,
    x: {
      label: m.rep_axis_units_sold(),
      grid: true,
      tickFormat: (v: number) => (Number.isInteger(v) ? String(v) : ''),
    },
    y: {
      label: null,
      domain: chart.bars.map((b) => b.name),
      tickFormat: (n: string) => (n.length > 28 ? `${n.slice(0, 27)}…` : n),
    },
    marks: [
      Plot.barX(chart.bars, {
        x: 'units',
        y: 'name',
        fill: ACCENT,
        title: (b: { name: string; units: number }) => `${b.name}: ${b.units}`,
      }),
      Plot.text(chart.bars, {
        x: 'units',
        y: 'name',
        text: (b: { units: number }) => String(b.units),
        textAnchor: 'start',
        dx: 5,
        fill: 'currentColor',
      }),
      Plot.ruleX([0]),
    ],
  });
}

function stock(chart: StockChart, { width }: Options) {
  return Plot.plot({
    width,
    height: HEIGHT,
    marginLeft: 52,
    marginRight: 60,
    style,
    ariaLabel: chart.title,
    ariaDescription: chart.summary,
    x: xMinutes(chart.endX),
    y: chart.relative
      ? {
          label: m.rep_axis_stock_share(),
          grid: true,
          zero: true,
          tickFormat: (v: number) => `${Math.round(v * 100)}%`,
        }
      : { label: m.rep_axis_stock_units(), grid: true, zero: true },
    color: { type: 'ordinal', range: LINES, legend: true },
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(chart.points, {
        x: 'x',
        y: 'y',
        z: 'name',
        stroke: 'name',
        curve: 'step-after',
        strokeWidth: 2,
        title: (p: { name: string; units: number }) =>
          `${p.name}: ${m.rep_chart_left({ count: p.units })}`,
      }),
      // Each line ends with the units left, so the count is there without hovering.
      Plot.text(
        chart.points,
        Plot.selectLast({
          x: 'x',
          y: 'y',
          z: 'name',
          text: (p: { units: number }) => m.rep_chart_left({ count: p.units }),
          textAnchor: 'start',
          dx: 6,
          fill: 'name',
        }),
      ),
    ],
  });
}

function viewers(chart: ViewerChart, { width }: Options) {
  return Plot.plot({
    width,
    height: HEIGHT,
    marginLeft: 52,
    style,
    ariaLabel: chart.title,
    ariaDescription: chart.summary,
    x: xMinutes(chart.endX),
    y: { label: m.rep_axis_viewers(), grid: true, zero: true },
    color: kindScale(chart.bands),
    marks: [
      bandMarks(chart),
      Plot.ruleY([0]),
      Plot.lineY(chart.points, {
        x: 'x',
        y: 'y',
        curve: 'step-after',
        stroke: ACCENT,
        strokeWidth: 2.5,
      }),
      Plot.dot(chart.dots, { x: 'x', y: 'y', fill: ACCENT, r: 3 }),
    ],
  });
}

function series(chart: SeriesChart, { width }: Options) {
  return Plot.plot({
    width,
    height: 240,
    marginLeft: 64,
    style,
    ariaLabel: chart.title,
    ariaDescription: chart.summary,
    x: { label: null, domain: chart.bars.map((b) => b.label) },
    y: {
      label: m.rep_axis_gmv({ currency: chart.currency }),
      grid: true,
      nice: true,
      tickFormat: (v: number) => axisMoney(v, chart.currency),
    },
    marks: [
      Plot.barY(chart.bars, {
        x: 'label',
        y: 'gmv',
        fill: ACCENT,
        title: (b: { label: string; growth: string }) => `${b.label} ${b.growth}`,
      }),
      Plot.text(chart.bars, {
        x: 'label',
        y: 'gmv',
        text: 'growth',
        dy: -8,
        fill: 'currentColor',
        fontWeight: 700,
      }),
      Plot.ruleY([0]),
    ],
  });
}

/** The chart as an element (an <svg>, or a <figure> holding a legend and the <svg>). */
export function drawChart(chart: ChartModel, options: Options): Element {
  switch (chart.kind) {
    case 'gmv':
      return gmv(chart, options);
    case 'units':
      return units(chart, options);
    case 'stock':
      return stock(chart, options);
    case 'viewers':
      return viewers(chart, options);
    case 'series':
      return series(chart, options);
  }
}
