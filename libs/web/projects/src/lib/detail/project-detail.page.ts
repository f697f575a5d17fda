import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { subject } from '@casl/ability';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { PROJECT_TRANSITIONS } from '@convergence/shared/domain';
import {
  type ApiError,
  DatePipe,
  LanguageService,
  MoneyPipe,
  NumberPipe,
  PercentPipe,
  PermissionsService,
  territoryName,
  toApiError,
} from '@convergence/web/core';
import { AuditHistory, DiscussionThread, FollowButton } from '@convergence/web/discussion';
import { Badge, ErrorPanel, KpiTile, Skeleton } from '@convergence/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import {
  ProjectDocument,
  ProjectJournalDocument,
  type ProjectJournalEntryFragment,
  type ProjectJournalPageFragment,
  type ProjectQuery,
  type ProjectTerritoryFragment,
} from '../data-access/generated';
import { ReportProgressForm } from '../report/report-progress-form';
import { ProjectHealthBadge, ProjectStatusBadge } from '../ui/project-badges';

export type LoadedProject = NonNullable<ProjectQuery['project']>;

/** Entries of the progress journal per page. */
export const JOURNAL_PAGE_SIZE = 10;

type DetailState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'error'; readonly error: ApiError }
  | { readonly kind: 'loaded'; readonly project: LoadedProject };

interface Journal {
  readonly entries: readonly ProjectJournalEntryFragment[];
  readonly totalCount: number;
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
}

function journalOf(page: ProjectJournalPageFragment): Journal {
  return {
    entries: page.edges.map((edge) => edge.node),
    totalCount: page.totalCount,
    endCursor: page.pageInfo.endCursor,
    hasNextPage: page.pageInfo.hasNextPage,
  };
}

/** Today in Morocco as YYYY-MM-DD, to tell a milestone that is late. */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca' }).format(new Date());
}

/**
 * /projects/:id: where a project stands (figures, status, health, progress, milestones, journal,
 * partners and their commitments, conventions), its discussion and history; the lead subsidiary
 * reports progress here. A project one may not read looks exactly like one that does not exist.
 */
@Component({
  selector: 'cv-project-detail-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    TranslocoPipe,
    DatePipe,
    MoneyPipe,
    NumberPipe,
    PercentPipe,
    Badge,
    ErrorPanel,
    KpiTile,
    Skeleton,
    ProjectStatusBadge,
    ProjectHealthBadge,
    ReportProgressForm,
    FollowButton,
    DiscussionThread,
    AuditHistory,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './project-detail.page.html',
  styleUrl: './project-detail.page.scss',
})
export class ProjectDetailPage {
  private readonly apollo = inject(Apollo);
  private readonly permissions = inject(PermissionsService);
  private readonly language = inject(LanguageService);
  private readonly injector = inject(Injector);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;

  /** The route parameter. */
  readonly id = input.required<string>();

  protected readonly state = signal<DetailState>({ kind: 'loading' });
  protected readonly project = computed(() => {
    const state = this.state();
    return state.kind === 'loaded' ? state.project : null;
  });
  protected readonly journal = signal<Journal | null>(null);
  protected readonly journalLoading = signal(false);
  protected readonly journalError = signal<ApiError | null>(null);
  protected readonly reportOpen = signal(false);
  /** Announced politely (role="status") once a report is filed. */
  protected readonly justReported = signal(false);
  protected readonly today = today();

  private readonly reportButton = viewChild('reportButton', { read: ElementRef<HTMLButtonElement> });
  private request = 0;

  /**
   * The lead subsidiary's manager (in its region) and administrators may report (the api checks
   * `update` on the project row); nobody reports on a delivered or cancelled project.
   */
  protected readonly canReport = computed(() => {
    const project = this.project();
    if (!project || PROJECT_TRANSITIONS[project.status].length === 0) return false;
    const row = subject('Project', {
      id: project.id,
      leadOrganizationId: project.leadOrganization.id,
      regionCode: project.territory.code.split('.')[0],
    });
    return this.permissions.ability().can('update', row);
  });

  protected readonly lateMilestones = computed(
    () =>
      new Set(
        (this.project()?.milestones ?? [])
          .filter((milestone) => !milestone.actualDate && milestone.plannedDate < this.today)
          .map((milestone) => milestone.id),
      ),
  );

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => {
        this.reportOpen.set(false);
        this.justReported.set(false);
        void this.load(id, true);
      });
    });
  }

  protected territoryOf(territory: ProjectTerritoryFragment): string {
    return territoryName(territory, this.language.locale());
  }

  protected retry(): void {
    void this.load(this.id(), true);
  }

  /** The form opens under its heading, which takes the focus so that it is announced. */
  protected openReport(): void {
    this.justReported.set(false);
    this.reportOpen.set(true);
    afterNextRender(() => this.host.querySelector<HTMLElement>('#cv-report-heading')?.focus(), {
      injector: this.injector,
    });
  }

  protected closeReport(): void {
    this.reportOpen.set(false);
    queueMicrotask(() => this.reportButton()?.nativeElement.focus());
  }

  /** Filed: the journal, progress, health and figures come back fresh from the api. */
  protected async reported(): Promise<void> {
    this.reportOpen.set(false);
    this.justReported.set(true);
    await this.load(this.id(), false);
    this.reportButton()?.nativeElement.focus();
  }

  /** Someone else reported first: reload; the form keeps what was typed and says so. */
  protected async conflicted(): Promise<void> {
    await this.load(this.id(), false);
  }

  protected async loadMoreJournal(): Promise<void> {
    const journal = this.journal();
    if (!journal?.hasNextPage || this.journalLoading()) return;
    const request = this.request;
    this.journalLoading.set(true);
    this.journalError.set(null);
    try {
      const result = await firstValueFrom(
        this.apollo.query({
          query: ProjectJournalDocument,
          variables: { id: this.id(), first: JOURNAL_PAGE_SIZE, after: journal.endCursor },
          fetchPolicy: 'network-only',
        }),
      );
      const page = result.data?.project?.progressReports;
      if (request !== this.request || !page) return;
      const next = journalOf(page);
      this.journal.set({ ...next, entries: [...journal.entries, ...next.entries] });
    } catch (caught) {
      if (request === this.request) this.journalError.set(toApiError(caught));
    } finally {
      this.journalLoading.set(false);
    }
  }

  /** `initial`: show the skeleton; otherwise the page stays as it is while fresh data comes. */
  private async load(id: string, initial: boolean): Promise<void> {
    const request = ++this.request;
    if (initial) this.state.set({ kind: 'loading' });
    try {
      const result = await firstValueFrom(
        this.apollo.query({
          query: ProjectDocument,
          variables: { id, journalSize: JOURNAL_PAGE_SIZE },
          fetchPolicy: 'network-only',
        }),
      );
      if (request !== this.request) return;
      const project = result.data?.project ?? null;
      this.state.set(project ? { kind: 'loaded', project } : { kind: 'notFound' });
      this.journal.set(project ? journalOf(project.progressReports) : null);
      this.journalError.set(null);
    } catch (caught) {
      if (request !== this.request) return;
      const error = toApiError(caught);
      this.state.set(error.code === 'NOT_FOUND' ? { kind: 'notFound' } : { kind: 'error', error });
    }
  }
}
