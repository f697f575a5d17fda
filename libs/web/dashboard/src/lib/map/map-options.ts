import type { MapSeriesOption } from 'echarts/charts';
import type { TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { ChartContext } from '../charts/chart-options';
import { type CommuneShape, MAP_REGION_CODE } from './commune-geometry';

export type MapOption = ComposeOption<MapSeriesOption | TooltipComponentOption | VisualMapComponentOption>;

/** The name the commune boundaries are registered under (`registerMap`). */
export const COMMUNE_MAP_NAME = 'cv-communes-06';

export type MapMetric = 'investment' | 'projects';

/** White: no project; light to dark blue: little to much; grey: outside the chosen territory. */
export const MAP_COLORS = {
  none: '#ffffff',
  scale: ['#bcd4ec', '#0b3d75'],
  outside: '#d6d6d6',
  hover: '#f4b400',
} as const;

/**
 * What the map can show for a territory: `region` a part or all of Casablanca-Settat; `national` all
 * of Morocco, of which the map draws Casablanca-Settat only; `outside` another region (no map).
 */
export type MapCoverage = 'region' | 'national' | 'outside';

export function mapCoverage(territoryCode: string | null): MapCoverage {
  if (territoryCode === null) return 'national';
  return inTerritory(territoryCode, MAP_REGION_CODE) ? 'region' : 'outside';
}

/** HCP codes nest by prefix: "06.141.01.0" lies in "06.141" and in "06". null: everywhere. */
export function inTerritory(code: string, territoryCode: string | null): boolean {
  return territoryCode === null || code === territoryCode || code.startsWith(`${territoryCode}.`);
}

/** The figures of `dashboard.byCommune` the map needs. */
export interface CommuneFigures {
  readonly territory: { readonly code: string; readonly nameFr: string; readonly nameAr: string };
  readonly projectCount: number;
  readonly investment: string;
}

/** One commune of the selection, with its figures (zeros when it has no project one may read). */
export interface CommuneRow {
  readonly code: string;
  readonly nameFr: string;
  readonly nameAr: string;
  readonly projectCount: number;
  /** MAD, a Decimal string. */
  readonly investment: string;
}

/**
 * Every commune of the map within the selected territory, joined to the api's figures on the HCP
 * code (the build step keyed the boundaries by it). A commune without readable projects is a row of
 * zeros; a commune of the region the api counts but the map lacks still gets its row.
 */
export function communeRows(
  shapes: readonly CommuneShape[],
  figures: readonly CommuneFigures[],
  territoryCode: string | null,
): CommuneRow[] {
  const byCode = new Map(figures.map((entry) => [entry.territory.code, entry]));
  const rows: CommuneRow[] = shapes
    .filter((shape) => inTerritory(shape.code, territoryCode))
    .map((shape) => {
      const entry = byCode.get(shape.code);
      return {
        code: shape.code,
        nameFr: shape.nameFr,
        nameAr: shape.nameAr,
        projectCount: entry?.projectCount ?? 0,
        investment: entry?.investment ?? '0.00',
      };
    });
  const drawn = new Set(shapes.map((shape) => shape.code));
  for (const entry of figures) {
    const { code, nameFr, nameAr } = entry.territory;
    if (!drawn.has(code) && inTerritory(code, MAP_REGION_CODE) && inTerritory(code, territoryCode)) {
      rows.push({ code, nameFr, nameAr, projectCount: entry.projectCount, investment: entry.investment });
    }
  }
  return rows;
}

/** A non-negative Decimal string ("1234.5") as integer cents, to compare amounts exactly. */
function cents(amount: string): bigint {
  const [whole = '0', fraction = ''] = amount.split('.');
  return BigInt(whole || '0') * 100n + BigInt((fraction + '00').slice(0, 2));
}

/**
 * The biggest first by the metric shown, amounts compared exactly; equal ones by name (in the reader's
 * language when `nameOf` is given), then by code.
 */
export function sortRows(
  rows: readonly CommuneRow[],
  metric: MapMetric,
  nameOf: (row: CommuneRow) => string = (row) => row.nameFr,
): CommuneRow[] {
  const investment = (a: CommuneRow, b: CommuneRow) => {
    const [left, right] = [cents(a.investment), cents(b.investment)];
    return left === right ? 0 : left < right ? 1 : -1;
  };
  return [...rows].sort(
    (a, b) =>
      (metric === 'projects' ? b.projectCount - a.projectCount : investment(a, b)) ||
      nameOf(a).localeCompare(nameOf(b)) ||
      a.code.localeCompare(b.code),
  );
}

/**
 * The view of a part of the region ([[west, north], [east, south]] with a margin), so that a
 * province or a commune fills the map; undefined for the whole region.
 */
export function selectionBounds(
  shapes: readonly CommuneShape[],
  territoryCode: string | null,
): number[][] | undefined {
  if (territoryCode === null || territoryCode === MAP_REGION_CODE) return undefined;
  const selected = shapes.filter((shape) => inTerritory(shape.code, territoryCode));
  if (!selected.length) return undefined;
  const west = Math.min(...selected.map((shape) => shape.bbox[0]));
  const south = Math.min(...selected.map((shape) => shape.bbox[1]));
  const east = Math.max(...selected.map((shape) => shape.bbox[2]));
  const north = Math.max(...selected.map((shape) => shape.bbox[3]));
  const margin = Math.max(east - west, north - south) * 0.1;
  return [
    [west - margin, north + margin],
    [east + margin, south - margin],
  ];
}

export interface MapText {
  /** The tooltip's line of figures, from the formatted value ("Investissement : 12 M MAD"). */
  readonly figure: (value: string) => string;
  /** Said of a commune outside the selected territory. */
  readonly outside: string;
  readonly high: string;
  readonly low: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** The value a commune is shaded by (a number for drawing only). */
function valueOf(row: CommuneRow, metric: MapMetric): number {
  return metric === 'projects' ? row.projectCount : Number(row.investment);
}

/**
 * The communes shaded by investment or by number of projects. Regions are matched on the HCP code
 * (`nameProperty: 'code'`); communes outside the selection carry no value and stay grey. Clicking a
 * commune is handled by the component (`name` of the event is the code).
 */
export function communeMapOption(options: {
  readonly rows: readonly CommuneRow[];
  readonly shapes: readonly CommuneShape[];
  readonly metric: MapMetric;
  readonly bounds?: number[][];
  readonly text: MapText;
  readonly nameOf: (commune: { nameFr: string; nameAr: string }) => string;
  readonly context: ChartContext;
}): MapOption {
  const { rows, metric, text, nameOf, context } = options;
  const rtl = context.direction === 'rtl';
  const format = (value: number) =>
    metric === 'projects' ? context.format.number(value, 0) : context.format.money(value, { compact: true });
  const rowsByCode = new Map(rows.map((row) => [row.code, row]));
  const shapesByCode = new Map(options.shapes.map((shape) => [shape.code, shape]));
  const max = Math.max(metric === 'projects' ? 1 : 0.01, ...rows.map((row) => valueOf(row, metric)));
  return {
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const code = Array.isArray(params) ? '' : params.name;
        const row = rowsByCode.get(code);
        const named = row ?? shapesByCode.get(code);
        const name = escapeHtml(named ? nameOf(named) : code);
        if (!row) return `${name}<br>${escapeHtml(text.outside)}`;
        return `${name}<br>${escapeHtml(text.figure(format(valueOf(row, metric))))}`;
      },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max,
      orient: 'horizontal',
      bottom: 0,
      ...(rtl ? { right: 0 } : { left: 0 }),
      inverse: rtl,
      itemHeight: 160,
      calculable: false,
      text: [text.high, text.low],
      formatter: (value: unknown) => format(Number(value)),
      inRange: { color: [...MAP_COLORS.scale] },
      seriesIndex: 0,
    },
    series: [
      {
        type: 'map',
        map: COMMUNE_MAP_NAME,
        nameProperty: 'code',
        roam: false,
        boundingCoords: options.bounds,
        top: 8,
        bottom: 48,
        left: 8,
        right: 8,
        label: { show: false },
        itemStyle: { areaColor: MAP_COLORS.outside, borderColor: '#7a7a7a', borderWidth: 0.5 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: MAP_COLORS.hover } },
        select: { disabled: true },
        data: rows.map((row) => {
          const value = valueOf(row, metric);
          // Zero stays out of the scale (`visualMap: false`, an ECharts data item option its types
          // lack): white, so that a commune with little stands out from one with none.
          return value > 0
            ? { name: row.code, value }
            : {
                name: row.code,
                value,
                visualMap: false,
                itemStyle: { color: MAP_COLORS.none, areaColor: MAP_COLORS.none },
              };
        }),
      },
    ],
  };
}
