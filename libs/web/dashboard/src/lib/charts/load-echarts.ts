import type { init, registerMap } from 'echarts/core';

/** What the dashboard uses of ECharts: ngx-echarts calls `init`, the map calls `registerMap`. */
export interface EchartsModule {
  readonly init: typeof init;
  readonly registerMap: typeof registerMap;
}

/**
 * ECharts, loaded on demand in a chunk of its own (`provideEchartsCore({ echarts: loadEcharts })`):
 * nothing of it is in the first bundle, nor in the dashboard's own chunk.
 */
export const loadEcharts = (): Promise<EchartsModule> => import('./echarts-setup');
