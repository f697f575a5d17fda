import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { type ApiError, DatePipe, toApiError } from '@convergence/web/core';
import { EmptyState, ErrorPanel, Skeleton } from '@convergence/web/ui';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { type AuditTrailQuery, AuditTrailDocument } from '../data-access/generated';
import type { SubjectType } from '../data-access/subject-ref';
import { AuditValue } from './audit-value';
import { ACTION_KEYS, type ChangeView, changeViews, OPERATION_KEYS } from './audit-values';

/** Events per page. */
export const AUDIT_PAGE_SIZE = 20;

type AuditNode = AuditTrailQuery['auditTrail']['edges'][number]['node'];

interface AuditEventView {
  readonly id: string;
  readonly at: string;
  /** Null: the platform itself (an import, a scheduled job). */
  readonly actorName: string | null;
  readonly operationKey: string;
  readonly changes: readonly ChangeView[];
}

type LoadState =
  | { readonly kind: 'closed' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly error: ApiError }
  | { readonly kind: 'loaded' };

let nextId = 0;

/**
 * Who changed what on a subject, newest first: collapsed behind a disclosure button, loaded the
 * first time it is opened, then page by page.
 */
@Component({
  selector: 'cv-audit-history',
  imports: [MatButtonModule, TranslocoPipe, DatePipe, AuditValue, EmptyState, ErrorPanel, Skeleton],
  providers: [provideTranslocoScope('discussion')],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audit-history.html',
  styleUrl: './audit-history.scss',
})
export class AuditHistory {
  private readonly apollo = inject(Apollo);

  readonly subjectType = input.required<SubjectType>();
  readonly subjectId = input.required<string>();

  protected readonly panelId = `cv-audit-history-${nextId++}`;
  protected readonly open = signal(false);
  protected readonly state = signal<LoadState>({ kind: 'closed' });
  protected readonly events = signal<readonly AuditEventView[]>([]);
  protected readonly totalCount = signal(0);
  protected readonly hasNextPage = signal(false);
  protected readonly loadingMore = signal(false);
  protected readonly moreError = signal<ApiError | null>(null);
  private endCursor: string | null = null;
  private request = 0;

  constructor() {
    // Another subject in the same place (navigation between two projects): forget the old one.
    effect(() => {
      this.subjectType();
      this.subjectId();
      untracked(() => {
        this.request++;
        this.events.set([]);
        this.state.set({ kind: 'closed' });
        if (this.open()) void this.load();
      });
    });
  }

  protected toggle(): void {
    this.open.update((open) => !open);
    if (this.open() && this.state().kind === 'closed') void this.load();
  }

  protected async load(): Promise<void> {
    const request = ++this.request;
    this.state.set({ kind: 'loading' });
    try {
      const page = await this.fetch(null);
      if (request !== this.request) return;
      this.events.set(page.events);
      this.state.set({ kind: 'loaded' });
    } catch (caught) {
      if (request === this.request) this.state.set({ kind: 'error', error: toApiError(caught) });
    }
  }

  protected async loadMore(): Promise<void> {
    if (!this.hasNextPage() || this.loadingMore()) return;
    const request = this.request;
    this.loadingMore.set(true);
    this.moreError.set(null);
    try {
      const page = await this.fetch(this.endCursor);
      if (request === this.request) this.events.update((events) => [...events, ...page.events]);
    } catch (caught) {
      if (request === this.request) this.moreError.set(toApiError(caught));
    } finally {
      this.loadingMore.set(false);
    }
  }

  private async fetch(after: string | null): Promise<{ events: AuditEventView[] }> {
    const subjectType = this.subjectType();
    const result = await firstValueFrom(
      this.apollo.query({
        query: AuditTrailDocument,
        variables: { subjectType, subjectId: this.subjectId(), first: AUDIT_PAGE_SIZE, after },
        fetchPolicy: 'network-only',
      }),
    );
    const trail = result.data?.auditTrail;
    if (!trail) throw new Error('The api answered without data.');
    this.totalCount.set(trail.totalCount);
    this.hasNextPage.set(trail.pageInfo.hasNextPage);
    this.endCursor = trail.pageInfo.endCursor;
    return { events: trail.edges.map((edge) => eventView(edge.node, subjectType)) };
  }
}

function eventView(node: AuditNode, subjectType: SubjectType): AuditEventView {
  return {
    id: node.id,
    at: node.at,
    actorName: node.actor?.displayName ?? null,
    operationKey: OPERATION_KEYS[node.operation] ?? ACTION_KEYS[node.action],
    changes: changeViews(node.changes, subjectType),
  };
}
