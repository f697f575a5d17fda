import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { Router, RouterLink } from '@angular/router';
import { LanguageService, LocaleFormat, MoneyPipe, NumberPipe, territoryName } from '@convergence/web/core';
import { Skeleton } from '@convergence/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ECElementEvent } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import { injectTranslate } from '../dashboard-text';
import { ECHARTS_LOADER } from '../dashboard.providers';
import { CommuneGeometry, type CommuneGeometryData } from './commune-geometry';
import {
  COMMUNE_MAP_NAME,
  type CommuneFigures,
  communeMapOption,
  communeRows,
  type CommuneRow,
  mapCoverage,
  type MapMetric,
  selectionBounds,
  sortRows,
} from './map-options';

/**
 * The communes of Casablanca-Settat shaded by investment or by number of projects; a commune opens
 * the projects list filtered on it. The table below is the keyboard and screen-reader way to the
 * same figures and links. Outside the region the map is not drawn (it would be a wrong map).
 */
@Component({
  selector: 'cv-commune-map',
  imports: [
    MatButtonToggleModule,
    NgxEchartsDirective,
    RouterLink,
    MoneyPipe,
    NumberPipe,
    Skeleton,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './commune-map.html',
  styleUrl: './commune-map.scss',
})
export class CommuneMap {
  private readonly geometrySource = inject(CommuneGeometry);
  private readonly loadEcharts = inject(ECHARTS_LOADER);
  private readonly router = inject(Router);
  private readonly language = inject(LanguageService);
  private readonly format = inject(LocaleFormat);
  private readonly t = injectTranslate();

  /** `dashboard.byCommune`. */
  readonly figures = input.required<readonly CommuneFigures[]>();
  /** The territory the dashboard shows; null: all of Morocco. */
  readonly territoryCode = input.required<string | null>();

  protected readonly metric = signal<MapMetric>('investment');
  private readonly geometry = signal<CommuneGeometryData | null>(null);
  protected readonly geometryFailed = signal(false);
  private geometryRequested = false;

  protected readonly coverage = computed(() => mapCoverage(this.territoryCode()));
  protected readonly rows = computed<CommuneRow[]>(() =>
    sortRows(
      communeRows(this.geometry()?.communes ?? [], this.figures(), this.territoryCode()),
      this.metric(),
      (row) => this.nameOf(row),
    ),
  );
  private readonly codes = computed(() => new Set(this.rows().map((row) => row.code)));

  protected readonly options = computed(() => {
    const geometry = this.geometry();
    if (!geometry) return null;
    const t = this.t();
    const metric = this.metric();
    return communeMapOption({
      rows: this.rows(),
      shapes: geometry.communes,
      metric,
      bounds: selectionBounds(geometry.communes, this.territoryCode()),
      text: {
        figure: (value) =>
          metric === 'projects'
            ? t('dashboard.map.tooltipProjects', { value })
            : t('dashboard.map.tooltipInvestment', { value }),
        outside: t('dashboard.map.outsideSelection'),
        high: t('dashboard.map.high'),
        low: t('dashboard.map.low'),
      },
      nameOf: (commune) => territoryName(commune, this.language.locale()),
      context: { direction: this.language.direction(), format: this.format },
    });
  });

  protected readonly summary = computed(() =>
    this.t()(
      this.metric() === 'projects' ? 'dashboard.map.summaryProjects' : 'dashboard.map.summaryInvestment',
    ),
  );

  constructor() {
    // The boundaries are fetched only when there is a map to draw.
    effect(() => {
      if (this.coverage() !== 'outside' && !this.geometryRequested) {
        this.geometryRequested = true;
        untracked(() => void this.loadGeometry());
      }
    });
  }

  protected nameOf(row: CommuneRow): string {
    return territoryName(row, this.language.locale());
  }

  protected setMetric(value: unknown): void {
    if (value === 'investment' || value === 'projects') this.metric.set(value);
  }

  /** A click on a commune of the selection opens its projects; the others are not the reader's. */
  protected open(event: ECElementEvent): void {
    if (event.componentType !== 'series' || !this.codes().has(event.name)) return;
    void this.router.navigate(['/projects'], { queryParams: { territory: event.name } });
  }

  private async loadGeometry(): Promise<void> {
    try {
      const geometry = await this.geometrySource.load();
      const echarts = await this.loadEcharts();
      echarts.registerMap(COMMUNE_MAP_NAME, geometry.geoJson as Parameters<typeof echarts.registerMap>[1]);
      this.geometry.set(geometry);
    } catch {
      this.geometryFailed.set(true);
    }
  }
}
