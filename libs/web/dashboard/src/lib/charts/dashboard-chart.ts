import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NgxEchartsDirective } from 'ngx-echarts';
import type { ChartOption } from './chart-options';

let nextId = 0;

/**
 * One chart of the dashboard: its heading, the drawing (an image for assistive technologies, named
 * by `summary`) and its figures as a table the reader can open (projected content).
 */
@Component({
  selector: 'cv-dashboard-chart',
  imports: [NgxEchartsDirective, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="cv-chart" [attr.aria-labelledby]="headingId">
      <h2 [id]="headingId">{{ heading() }}</h2>
      <div
        echarts
        class="cv-chart-canvas"
        role="img"
        [attr.aria-label]="summary()"
        [style.block-size.px]="height()"
        [options]="options()"
      ></div>
      <ng-content select="[cvChartNote]" />
      <details class="cv-chart-data">
        <summary>{{ 'dashboard.charts.showData' | transloco }}</summary>
        <ng-content />
      </details>
    </section>
  `,
  styles: `
    :host {
      display: block;
      min-inline-size: 0;
    }
    .cv-chart {
      padding: 1rem;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface);
      block-size: 100%;
      box-sizing: border-box;
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin-block: 0 0.5rem;
    }
    .cv-chart-canvas {
      inline-size: 100%;
    }
    .cv-chart-data summary {
      cursor: pointer;
      padding-block: 0.5rem;
      font: var(--mat-sys-label-large);
    }
  `,
})
export class DashboardChart {
  readonly heading = input.required<string>();
  readonly options = input.required<ChartOption>();
  /** What the chart shows, in words and figures. */
  readonly summary = input.required<string>();
  readonly height = input(260);

  protected readonly headingId = `cv-dashboard-chart-${nextId++}`;
}
