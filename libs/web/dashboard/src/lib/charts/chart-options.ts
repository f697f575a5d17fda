import type { Health, ProjectStatus } from '@convergence/shared/domain';
import type { LocaleFormat } from '@convergence/web/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

/** The options of the dashboard's bar and line charts (types only: ECharts itself loads lazily). */
export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export type Direction = 'ltr' | 'rtl';

/** Display formatting in the reader's language (LocaleFormat); values are never computed with. */
export type ChartFormat = Pick<LocaleFormat, 'money' | 'number'>;

export interface ChartContext {
  readonly direction: Direction;
  readonly format: ChartFormat;
}

/** Colours with a 3:1 contrast on white; every chart also says its categories in words. */
export const CHART_COLORS = {
  primary: '#1f5fa8',
  committed: '#1f5fa8',
  realised: '#2e7d32',
  fulfilled: '#2e7d32',
  inProgress: '#6b7f99',
  late: '#c62828',
  health: { ON_TRACK: '#2e7d32', AT_RISK: '#b26a00', OFF_TRACK: '#c62828' } satisfies Record<Health, string>,
} as const;

/** One bar of a count chart: its label (translated), its count and colour. */
export interface CountBar {
  readonly label: string;
  readonly count: number;
  readonly color: string;
}

/** Horizontal bars, first category on top; in RTL they grow from the right, labels on the right. */
export function countBarsOption(
  bars: readonly CountBar[],
  seriesName: string,
  context: ChartContext,
): ChartOption {
  const rtl = context.direction === 'rtl';
  const count = (value: unknown) => context.format.number(Number(value), 0);
  return {
    animation: false,
    // Room on the side the bars grow to, for the figure after the longest one.
    grid: { left: rtl ? 40 : 16, right: rtl ? 16 : 40, top: 8, bottom: 8 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: count, confine: true },
    xAxis: { type: 'value', minInterval: 1, inverse: rtl, axisLabel: { formatter: count } },
    yAxis: {
      type: 'category',
      inverse: true,
      position: rtl ? 'right' : 'left',
      data: bars.map((bar) => bar.label),
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        name: seriesName,
        barMaxWidth: 28,
        data: bars.map((bar) => ({ value: bar.count, itemStyle: { color: bar.color } })),
        label: { show: true, position: rtl ? 'left' : 'right', formatter: ({ value }) => count(value) },
      },
    ],
  };
}

export function projectsByStatusOption(
  counts: readonly { readonly status: ProjectStatus; readonly count: number }[],
  text: { readonly series: string; readonly status: (status: ProjectStatus) => string },
  context: ChartContext,
): ChartOption {
  return countBarsOption(
    counts.map(({ status, count }) => ({ label: text.status(status), count, color: CHART_COLORS.primary })),
    text.series,
    context,
  );
}

export function projectsByHealthOption(
  counts: readonly { readonly health: Health; readonly count: number }[],
  text: { readonly series: string; readonly health: (health: Health) => string },
  context: ChartContext,
): ChartOption {
  return countBarsOption(
    counts.map(({ health, count }) => ({
      label: text.health(health),
      count,
      color: CHART_COLORS.health[health],
    })),
    text.series,
    context,
  );
}

/** Legend on the reading side: top left in French and English, top right in Arabic. */
function legendOf(names: string[], direction: Direction): LegendComponentOption {
  return direction === 'rtl'
    ? { top: 0, right: 8, align: 'right', itemGap: 20, data: names }
    : { top: 0, left: 8, align: 'left', itemGap: 20, data: names };
}

export interface YearInvestment {
  readonly year: number;
  readonly committed: string;
  readonly realised: string;
}

/**
 * Committed and realised investment, cumulative by year: two lines told apart by their legend, their
 * marker (circle / diamond) and their stroke (solid / dashed), not by colour alone. In RTL the years
 * run from right to left. Decimal strings become numbers for drawing only.
 */
