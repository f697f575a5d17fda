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
import { MatButtonModule } from '@angular/material/button';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  type ApiError,
  DatePipe,
  LanguageService,
  NumberPipe,
  TerritoryPicker,
  territoryName,
  toApiError,
} from '@convergence/web/core';
import { Badge, EmptyState, ErrorPanel, Skeleton } from '@convergence/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { type ForumFilter, type ForumRegionFragment, ForumsListDocument } from '../data-access/generated';
import { isScheduled, todayIso } from '../forum-dates';

const PAGE_SIZE = 20;

interface ForumRow {
  readonly id: string;
  readonly title: string;
  readonly theme: string;
  readonly heldOn: string;
  readonly place: string;
  readonly region: ForumRegionFragment | null;
  readonly participantCount: number;
  readonly commitmentCount: number;
  readonly actionCount: number;
  readonly scheduled: boolean;
}

/**
 * /forums: the forums and follow-up meetings the user may read, newest first, with how many
 * organisations took part and how many commitments and actions came out of each. The territory
 * filter lives in the URL (`?territory=06`).
 */
@Component({
  selector: 'cv-forums-list-page',
  imports: [
    MatButtonModule,
    RouterLink,
    TerritoryPicker,
    DatePipe,
    NumberPipe,
    Badge,
    EmptyState,
    ErrorPanel,
    Skeleton,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './forums-list.page.html',
  styleUrl: './forums-list.page.scss',
})
export class ForumsListPage {
  private readonly apollo = inject(Apollo);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly language = inject(LanguageService);

  /** Query param: a territory code, the forums held for its region. */
  readonly territory = input<string | null>();

  protected readonly filter = computed<ForumFilter | null>(() => {
    const territoryCode = this.territory();
    return territoryCode ? { territoryCode } : null;
  });

  protected readonly loading = signal(true);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly rows = signal<readonly ForumRow[]>([]);
  protected readonly totalCount = signal(0);
  protected readonly hasNextPage = signal(false);
  protected readonly loadingMore = signal(false);
  protected readonly moreError = signal<ApiError | null>(null);
  private readonly endCursor = signal<string | null>(null);
  private request = 0;

  constructor() {
    effect(() => {
      const filter = this.filter();
      untracked(() => void this.load(filter, null));
    });
  }

  protected regionName(region: ForumRegionFragment | null): string | null {
    return region ? territoryName(region, this.language.locale()) : null;
  }

  protected setTerritory(code: string | null): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { territory: code || null },
      queryParamsHandling: 'merge',
    });
  }

  protected retry(): void {
    void this.load(this.filter(), null);
  }

  protected loadMore(): void {
    void this.load(this.filter(), this.endCursor());
  }

  private async load(filter: ForumFilter | null, after: string | null): Promise<void> {
    const request = ++this.request;
    if (after) {
      this.loadingMore.set(true);
      this.moreError.set(null);
    } else {
      this.loading.set(true);
      this.error.set(null);
    }
    try {
      const result = await firstValueFrom(
        this.apollo.query({
          query: ForumsListDocument,
          variables: { filter, first: PAGE_SIZE, after },
          fetchPolicy: 'network-only',
        }),
      );
      if (request !== this.request) return;
      const connection = result.data?.forums;
      if (!connection) throw new Error('forums answered nothing');
      const today = todayIso();
      const rows = connection.edges.map(({ node }) => ({
        id: node.id,
        title: node.title,
        theme: node.theme,
        heldOn: node.heldOn,
        place: node.place,
        region: node.region,
        participantCount: node.participants.length,
        commitmentCount: node.commitments.length,
        actionCount: node.actions.length,
        scheduled: isScheduled(node.heldOn, today),
      }));
      this.rows.update((list) => (after ? [...list, ...rows] : rows));
      this.totalCount.set(connection.totalCount);
      this.hasNextPage.set(connection.pageInfo.hasNextPage);
      this.endCursor.set(connection.pageInfo.endCursor);
    } catch (caught) {
      if (request !== this.request) return;
      (after ? this.moreError : this.error).set(toApiError(caught));
    } finally {
      if (request === this.request) {
        this.loading.set(false);
        this.loadingMore.set(false);
      }
    }
  }
}
