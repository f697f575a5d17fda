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
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  type ApiError,
  LanguageService,
  LocaleFormat,
  MoneyPipe,
  NumberPipe,
  TerritoryPicker,
  territoryName,
  toApiError,
} from '@convergence/web/core';
import { EmptyState, ErrorPanel, KpiTile, Skeleton } from '@convergence/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import {
  type ChartContext,
  chartSummary,
  investmentOverTimeOption,
  partnerScorecardOption,
  projectsByHealthOption,
  projectsByStatusOption,
  scorecardHeight,
  scoreSplits,
} from './charts/chart-options';
import { DashboardChart } from './charts/dashboard-chart';
import { injectTranslate } from './dashboard-text';
import { DashboardDocument, type DashboardQuery } from './data-access/generated';
import { CommuneMap } from './map/commune-map';

type Dashboard = DashboardQuery['dashboard'];

/**
 * /dashboard?territory=<code>: the picture of a territory (default: the one the reader reads by, all
 * of Morocco for a national organisation) — key figures, charts, the partner scorecard and the map of
 * the communes. Every figure is the api's, over what the reader may read there.
 */
@Component({
  selector: 'cv-dashboard-page',
  imports: [
    RouterLink,
    TerritoryPicker,
    MoneyPipe,
    NumberPipe,
    KpiTile,
    EmptyState,
    ErrorPanel,
    Skeleton,
    TranslocoPipe,
    DashboardChart,
    CommuneMap,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dashboard.page.html',
  styleUrl: './dashboard.page.scss',
})
export class DashboardPage {
  private readonly apollo = inject(Apollo);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly language = inject(LanguageService);
  private readonly format = inject(LocaleFormat);
  private readonly t = injectTranslate();

  /** `?territory=`, bound by the router; absent: the api's default for the reader. */
  readonly territory = input<string | null>();

  protected readonly loading = signal(true);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly dashboard = signal<Dashboard | null>(null);
  private request = 0;

  /** The territory shown, as the api resolved it; null: all of Morocco. */
  protected readonly territoryCode = computed(() => this.dashboard()?.territory?.code ?? null);
  protected readonly scopeName = computed(() => {
    const territory = this.dashboard()?.territory;
    return territory ? territoryName(territory, this.language.locale()) : this.t()('dashboard.scope.all');
  });
  protected readonly announcement = computed(() => {
    if (this.loading()) return this.t()('dashboard.loading');
    return this.dashboard() ? this.t()('dashboard.loaded', { territory: this.scopeName() }) : '';
  });

  /** Query params of the lists the alert tiles open, on the same territory. */
  protected readonly lateCommitmentsParams = computed(() => ({
    late: 'true',
    territory: this.territoryCode(),
  }));
  protected readonly overdueActionsParams = computed(() => ({
    overdue: 'true',
    territory: this.territoryCode(),
  }));

  private readonly context = computed<ChartContext>(() => ({
    direction: this.language.direction(),
    format: this.format,
  }));

  protected readonly healthDetail = computed(() => {
    const t = this.t();
    return (this.dashboard()?.projectsByHealth ?? [])
      .map(({ health, count }) => `${t(`health.${health}`)} ${this.format.number(count)}`)
      .join(' · ');
  });

  protected readonly statusChart = computed(() => {
    const counts = this.dashboard()?.projectsByStatus ?? [];
    const t = this.t();
    const label = (status: string) => t(`projectStatus.${status}`);
    return {
      options: projectsByStatusOption(
        counts,
        { series: t('dashboard.charts.projects'), status: label },
        this.context(),
      ),
      summary: chartSummary(
        t('dashboard.charts.status.title'),
        counts.map(({ status, count }) => [label(status), this.format.number(count)]),
      ),
    };
  });

  protected readonly healthChart = computed(() => {
    const counts = this.dashboard()?.projectsByHealth ?? [];
    const t = this.t();
    const label = (health: string) => t(`health.${health}`);
    return {
      options: projectsByHealthOption(
        counts,
        { series: t('dashboard.charts.projects'), health: label },
        this.context(),
      ),
      summary: chartSummary(
        t('dashboard.charts.health.title'),
        counts.map(({ health, count }) => [label(health), this.format.number(count)]),
      ),
    };
  });

  protected readonly investmentChart = computed(() => {
    const years = this.dashboard()?.investmentByYear ?? [];
    const t = this.t();
    const text = {
      committed: t('dashboard.charts.investment.committed'),
      realised: t('dashboard.charts.investment.realised'),
    };
    const last = years.at(-1);
    return {
      options: investmentOverTimeOption(years, text, this.context()),
      summary: last
        ? t('dashboard.charts.investment.summary', {
            first: years[0].year,
            last: last.year,
            committed: this.format.money(last.committed, { compact: true }),
            realised: this.format.money(last.realised, { compact: true }),
          })
        : t('dashboard.charts.investment.title'),
    };
  });

  protected readonly scores = computed(() => scoreSplits(this.dashboard()?.scorecard ?? []));
  protected readonly scorecardChart = computed(() => {
    const splits = this.scores();
    const t = this.t();
    const text = {
      fulfilled: t('dashboard.charts.scorecard.fulfilled'),
      inProgress: t('dashboard.charts.scorecard.inProgress'),
      late: t('dashboard.charts.scorecard.late'),
    };
    return {
      options: partnerScorecardOption(splits, text, this.context()),
      height: scorecardHeight(splits.length),
      summary: chartSummary(
        t('dashboard.charts.scorecard.title'),
        splits.map((split) => [
          split.name,
          t('dashboard.charts.scorecard.split', {
            fulfilled: this.format.number(split.fulfilled),
            inProgress: this.format.number(split.inProgress),
            late: this.format.number(split.late),
          }),
        ]),
      ),
    };
  });

  constructor() {
    effect(() => {
      const territoryCode = this.territory() || null;
      untracked(() => void this.load(territoryCode));
    });
  }

  protected chooseTerritory(code: string | null): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { territory: code || null },
      queryParamsHandling: 'merge',
    });
  }

  protected retry(): void {
    void this.load(this.territory() || null);
  }

  private async load(territoryCode: string | null): Promise<void> {
    const request = ++this.request;
    this.loading.set(true);
    this.error.set(null);
    try {
      const result = await firstValueFrom(
        this.apollo.query({
          query: DashboardDocument,
          variables: { territoryCode },
          fetchPolicy: 'network-only',
        }),
      );
      if (request !== this.request) return;
      const dashboard = result.data?.dashboard;
      if (!dashboard) throw new Error('dashboard answered nothing');
      this.dashboard.set(dashboard);
    } catch (caught) {
      if (request !== this.request) return;
      this.dashboard.set(null);
      this.error.set(toApiError(caught));
    } finally {
      if (request === this.request) this.loading.set(false);
    }
  }
}