export function investmentOverTimeOption(
  years: readonly YearInvestment[],
  text: { readonly committed: string; readonly realised: string },
  context: ChartContext,
): ChartOption {
  const rtl = context.direction === 'rtl';
  const money = (value: unknown) => context.format.money(Number(value), { compact: true });
  return {
    animation: false,
    legend: legendOf([text.committed, text.realised], context.direction),
    grid: { left: 16, right: 24, top: 40, bottom: 8 },
    tooltip: { trigger: 'axis', valueFormatter: money, confine: true },
    xAxis: {
      type: 'category',
      inverse: rtl,
      boundaryGap: false,
      data: years.map((entry) => String(entry.year)),
    },
    yAxis: { type: 'value', position: rtl ? 'right' : 'left', axisLabel: { formatter: money } },
    series: [
      {
        type: 'line',
        name: text.committed,
        color: CHART_COLORS.committed,
        symbol: 'circle',
        symbolSize: 7,
        lineStyle: { type: 'solid', width: 2 },
        data: years.map((entry) => Number(entry.committed)),
      },
      {
        type: 'line',
        name: text.realised,
        color: CHART_COLORS.realised,
        symbol: 'diamond',
        symbolSize: 9,
        lineStyle: { type: 'dashed', width: 2 },
        data: years.map((entry) => Number(entry.realised)),
      },
    ],
  };
}

export interface PartnerScore {
  readonly organization: { readonly id: string; readonly name: string; readonly acronym: string | null };
  readonly commitmentCount: number;
  readonly fulfilledCount: number;
  readonly lateCount: number;
}

/** A partner's commitments split in three: fulfilled, late, and all the others. */
export interface ScoreSplit {
  readonly id: string;
  /** The acronym when there is one (axis labels are short), else the name. */
  readonly label: string;
  readonly name: string;
  readonly fulfilled: number;
  /** Neither fulfilled nor late: planned or in progress and not yet due, declared, or cancelled. */
  readonly inProgress: number;
  readonly late: number;
  readonly total: number;
}

export function scoreSplits(scores: readonly PartnerScore[]): ScoreSplit[] {
  return scores.map((score) => ({
    id: score.organization.id,
    label: score.organization.acronym || score.organization.name,
    name: score.organization.name,
    fulfilled: score.fulfilledCount,
    inProgress: Math.max(0, score.commitmentCount - score.fulfilledCount - score.lateCount),
    late: score.lateCount,
    total: score.commitmentCount,
  }));
}

/** Height of the scorecard chart: a row per partner, so long lists stay readable. */
export function scorecardHeight(partners: number): number {
  return Math.max(160, 64 + partners * 36);
}

/**
 * One stacked bar per partner, in the api's order (most late commitments first, on top): fulfilled,
 * in progress, late. Long names are cut in the axis and given whole in the tooltip and the table.
 */
export function partnerScorecardOption(
  splits: readonly ScoreSplit[],
  text: { readonly fulfilled: string; readonly inProgress: string; readonly late: string },
  context: ChartContext,
): ChartOption {
  const rtl = context.direction === 'rtl';
  const count = (value: unknown) => context.format.number(Number(value), 0);
  const stack = (name: string, color: string, value: (split: ScoreSplit) => number): BarSeriesOption => ({
    type: 'bar',
    name,
    stack: 'commitments',
    color,
    barMaxWidth: 24,
    data: splits.map(value),
  });
  return {
    animation: false,
    legend: legendOf([text.fulfilled, text.inProgress, text.late], context.direction),
    grid: { left: 24, right: 24, top: 40, bottom: 8 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: count, confine: true },
    xAxis: { type: 'value', minInterval: 1, inverse: rtl, axisLabel: { formatter: count } },
    yAxis: {
      type: 'category',
      inverse: true,
      position: rtl ? 'right' : 'left',
      data: splits.map((split) => split.label),
      axisLabel: { width: 128, overflow: 'truncate' },
      axisTick: { show: false },
    },
    series: [
      stack(text.fulfilled, CHART_COLORS.fulfilled, (split) => split.fulfilled),
      stack(text.inProgress, CHART_COLORS.inProgress, (split) => split.inProgress),
      stack(text.late, CHART_COLORS.late, (split) => split.late),
    ],
  };
}

/** "Title: label 1, label 2…" for a chart's `aria-label`, the figures already formatted. */
export function chartSummary(
  title: string,
  items: readonly (readonly [label: string, value: string])[],
): string {
  return items.length ? `${title}: ${items.map(([label, value]) => `${label} ${value}`).join(', ')}` : title;
}
