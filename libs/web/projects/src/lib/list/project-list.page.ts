import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { HEALTHS, PROJECT_STATUSES, PROJECT_TYPES } from '@convergence/shared/domain';
import {
  type ApiError,
  CsvExport,
  LanguageService,
  MoneyPipe,
  PercentPipe,
  TerritoryPicker,
  territoryName,
  toApiError,
} from '@convergence/web/core';
import { EmptyState, ErrorPanel, Skeleton } from '@convergence/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import {
  type OrderDirection,
  ProjectProgrammesDocument,
  type ProjectOrderField,
  type ProjectRowFragment,
  ProjectsDocument,
  type ProjectTerritoryFragment,
} from '../data-access/generated';
import {
  DEFAULT_PROJECT_LIST_QUERY,
  isFiltered,
  ORDER_DIRECTIONS,
  PROJECT_ORDER_FIELDS,
  PROJECT_PAGE_SIZE,
  projectFilterOf,
  type ProjectListQuery,
  projectListQueryParams,
  projectOrderOf,
  parseProjectListQuery,
} from '../data-access/project-list-query';
import { ProjectHealthBadge, ProjectStatusBadge } from '../ui/project-badges';

/** How long the search box waits for typing to pause before it changes the URL (and the list). */
export const SEARCH_DEBOUNCE_MS = 350;

interface ListPage {
  readonly rows: readonly ProjectRowFragment[];
  readonly totalCount: number;
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
}

interface Programme {
  readonly id: string;
  readonly name: string;
}

/** /projects: the projects one may read, filtered, sorted and paged as the URL says; CSV export. */
@Component({
  selector: 'cv-project-list-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    MoneyPipe,
    PercentPipe,
    TerritoryPicker,
    EmptyState,
    ErrorPanel,
    Skeleton,
    ProjectStatusBadge,
    ProjectHealthBadge,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './project-list.page.html',
  styleUrl: './project-list.page.scss',
})
export class ProjectListPage {
  private readonly apollo = inject(Apollo);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly csv = inject(CsvExport);
  private readonly language = inject(LanguageService);

