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
import { RouterLink } from '@angular/router';
import {
  type ApiError,
  DatePipe,
  LanguageService,
  MoneyPipe,
  NumberPipe,
  territoryName,
  toApiError,
} from '@convergence/web/core';
import { AuditHistory, DiscussionThread, FollowButton } from '@convergence/web/discussion';
import { Badge, type BadgeTone, ErrorPanel, Skeleton } from '@convergence/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import {
  type ActionPriority,
  type ActionStatus,
  type CommitmentStatus,
  ForumDetailDocument,
  type ForumDetailQuery,
} from '../data-access/generated';
import { isScheduled } from '../forum-dates';

type Forum = NonNullable<ForumDetailQuery['forum']>;

type State =
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly error: ApiError }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'ready'; readonly forum: Forum };

const COMMITMENT_TONES: Readonly<Record<CommitmentStatus, BadgeTone>> = {
  PLANNED: 'neutral',
  IN_PROGRESS: 'info',
  DECLARED: 'info',
  FULFILLED: 'success',
  PARTIALLY_FULFILLED: 'warning',
  CANCELLED: 'neutral',
};
const ACTION_TONES: Readonly<Record<ActionStatus, BadgeTone>> = {
  OPEN: 'neutral',
  IN_PROGRESS: 'info',
  BLOCKED: 'warning',
  DONE: 'success',
  CANCELLED: 'neutral',
};
const PRIORITY_TONES: Readonly<Record<ActionPriority, BadgeTone>> = {
  LOW: 'neutral',
  MEDIUM: 'info',
  HIGH: 'warning',
  CRITICAL: 'danger',
};

/**
 * /forums/:id: a forum (such as the 11 October 2018 one in Casablanca) with its theme, date, place,
 * participants and resolutions, the commitments announced and the actions decided there (each a
 * link to its page), then following, discussion and history.
 */
@Component({
  selector: 'cv-forum-detail-page',
  imports: [
    RouterLink,
    DatePipe,
    MoneyPipe,
    NumberPipe,
    Badge,
    ErrorPanel,
    Skeleton,
    TranslocoPipe,
    FollowButton,
    DiscussionThread,
    AuditHistory,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './forum-detail.page.html',
  styleUrl: './forum-detail.page.scss',
})
export class ForumDetailPage {
  private readonly apollo = inject(Apollo);
  private readonly language = inject(LanguageService);

  /** Route param. */
  readonly id = input.required<string>();

  protected readonly state = signal<State>({ kind: 'loading' });
  protected readonly forum = computed(() => {
    const state = this.state();
    return state.kind === 'ready' ? state.forum : null;
  });
  protected readonly loadError = computed(() => {
    const state = this.state();
    return state.kind === 'error' ? state.error : null;
  });
  protected readonly region = computed(() => {
    const region = this.forum()?.region;
    return region ? territoryName(region, this.language.locale()) : null;
  });
  protected readonly scheduled = computed(() => {
    const forum = this.forum();
    return forum ? isScheduled(forum.heldOn) : false;
  });

  protected readonly commitmentTones = COMMITMENT_TONES;
  protected readonly actionTones = ACTION_TONES;
  protected readonly priorityTones = PRIORITY_TONES;
  private request = 0;

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  protected retry(): void {
    void this.load(this.id());
  }

  private async load(id: string): Promise<void> {
    const request = ++this.request;
    this.state.set({ kind: 'loading' });
    try {
      const result = await firstValueFrom(
        this.apollo.query({ query: ForumDetailDocument, variables: { id }, fetchPolicy: 'network-only' }),
      );
      if (request !== this.request) return;
      const forum = result.data?.forum;
      this.state.set(forum ? { kind: 'ready', forum } : { kind: 'notFound' });
    } catch (caught) {
      if (request !== this.request) return;
      const error = toApiError(caught);
      // A denied read looks like one that does not exist (an id that is not one, too).
      this.state.set(
        error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT'
          ? { kind: 'notFound' }
          : { kind: 'error', error },
      );
    }
  }
}
