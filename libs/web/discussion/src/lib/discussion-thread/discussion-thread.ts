import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  Injector,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { type ApiError, toApiError } from '@convergence/web/core';
import { EmptyState, ErrorPanel, Skeleton } from '@convergence/web/ui';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { type DiscussionCommentsQuery, DiscussionCommentsDocument } from '../data-access/generated';
import type { SubjectType } from '../data-access/subject-ref';
import { CommentComposer } from './comment-composer';
import { type CommentChange, CommentEntry } from './comment-entry';

/** Threads per page. */
export const THREAD_PAGE_SIZE = 20;
/** The api's largest page: a reload after a write brings back at most this many threads. */
const MAX_PAGE_SIZE = 100;

/** The subjects a formal question can be addressed on: those an organisation answers for. */
const QUESTION_SUBJECTS: readonly SubjectType[] = ['PROJECT', 'COMMITMENT', 'ACTION'];

type Thread = DiscussionCommentsQuery['comments']['edges'][number]['node'];
type Announcement = CommentChange | 'posted' | 'replyPosted';

type LoadState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly error: ApiError }
  | { readonly kind: 'loaded' };

/**
 * The discussion of a subject: its threads oldest first, each with its replies, page by page; a form
 * for a new comment (with @mentions, and the formal question where someone answers for the subject)
 * and one per thread for a reply. After each write of one's own, the threads shown are read again.
 */
@Component({
  selector: 'cv-discussion-thread',
  imports: [MatButtonModule, TranslocoPipe, CommentComposer, CommentEntry, EmptyState, ErrorPanel, Skeleton],
  providers: [provideTranslocoScope('discussion')],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './discussion-thread.html',
  styleUrl: './discussion-thread.scss',
})
export class DiscussionThread {
  private readonly apollo = inject(Apollo);
  private readonly injector = inject(Injector);

  readonly subjectType = input.required<SubjectType>();
  readonly subjectId = input.required<string>();

  protected readonly state = signal<LoadState>({ kind: 'loading' });
  protected readonly threads = signal<readonly Thread[]>([]);
  protected readonly totalCount = signal(0);
  protected readonly hasNextPage = signal(false);
  protected readonly loadingMore = signal(false);
  protected readonly moreError = signal<ApiError | null>(null);
  protected readonly replyingTo = signal<string | null>(null);
  protected readonly announcement = signal<Announcement | null>(null);
  protected readonly questionsAllowed = computed(() => QUESTION_SUBJECTS.includes(this.subjectType()));
  private endCursor: string | null = null;
  private request = 0;

  constructor() {
    effect(() => {
      this.subjectType();
      this.subjectId();
      untracked(() => {
        this.replyingTo.set(null);
        this.announcement.set(null);
        void this.load(true);
      });
    });
  }

  protected retry(): void {
    void this.load(true);
  }

  protected async loadMore(): Promise<void> {
    if (!this.hasNextPage() || this.loadingMore()) return;
    const request = this.request;
    this.loadingMore.set(true);
    this.moreError.set(null);
    try {
      const page = await this.fetch(THREAD_PAGE_SIZE, this.endCursor);
      if (request !== this.request) return;
      this.threads.update((threads) => [...threads, ...page]);
    } catch (caught) {
      if (request === this.request) this.moreError.set(toApiError(caught));
    } finally {
      this.loadingMore.set(false);
    }
  }

  protected openReply(threadId: string): void {
    this.replyingTo.update((current) => (current === threadId ? null : threadId));
  }

  protected closeReply(threadId: string): void {
    this.replyingTo.set(null);
    afterNextRender(() => document.getElementById(this.replyButtonId(threadId))?.focus(), {
      injector: this.injector,
    });
  }

  protected replyButtonId(threadId: string): string {
    return `cv-reply-${threadId}`;
  }

  /** A write of one's own: read the threads again, and say what happened. */
  protected async written(what: Announcement, threadId?: string): Promise<void> {
    if (threadId) this.closeReply(threadId);
    this.announcement.set(what);
    await this.load(false, what === 'posted' ? 1 : 0);
  }

  /** Someone changed a comment meanwhile: the entry says so; the threads come back fresh. */
  protected async conflicted(): Promise<void> {
    await this.load(false);
  }

  /**
   * `initial`: the skeleton shows until the first page comes; otherwise the threads stay on screen
   * and are replaced by the same number of them, fresh (plus `extra`: a new thread at the end).
   */
  private async load(initial: boolean, extra = 0): Promise<void> {
    const request = ++this.request;
    if (initial) {
      this.state.set({ kind: 'loading' });
      this.threads.set([]);
    }
    const size = Math.min(MAX_PAGE_SIZE, Math.max(THREAD_PAGE_SIZE, this.threads().length + extra));
    try {
      const page = await this.fetch(size, null);
      if (request !== this.request) return;
      this.threads.set(page);
      this.state.set({ kind: 'loaded' });
    } catch (caught) {
      if (request === this.request) this.state.set({ kind: 'error', error: toApiError(caught) });
    }
  }

  private async fetch(first: number, after: string | null): Promise<Thread[]> {
    const result = await firstValueFrom(
      this.apollo.query({
        query: DiscussionCommentsDocument,
        variables: { subjectType: this.subjectType(), subjectId: this.subjectId(), first, after },
        fetchPolicy: 'network-only',
      }),
    );
    const comments = result.data?.comments;
    if (!comments) throw new Error('The api answered without data.');
    this.totalCount.set(comments.totalCount);
    this.hasNextPage.set(comments.pageInfo.hasNextPage);
    this.endCursor = comments.pageInfo.endCursor;
    return comments.edges.map((edge) => edge.node);
  }
}
