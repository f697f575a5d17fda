import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { type ApiError, toApiError } from '@convergence/web/core';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import {
  type FollowStateQuery,
  FollowStateDocument,
  FollowSubjectDocument,
  UnfollowSubjectDocument,
} from '../data-access/generated';
import type { SubjectType } from '../data-access/subject-ref';

type FollowState = FollowStateQuery['followState'];

let nextId = 0;

/**
 * Follow or stop following a subject (notifications of its changes and new comments). A toggle
 * button: its name stays "Suivre" and `aria-pressed` says whether one follows (WAI-ARIA APG: the
 * label of a toggle does not change with its state); the text beside it says why (one's own choice,
 * or automatically as a member of an organisation taking part) and is announced when it changes.
 */
@Component({
  selector: 'cv-follow-button',
  imports: [MatButtonModule, TranslocoPipe],
  providers: [provideTranslocoScope('discussion')],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="cv-follow">
      @if (state(); as state) {
        <button
          mat-stroked-button
          type="button"
          class="cv-follow-toggle"
          [class.cv-follow-on]="state.following"
          [attr.aria-pressed]="state.following"
          [attr.aria-describedby]="descriptionId"
          [disabled]="busy()"
          disabledInteractive
          (click)="toggle(state)"
        >
          <svg
            class="cv-follow-mark"
            viewBox="0 0 24 24"
            width="18"
            height="18"
            aria-hidden="true"
            focusable="false"
          >
            @if (state.following) {
              <path d="M5 12.5l4.5 4.5L19 7.5" fill="none" stroke="currentColor" stroke-width="2.5" />
            } @else {
              <path d="M12 5v14M5 12h14" fill="none" stroke="currentColor" stroke-width="2" />
            }
          </svg>
          {{ 'discussion.follow.label' | transloco }}
        </button>
      }
      <span class="cv-follow-state" [id]="descriptionId" role="status">
        @if (state(); as state) {
          @if (state.following && !state.explicit) {
            {{ 'discussion.follow.auto' | transloco }}
          } @else if (state.following) {
            {{ 'discussion.follow.following' | transloco }}
          } @else if (state.explicit) {
            {{ 'discussion.follow.unfollowed' | transloco }}
          } @else {
            {{ 'discussion.follow.notFollowing' | transloco }}
          }
        }
      </span>
      @if (error(); as error) {
        <span class="cv-follow-error" role="alert">{{
          error.message ?? ('errors.' + error.code | transloco)
        }}</span>
      }
    </div>
  `,
  styles: `
    .cv-follow {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
    }
    .cv-follow-toggle {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
    }
    .cv-follow-on {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .cv-follow-state {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      max-inline-size: 40ch;
    }
    .cv-follow-error {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-error);
    }
  `,
})
export class FollowButton {
  private readonly apollo = inject(Apollo);

  readonly subjectType = input.required<SubjectType>();
  readonly subjectId = input.required<string>();

  protected readonly descriptionId = `cv-follow-state-${nextId++}`;
  /** Null until known. */
  protected readonly state = signal<FollowState | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  private request = 0;

  constructor() {
    effect(() => {
      const subjectType = this.subjectType();
      const subjectId = this.subjectId();
      untracked(() => {
        this.state.set(null);
        this.error.set(null);
        void this.load(subjectType, subjectId);
      });
    });
  }

  protected async toggle(current: FollowState): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    const variables = { subjectType: this.subjectType(), subjectId: this.subjectId() };
    try {
      if (current.following) {
        await firstValueFrom(this.apollo.mutate({ mutation: UnfollowSubjectDocument, variables }));
      } else {
        await firstValueFrom(this.apollo.mutate({ mutation: FollowSubjectDocument, variables }));
      }
      await this.load(variables.subjectType, variables.subjectId);
    } catch (caught) {
      this.error.set(toApiError(caught));
    } finally {
      this.busy.set(false);
    }
  }

  private async load(subjectType: SubjectType, subjectId: string): Promise<void> {
    const request = ++this.request;
    try {
      const result = await firstValueFrom(
        this.apollo.query({
          query: FollowStateDocument,
          variables: { subjectType, subjectId },
          fetchPolicy: 'network-only',
        }),
      );
      if (request !== this.request) return;
      this.state.set(result.data?.followState ?? null);
    } catch (caught) {
      if (request === this.request) this.error.set(toApiError(caught));
    }
  }
}
