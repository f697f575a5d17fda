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
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, Router } from '@angular/router';
import { ACTION_PRIORITIES, type ActionStatus } from '@convergence/shared/domain';
import { type ApiError, CsvExport, DatePipe, TerritoryPicker, toApiError } from '@convergence/web/core';
import { EmptyState, ErrorPanel, Skeleton } from '@convergence/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import {
  actionFilterOf,
  BOARD_STATUSES,
  type BoardParamName,
  type BoardParams,
  CANCELLED_STATUS,
  hasActiveFilter,
} from '../action-rules';
import {
  type ActionCardFragment,
  ActionDetailDocument,
  type ActionFilter,
  ActionFilterOptionsDocument,
  ActionsBoardDocument,
} from '../data-access/generated';
import { ActionStatusChange } from '../status-change/action-status-change';
import { ActionCard } from './action-card';

/** The api's largest page: a board shows every action of its filters at once, more on request. */
const PAGE_SIZE = 100;

interface Column {
  readonly status: ActionStatus;
  readonly actions: readonly ActionCardFragment[];
}

/**
 * /actions: the follow-up items as a board, one column per status, overdue ones marked. Filters
 * (territory, overdue, responsible organisation, priority, forum, cancelled shown) live in the URL
 * query params; each card's status is moved with a form, for those allowed to.
 */
@Component({
  selector: 'cv-actions-board-page',
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    TerritoryPicker,
    DatePipe,
    EmptyState,
    ErrorPanel,
    Skeleton,
    TranslocoPipe,
    ActionCard,
    ActionStatusChange,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './actions-board.page.html',
  styleUrl: './actions-board.page.scss',
})
export class ActionsBoardPage {
  private readonly apollo = inject(Apollo);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly csv = inject(CsvExport);
  private readonly injector = inject(Injector);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;

  // Query params, bound by the router (withComponentInputBinding).
  readonly territory = input<string | null>();
  readonly overdue = input<string | null>();
  readonly responsible = input<string | null>();
  readonly priority = input<string | null>();
  readonly forum = input<string | null>();
  readonly cancelled = input<string | null>();

  protected readonly priorities = ACTION_PRIORITIES;

