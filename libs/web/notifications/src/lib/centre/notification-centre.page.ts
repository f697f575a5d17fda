import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { Router, RouterLink } from '@angular/router';
import { type ApiError, DatePipe, toApiError } from '@convergence/web/core';
import { Badge, EmptyState, ErrorPanel, Skeleton } from '@convergence/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import {
  catchError,
  combineLatest,
  map,
  type Observable,
  of,
  startWith,
  Subject,
  switchMap,
  tap,
} from 'rxjs';
import { NotificationsDocument } from '../data-access/generated';
import { type NotificationItem, NotificationsStore } from '../data-access/notifications.store';
import { subjectTarget } from '../data-access/subject-target';

const PAGE_SIZE = 20;

interface Page {
  readonly items: readonly NotificationItem[];
  readonly totalCount: number;
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

type Load =
  | { readonly status: 'loading' }
  | { readonly status: 'ready' }
  | { readonly status: 'error'; readonly error: ApiError };

type Done = 'markedOne' | 'markedAll' | null;

/**
 * The notification centre: newest first, a page at a time; `?unread=true` keeps only the unread.
 * Opening one marks it read and goes to its subject; new ones arriving live are put on top.
 */
@Component({
  selector: 'cv-notification-centre-page',
  imports: [
    Badge,
    DatePipe,
    EmptyState,
    ErrorPanel,
    MatButtonModule,
    MatCheckboxModule,
    RouterLink,
    Skeleton,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './notification-centre.page.html',
  styleUrl: './notification-centre.page.scss',
})
export class NotificationCentrePage {
  private readonly apollo = inject(Apollo);
  private readonly router = inject(Router);
  private readonly store = inject(NotificationsStore);

  /** Query param `unread`: "true" to show only the unread. */
  readonly unread = input<string | undefined>();
  protected readonly unreadOnly = computed(() => this.unread() === 'true');

  protected readonly load = signal<Load>({ status: 'loading' });
  protected readonly loadError = computed(() => {
    const load = this.load();
    return load.status === 'error' ? load.error : null;
  });
  private readonly items = signal<readonly NotificationItem[]>([]);
  protected readonly total = signal(0);
  private readonly endCursor = signal<string | null>(null);
  protected readonly hasMore = signal(false);
  protected readonly loadingMore = signal(false);
  protected readonly busy = signal(false);
  protected readonly actionError = signal<ApiError | null>(null);
  protected readonly done = signal<Done>(null);

  protected readonly rows = computed(() =>
    this.items().map((item) => ({ item, target: subjectTarget(item.subjectType, item.subjectId) })),
  );
  protected readonly hasUnread = computed(
    () => (this.store.unreadCount() ?? 0) > 0 || this.items().some((item) => item.readAt === null),
  );

  private readonly reloads = new Subject<void>();
  /** Arrived while the first page was on its way: the answer may predate them. */
  private arrivedDuringLoad: NotificationItem[] = [];

  constructor() {
    combineLatest([toObservable(this.unreadOnly), this.reloads.pipe(startWith(undefined))])
      .pipe(
        tap(() => {
          this.load.set({ status: 'loading' });
          this.arrivedDuringLoad = [];
        }),
        switchMap(([unreadOnly]) =>
          this.fetch(unreadOnly, null).pipe(
            map((page) => ({ page })),
            catchError((error: unknown) => of({ error: toApiError(error) })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        if ('error' in result) {
          this.load.set({ status: 'error', error: result.error });
          return;
        }
        const { page } = result;
        const missing = this.arrivedDuringLoad.filter((item) => !page.items.some(({ id }) => id === item.id));
        this.items.set([...missing, ...page.items]);
        this.total.set(page.totalCount + missing.length);
        this.endCursor.set(page.endCursor);
        this.hasMore.set(page.hasNextPage);
        this.load.set({ status: 'ready' });
      });

    this.store.arrivals.pipe(takeUntilDestroyed()).subscribe((item) => this.arrive(item));
  }

  protected reload(): void {
    this.reloads.next();
  }

  protected setUnreadOnly(unreadOnly: boolean): void {
    this.done.set(null);
    void this.router.navigate([], {
      queryParams: { unread: unreadOnly ? 'true' : null },
      queryParamsHandling: 'merge',
    });
  }

  protected loadMore(): void {
    if (this.loadingMore()) return;
    this.loadingMore.set(true);
    this.actionError.set(null);
    this.fetch(this.unreadOnly(), this.endCursor()).subscribe({
      next: (page) => {
        const known = new Set(this.items().map(({ id }) => id));
        this.items.update((items) => [...items, ...page.items.filter(({ id }) => !known.has(id))]);
        this.endCursor.set(page.endCursor);
        this.hasMore.set(page.hasNextPage);
        this.loadingMore.set(false);
      },
      error: (error: unknown) => {
        this.actionError.set(toApiError(error));
        this.loadingMore.set(false);
      },
    });
  }

  /** The link itself navigates; this marks the notification read on the way. */
  protected open(item: NotificationItem): void {
    if (item.readAt === null) void this.markOne(item);
  }

  protected async markOne(item: NotificationItem): Promise<void> {
    this.actionError.set(null);
    this.done.set(null);
    try {
      await this.store.markRead([item.id]);
      this.markLocally((candidate) => candidate.id === item.id);
      this.done.set('markedOne');
    } catch (error) {
      this.actionError.set(toApiError(error));
    }
  }

  protected async markAll(): Promise<void> {
    this.actionError.set(null);
    this.done.set(null);
    this.busy.set(true);
    try {
      await this.store.markRead();
      this.markLocally(() => true);
      this.done.set('markedAll');
    } catch (error) {
      this.actionError.set(toApiError(error));
    } finally {
      this.busy.set(false);
    }
  }

  private arrive(item: NotificationItem): void {
    if (this.load().status === 'loading') this.arrivedDuringLoad.push(item);
    if (this.items().some(({ id }) => id === item.id)) return;
    this.items.update((items) => [item, ...items]);
    this.total.update((total) => total + 1);
  }

  private markLocally(which: (item: NotificationItem) => boolean): void {
    const now = new Date().toISOString();
    this.items.update((items) =>
      items.map((item) => (item.readAt === null && which(item) ? { ...item, readAt: now } : item)),
    );
  }

  private fetch(unreadOnly: boolean, after: string | null): Observable<Page> {
    return this.apollo
      .query({
        query: NotificationsDocument,
        variables: { unreadOnly, first: PAGE_SIZE, after },
        fetchPolicy: 'no-cache',
      })
      .pipe(
        map(({ data }) => {
          if (!data) throw new Error('The api answered without data.');
          const { edges, pageInfo, totalCount } = data.notifications;
          return {
            items: edges.map(({ node }) => node),
            totalCount,
            hasNextPage: pageInfo.hasNextPage,
            endCursor: pageInfo.endCursor ?? null,
          };
        }),
      );
  }
}
