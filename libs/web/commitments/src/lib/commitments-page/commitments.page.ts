import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  type ApiError,
  AuthService,
  CsvExport,
  DatePipe,
  LanguageService,
  PermissionsService,
  TerritoryPicker,
} from '@convergence/web/core';
import { EmptyState, ErrorPanel, Skeleton } from '@convergence/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { map } from 'rxjs';
import { CommitmentFilterOptionsDocument, CommitmentsDocument } from '../data-access/generated';
import { liveQuery } from '../data-access/query-state';
import {
  clearedFilterParams,
  type CommitmentQuery,
  type CommitmentView,
  filterOf,
  hasFilters,
  orderOf,
  PAGE_SIZE,
  paramsOf,
  queryFromParams,
} from '../model/commitment-query';
import { MyCommitments } from '../my-commitments/my-commitments';
import { PartnerScorecard } from '../scorecard/partner-scorecard';
import { CommitmentFigure } from '../shared/commitment-figure';
import { CommitmentRights } from '../shared/commitment-rights';
import { CommitmentStatusBadges } from '../shared/commitment-status';
import { VerificationQueue } from '../verification/verification-queue';
import { CommitmentFilters } from './commitment-filters';

/** The offered name of the CSV file, in the UI language (as the api names it). */
const EXPORT_FILE_NAMES = { fr: 'engagements', ar: 'الالتزامات', en: 'commitments' } as const;

/**
 * /commitments — the ministry's tracker: every commitment the user may read, filtered, sorted and
 * paged from the URL, exported as CSV; and, by permission, the verification queue, the partner
 * scorecard and the user's own organisation's commitments with the declare form.
 */
@Component({
  selector: 'cv-commitments-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    MatTabsModule,
    DatePipe,
    TerritoryPicker,
    EmptyState,
    ErrorPanel,
    Skeleton,
    TranslocoPipe,
    CommitmentFilters,
    CommitmentFigure,
    CommitmentStatusBadges,
    VerificationQueue,
    PartnerScorecard,
    MyCommitments,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './commitments.page.html',
  styleUrl: './commitments.page.scss',
})
export class CommitmentsPage {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly permissions = inject(PermissionsService);
  private readonly rights = inject(CommitmentRights);
  private readonly user = inject(AuthService).user;
  private readonly csv = inject(CsvExport);
  private readonly language = inject(LanguageService);

  protected readonly query = toSignal(this.route.queryParamMap.pipe(map(queryFromParams)), {
    initialValue: queryFromParams(this.route.snapshot.queryParamMap),
  });

  /** The user's organisation, when it may declare its own commitments fulfilled. */
  protected readonly reportingOrganization = computed(() => {
    const organization = this.user()?.organization;
    return organization && this.rights.mayReportFor(organization.id) ? organization : null;
  });

  /** The sections this user may use, in order. */
  protected readonly views = computed<CommitmentView[]>(() => {
    const views: CommitmentView[] = [];
    if (this.permissions.can('read', 'Commitment')) views.push('all');
    if (this.rights.mayVerifyAny()) views.push('verification');
    if (this.permissions.can('read', 'Commitment')) views.push('scorecard');
    if (this.reportingOrganization()) views.push('mine');
    return views;
  });

  /** The section shown: the one asked for if the user may use it, else the first. */
  protected readonly view = computed<CommitmentView | null>(() => {
    const wanted = this.query().view;
    return this.views().includes(wanted) ? wanted : (this.views()[0] ?? null);
  });

  protected readonly list = liveQuery(CommitmentsDocument, () =>
    this.view() === 'all'
      ? {
          filter: filterOf(this.query()),
          orderBy: orderOf(this.query()),
          first: PAGE_SIZE,
          after: this.query().after,
        }
      : null,
  );
  protected readonly options = liveQuery(CommitmentFilterOptionsDocument, () =>
    this.view() === 'all' ? {} : null,
  );

  protected readonly rows = computed(() =>
    (this.list.state().data?.commitments.edges ?? []).map((edge) => edge.node),
  );
  protected readonly total = computed(() => this.list.state().data?.commitments.totalCount ?? 0);
  protected readonly pageInfo = computed(() => this.list.state().data?.commitments.pageInfo ?? null);
  protected readonly filtered = computed(() => hasFilters(this.query()));

  /** Cursors of the pages before this one ('' for the first), for "previous page". */
  private readonly previousCursors = signal<readonly string[]>([]);

  protected readonly exporting = signal(false);
  protected readonly exportError = signal<ApiError | null>(null);
  protected readonly exported = signal(false);

  protected viewParams(view: CommitmentView) {
    return paramsOf({ view, after: this.query().after });
  }

  protected update(change: Partial<CommitmentQuery>): void {
    this.previousCursors.set([]);
    void this.navigate(paramsOf(change));
  }

  protected clearFilters(): void {
    this.previousCursors.set([]);
    void this.navigate(clearedFilterParams());
  }

  protected nextPage(): void {
    const endCursor = this.pageInfo()?.endCursor;
    if (!endCursor) return;
    this.previousCursors.update((cursors) => [...cursors, this.query().after ?? '']);
    void this.navigate({ after: endCursor });
  }

  protected previousPage(): void {
    const cursors = this.previousCursors();
    this.previousCursors.set(cursors.slice(0, -1));
    void this.navigate({ after: cursors.at(-1) || null });
  }

  protected async export(): Promise<void> {
    if (this.exporting()) return;
    this.exporting.set(true);
    this.exported.set(false);
    this.exportError.set(null);
    const query = this.query();
    const base = EXPORT_FILE_NAMES[this.language.locale()];
    const error = await this.csv.download({
      list: 'commitments',
      filter: filterOf(query),
      orderBy: orderOf(query),
      fileName: `${base}${query.territory ? `-${query.territory}` : ''}.csv`,
    });
    this.exportError.set(error);
    this.exported.set(error === null);
    this.exporting.set(false);
  }

  private navigate(queryParams: Record<string, unknown>): Promise<boolean> {
    return this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge' });
  }
}