  protected readonly params = computed<BoardParams>(() => ({
    territory: this.territory(),
    overdue: this.overdue(),
    responsible: this.responsible(),
    priority: this.priority(),
    forum: this.forum(),
    cancelled: this.cancelled(),
  }));
  protected readonly filter = computed<ActionFilter>(() => actionFilterOf(this.params()), {
    equal: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  protected readonly filtered = computed(() => hasActiveFilter(this.params()));
  protected readonly showCancelled = computed(() => this.cancelled() === 'true');

  protected readonly loading = signal(true);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly actions = signal<readonly ActionCardFragment[]>([]);
  protected readonly totalCount = signal(0);
  protected readonly hasNextPage = signal(false);
  protected readonly loadingMore = signal(false);
  protected readonly moreError = signal<ApiError | null>(null);
  private readonly endCursor = signal<string | null>(null);
  private request = 0;

  protected readonly exporting = signal(false);
  protected readonly exportError = signal<ApiError | null>(null);
  /** The last status change, announced to screen readers (the card moves to another column). */
  protected readonly lastChange = signal<{ title: string; status: ActionStatus } | null>(null);
  /** After a conflict the reloaded action stood in another column: its form is gone, say why here. */
  protected readonly movedMeanwhile = signal(false);

  private readonly options = signal<{
    organizations: readonly { id: string; label: string }[];
    forums: readonly { id: string; title: string; heldOn: string }[];
  }>({ organizations: [], forums: [] });
  protected readonly organizations = computed(() => this.options().organizations);
  protected readonly forums = computed(() => this.options().forums);

  protected readonly columns = computed<Column[]>(() => {
    const statuses = this.showCancelled() ? [...BOARD_STATUSES, CANCELLED_STATUS] : BOARD_STATUSES;
    const actions = this.actions();
    return statuses.map((status) => ({
      status,
      actions: actions.filter((action) => action.status === status),
    }));
  });

  constructor() {
    effect(() => {
      const filter = this.filter();
      untracked(() => void this.load(filter, null));
    });
    void this.loadOptions();
  }

  protected setParam(name: BoardParamName, value: string | null): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { [name]: value || null },
      queryParamsHandling: 'merge',
    });
  }

  protected onSelect(name: BoardParamName, event: Event): void {
    this.setParam(name, (event.target as HTMLSelectElement).value);
  }

  protected clearFilters(): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { cancelled: this.showCancelled() ? 'true' : null },
    });
  }

  protected retry(): void {
    void this.load(this.filter(), null);
  }

  protected loadMore(): void {
    void this.load(this.filter(), this.endCursor());
  }

  protected async exportCsv(): Promise<void> {
    if (this.exporting()) return;
    this.exporting.set(true);
    this.exportError.set(null);
    const territory = this.territory();
    const error = await this.csv.download({
      list: 'actions',
      filter: this.filter(),
      fileName: territory ? `actions-${territory}.csv` : 'actions.csv',
    });
    this.exportError.set(error);
    this.exporting.set(false);
  }

  protected onChanged(action: ActionCardFragment): void {
    this.replace(action);
    this.movedMeanwhile.set(false);
    this.lastChange.set({ title: action.title, status: action.status });
    this.focusCard(action.id);
  }

  /** The card may now stand in another column: keep the keyboard user on it. */
  private focusCard(id: string): void {
    afterNextRender(() => this.host.querySelector<HTMLElement>(`[id="cv-action-${id}"] a`)?.focus(), {
      injector: this.injector,
    });
  }

  /** Someone changed the action meanwhile: reload it, so the next try sends its new version. */
  protected async onConflict(id: string): Promise<void> {
    try {
      const result = await firstValueFrom(
        this.apollo.query({ query: ActionDetailDocument, variables: { id }, fetchPolicy: 'network-only' }),
      );
      const action = result.data?.action;
      const before = this.actions().find((item) => item.id === id);
      if (action) this.replace(action);
      else this.actions.update((list) => list.filter((item) => item.id !== id));
      if (!action || action.status !== before?.status) {
        this.lastChange.set(null);
        this.movedMeanwhile.set(true);
        if (action) this.focusCard(action.id);
      }
    } catch {
      this.retry();
    }
  }

  private replace(action: ActionCardFragment): void {
    this.actions.update((list) => list.map((item) => (item.id === action.id ? action : item)));
  }

  private async load(filter: ActionFilter, after: string | null): Promise<void> {
    const request = ++this.request;
    if (after) {
      this.loadingMore.set(true);
      this.moreError.set(null);
    } else {
      this.loading.set(true);
      this.error.set(null);
      this.lastChange.set(null);
      this.movedMeanwhile.set(false);
    }
    try {
      const result = await firstValueFrom(
        this.apollo.query({
          query: ActionsBoardDocument,
          variables: { filter, first: PAGE_SIZE, after },
          fetchPolicy: 'network-only',
        }),
      );
      if (request !== this.request) return;
      const connection = result.data?.actions;
      if (!connection) throw new Error('actions answered nothing');
      const nodes = connection.edges.map((edge) => edge.node);
      this.actions.update((list) => (after ? [...list, ...nodes] : nodes));
      this.totalCount.set(connection.totalCount);
      this.hasNextPage.set(connection.pageInfo.hasNextPage);
      this.endCursor.set(connection.pageInfo.endCursor);
    } catch (caught) {
      if (request !== this.request) return;
      if (after) this.moreError.set(toApiError(caught));
      else this.error.set(toApiError(caught));
    } finally {
      if (request === this.request) {
        this.loading.set(false);
        this.loadingMore.set(false);
      }
    }
  }

  /** The choices of the organisation and forum filters; without them those filters offer "all" only. */
  private async loadOptions(): Promise<void> {
    try {
      const result = await firstValueFrom(this.apollo.query({ query: ActionFilterOptionsDocument }));
      const data = result.data;
      if (!data) return;
      this.options.set({
        organizations: data.organizations
          .map((organization) => ({
            id: organization.id,
            label: organization.acronym
              ? `${organization.name} (${organization.acronym})`
              : organization.name,
          }))
          .sort((a, b) => a.label.localeCompare(b.label)),
        forums: data.forums.edges.map((edge) => edge.node),
      });
    } catch {
      // The board works without these choices; the filters already in the URL still apply.
    }
  }
}