  protected readonly statuses = PROJECT_STATUSES;
  protected readonly types = PROJECT_TYPES;
  protected readonly healths = HEALTHS;
  protected readonly orderFields = PROJECT_ORDER_FIELDS;
  protected readonly directions = ORDER_DIRECTIONS;

  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly query = computed(() => parseProjectListQuery(this.params()), {
    equal: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  protected readonly filtered = computed(() => isFiltered(this.query()));

  protected readonly page = signal<ListPage | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadingMore = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly programmes = signal<readonly Programme[]>([]);
  protected readonly exporting = signal(false);
  protected readonly exportError = signal<ApiError | null>(null);

  /** What is typed in the search box, ahead of the URL while typing pauses. */
  protected readonly searchText = signal('');
  private searchTimer: ReturnType<typeof setTimeout> | null = null;
  /** Answers to an older query are dropped: the newest query wins. */
  private request = 0;

  constructor() {
    effect(() => {
      const query = this.query();
      untracked(() => {
        // What is being typed (a search not applied yet) is not overwritten.
        if (this.searchTimer === null) this.searchText.set(query.search);
        void this.load(query);
      });
    });
    void this.loadProgrammes();
    inject(DestroyRef).onDestroy(() => this.cancelSearch());
  }

  protected territoryOf(territory: ProjectTerritoryFragment): string {
    return territoryName(territory, this.language.locale());
  }

  protected setTerritory(code: string | null): void {
    this.navigate({ territory: code });
  }

  protected setStatus(status: ProjectListQuery['status']): void {
    this.navigate({ status });
  }

  protected setType(type: ProjectListQuery['type']): void {
    this.navigate({ type });
  }

  protected setHealth(health: ProjectListQuery['health']): void {
    this.navigate({ health });
  }

  protected setProgramme(event: Event): void {
    this.navigate({ programme: (event.target as HTMLSelectElement).value || null });
  }

  protected setSort(event: Event): void {
    const sort = PROJECT_ORDER_FIELDS.find((field) => field === (event.target as HTMLSelectElement).value);
    this.navigate({ sort: sort ?? DEFAULT_PROJECT_LIST_QUERY.sort });
  }

  protected setDirection(event: Event): void {
    const direction = ORDER_DIRECTIONS.find((value) => value === (event.target as HTMLSelectElement).value);
    this.navigate({ direction: direction ?? DEFAULT_PROJECT_LIST_QUERY.direction });
  }

  protected typeSearch(event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this.searchText.set(text);
    this.cancelSearch();
    this.searchTimer = setTimeout(() => this.applySearch(), SEARCH_DEBOUNCE_MS);
  }

  /** Enter searches at once. */
  protected applySearch(): void {
    this.cancelSearch();
    if (this.searchText().trim() !== this.query().search) this.navigate({ search: this.searchText() }, true);
  }

  protected clearFilters(): void {
    this.cancelSearch();
    const { sort, direction } = this.query();
    this.navigate({ ...DEFAULT_PROJECT_LIST_QUERY, sort, direction });
  }

  protected retry(): void {
    void this.load(this.query());
  }

  protected async loadMore(): Promise<void> {
    const page = this.page();
    if (!page?.hasNextPage || this.loadingMore()) return;
    const query = this.query();
    const request = this.request;
    this.loadingMore.set(true);
    try {
      const next = await this.fetch(query, page.endCursor);
      if (request !== this.request) return;
      this.page.set({ ...next, rows: [...page.rows, ...next.rows] });
    } catch (caught) {
      if (request === this.request) this.error.set(toApiError(caught));
    } finally {
      this.loadingMore.set(false);
    }
  }

  protected async exportCsv(): Promise<void> {
    if (this.exporting()) return;
    const query = this.query();
    this.exporting.set(true);
    this.exportError.set(null);
    try {
      const error = await this.csv.download({
        list: 'projects',
        filter: projectFilterOf(query),
        orderBy: projectOrderOf(query),
        fileName: `projets${query.territory ? `-${query.territory}` : ''}.csv`,
      });
      this.exportError.set(error);
    } finally {
      this.exporting.set(false);
    }
  }

  private async load(query: ProjectListQuery): Promise<void> {
    const request = ++this.request;
    this.loading.set(true);
    this.error.set(null);
    try {
      const page = await this.fetch(query, null);
      if (request === this.request) this.page.set(page);
    } catch (caught) {
      if (request === this.request) {
        this.page.set(null);
        this.error.set(toApiError(caught));
      }
    } finally {
      if (request === this.request) this.loading.set(false);
    }
  }

  private async fetch(query: ProjectListQuery, after: string | null): Promise<ListPage> {
    const result = await firstValueFrom(
      this.apollo.query({
        query: ProjectsDocument,
        variables: {
          filter: projectFilterOf(query),
          orderBy: projectOrderOf(query),
          first: PROJECT_PAGE_SIZE,
          after,
        },
        fetchPolicy: 'network-only',
      }),
    );
    const projects = result.data?.projects;
    return {
      rows: projects?.edges.map((edge) => edge.node) ?? [],
      totalCount: projects?.totalCount ?? 0,
      endCursor: projects?.pageInfo.endCursor ?? null,
      hasNextPage: projects?.pageInfo.hasNextPage ?? false,
    };
  }

  /** The programmes of the projects one may read (the api has no list of programmes). */
  private async loadProgrammes(): Promise<void> {
    try {
      const result = await firstValueFrom(this.apollo.query({ query: ProjectProgrammesDocument }));
      const byId = new Map<string, Programme>();
      for (const { node } of result.data?.projects.edges ?? []) {
        if (node.programme) byId.set(node.programme.id, node.programme);
      }
      const locale = this.language.formatLocale();
      this.programmes.set([...byId.values()].sort((a, b) => a.name.localeCompare(b.name, locale)));
    } catch {
      // Without options the filter only offers "all"; the list itself still works.
    }
  }

  private navigate(change: Partial<ProjectListQuery>, replaceUrl = false): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: projectListQueryParams({ ...this.query(), ...change }),
      replaceUrl,
    });
  }

  private cancelSearch(): void {
    if (this.searchTimer !== null) clearTimeout(this.searchTimer);
    this.searchTimer = null;
  }

  protected sortLabelKey(field: ProjectOrderField): string {
    return `projects.sort.${field}`;
  }

  protected directionLabelKey(direction: OrderDirection): string {
    return direction === 'ASC' ? 'common.ascending' : 'common.descending';
  }
}
