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
import { type ApiError, DatePipe, LanguageService, territoryName, toApiError } from '@convergence/web/core';
import { AuditHistory, DiscussionThread, FollowButton } from '@convergence/web/discussion';
import { Badge, ErrorPanel, Skeleton } from '@convergence/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { priorityTone, statusTone } from '../action-rules';
import { ActionDetailDocument, type ActionDetailFragment } from '../data-access/generated';
import { ActionStatusChange } from '../status-change/action-status-change';

type State =
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly error: ApiError }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'ready'; readonly action: ActionDetailFragment };

/**
 * /actions/:id: what the action is, who must do it by when, where it was decided and what it serves,
 * its status (moved here by those allowed to), then following, discussion and history.
 */
@Component({
  selector: 'cv-action-detail-page',
  imports: [
    RouterLink,
    DatePipe,
    Badge,
    ErrorPanel,
    Skeleton,
    TranslocoPipe,
    ActionStatusChange,
    FollowButton,
    DiscussionThread,
    AuditHistory,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './action-detail.page.html',
  styleUrl: './action-detail.page.scss',
})
export class ActionDetailPage {
  private readonly apollo = inject(Apollo);
  private readonly language = inject(LanguageService);

  /** Route param. */
  readonly id = input.required<string>();

  protected readonly state = signal<State>({ kind: 'loading' });
  protected readonly action = computed(() => {
    const state = this.state();
    return state.kind === 'ready' ? state.action : null;
  });
  protected readonly loadError = computed(() => {
    const state = this.state();
    return state.kind === 'error' ? state.error : null;
  });
  protected readonly territory = computed(() => {
    const action = this.action();
    return action ? territoryName(action.territory, this.language.locale()) : '';
  });
  protected readonly statusTone = statusTone;
  protected readonly priorityTone = priorityTone;
  private request = 0;

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id, true));
    });
  }

  protected retry(): void {
    void this.load(this.id(), true);
  }

  protected onChanged(action: ActionDetailFragment): void {
    this.state.set({ kind: 'ready', action });
  }

  /** Someone else changed it meanwhile: show the action as it is now; the form keeps what was typed. */
  protected onConflict(): void {
    void this.load(this.id(), false);
  }

  private async load(id: string, showLoading: boolean): Promise<void> {
    const request = ++this.request;
    if (showLoading) this.state.set({ kind: 'loading' });
    try {
      const result = await firstValueFrom(
        this.apollo.query({ query: ActionDetailDocument, variables: { id }, fetchPolicy: 'network-only' }),
      );
      if (request !== this.request) return;
      const action = result.data?.action;
      this.state.set(action ? { kind: 'ready', action } : { kind: 'notFound' });
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
