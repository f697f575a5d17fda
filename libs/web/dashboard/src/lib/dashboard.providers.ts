import { InjectionToken, type Provider } from '@angular/core';
import { provideEchartsCore } from 'ngx-echarts';
import { type EchartsModule, loadEcharts } from './charts/load-echarts';

/** The ECharts the dashboard draws with (the map registers its boundaries in it). */
export const ECHARTS_LOADER = new InjectionToken<() => Promise<EchartsModule>>('ECHARTS_LOADER');

/** ngx-echarts and the map on the same lazily loaded ECharts; tests pass a fake loader. */
export function provideDashboardCharts(loader: () => Promise<EchartsModule> = loadEcharts): Provider[] {
  return [provideEchartsCore({ echarts: loader }), { provide: ECHARTS_LOADER, useValue: loader }];
}
